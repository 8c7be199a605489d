import { BreakpointObserver } from '@angular/cdk/layout';
import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { GroupPeople, Membership } from '@showroom/contracts';
import { of } from 'rxjs';
import { me, membership, NORTH, SOUTH } from '../../testing/fixtures';
import { closePage, elementIn, openPage, renderDeferred } from '../../testing/page';
import { UsersApi } from '../api/users-api';
import { ActiveDealership } from '../core/active-dealership';
import { dealershipInterceptor } from '../core/dealership.interceptor';
import { Notifier } from '../core/notifier';
import { Clock } from '../leads/shared/clock';
import { groupPeople, memberDetail, teamOfNorth } from './team-fixtures';
import { teamRoutes } from './team.routes';

const NOW = Date.parse('2026-12-06T12:00:00.000Z');
const GROUP_PEOPLE = '/api/users/group/people';

/** A phone's screen for `matchesMedia`: every layout query matches. */
const phoneScreen = { observe: () => of({ matches: true, breakpoints: {} }), isMatched: () => true };

/** Dana owns both rooftops of Demo Motor Group. */
const ownerOfBoth = (): Membership[] => [
  membership(NORTH, 'owner', 'Northside Honda'),
  membership(SOUTH, 'owner', 'Southside Toyota'),
];

const forbidden = {
  type: 'https://showroom.dev/problems/forbidden',
  title: 'Forbidden',
  status: 403,
  detail:
    'Only an owner of every rooftop of Demo Motor Group may add rooftops or see them all; you own 1 of its 2.',
};

describe('GroupPeoplePage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  /** Signed in as Dana with `memberships` (working in the first), on `url`; nothing answered yet. */
  async function open({
    memberships = ownerOfBoth(),
    phone = false,
    url = '/team/group',
  }: { memberships?: Membership[]; phone?: boolean; url?: string } = {}) {
    ({ http, harness } = await openPage({
      routes: [{ path: 'team', children: teamRoutes }],
      url,
      role: memberships[0].role,
      memberships,
      interceptors: [dealershipInterceptor],
      providers: [
        { provide: UsersApi, useValue: { me: () => of(me(memberships)) } },
        { provide: Clock, useValue: { now: signal(NOW).asReadonly() } },
        ...(phone ? [{ provide: BreakpointObserver, useValue: phoneScreen }] : []),
      ],
    }));
  }

  /** Opens the view and answers its read with `group`. */
  async function openWith(group: GroupPeople = groupPeople(), options: Parameters<typeof open>[0] = {}) {
    await open(options);
    http.expectOne(GROUP_PEOPLE).flush(group);
    await settle();
  }

  const settle = () => renderDeferred(harness);
  const all = (testId: string, root: ParentNode = harness.fixture.nativeElement) =>
    Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`));
  const byTestId = (testId: string) => elementIn(harness, `[data-testid="${testId}"]`);
  const person = (id: string) =>
    elementIn(harness, `[data-testid="group-person"][data-person-id="${id}"]`) as HTMLElement;
  const cell = (personId: string, rooftopId: string) =>
    person(personId).querySelector(
      `[data-testid="group-cell"][data-rooftop-id="${rooftopId}"]`,
    ) as HTMLElement;
  const within = (root: Element, testId: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

  afterEach(() => closePage(http));

  it('lists each person once, with their role and status at each rooftop of the group and “—” where they do not work', async () => {
    await open();
    const read = http.expectOne(GROUP_PEOPLE);
    expect(read.request.method).toBe('GET');
    expect(read.request.headers.get('X-Dealership-Id')).toBe(NORTH);
    read.flush(groupPeople());
    await settle();

    expect(text(byTestId('group-people-summary'))).toBe('Demo Motor Group · 2 rooftops · 4 people');
    expect(elementIn(harness, 'table')).not.toBeNull();
    expect(all('group-rooftop').map((th) => th.firstChild?.textContent?.trim())).toEqual([
      'Northside Honda',
      'Southside Toyota',
    ]);
    expect(text(all('group-rooftop')[0])).toContain('you are working here');
    expect(all('group-person').map((row) => row.getAttribute('data-email'))).toEqual([
      'alex@northside.example',
      'dana@northside.example',
      'sam@northside.example',
      'taylor@southside.example',
    ]);
    expect(text(person('auth0|dana'))).toContain('(you)');

    const samNorth = cell('auth0|sam', NORTH);
    expect(within(samNorth, 'group-role')?.textContent).toBe('Sales');
    expect(within(samNorth, 'member-status')?.textContent).toBe('Active');
    const samSouth = cell('auth0|sam', SOUTH);
    expect(within(samSouth, 'group-role')?.textContent).toBe('Viewer');
    expect(within(samSouth, 'member-status')?.textContent).toBe('Deactivated');
    expect(within(samSouth, 'group-role-link')?.getAttribute('aria-label')).toBe(
      'Sam Seller at Southside Toyota: Viewer, deactivated',
    );

    const alexSouth = cell('auth0|alex', SOUTH);
    expect(within(alexSouth, 'group-role-link')).toBeNull();
    expect(within(alexSouth, 'group-role-none')?.textContent).toContain('—');
    expect(text(within(cell('auth0|taylor', NORTH), 'group-role-none'))).toContain(
      'Taylor Finance at Northside Honda: does not work there',
    );
    expect(within(cell('auth0|taylor', SOUTH), 'group-role')?.textContent).toBe('Finance manager');
  });

  it('links each role to the person’s page at that rooftop, naming the rooftop', async () => {
    await openWith();
    expect(within(cell('auth0|sam', NORTH), 'group-role-link')?.getAttribute('href')).toBe(
      `/team/auth0%7Csam?dealership=${NORTH}`,
    );
    expect(within(cell('auth0|sam', SOUTH), 'group-role-link')?.getAttribute('href')).toBe(
      `/team/auth0%7Csam?dealership=${SOUTH}`,
    );
  });

  it('following a role at another rooftop switches to that rooftop, then opens the person’s page there', async () => {
    await openWith();
    const active = TestBed.inject(ActiveDealership);
    expect(active.id()).toBe(NORTH);
    const shown = vi.spyOn(TestBed.inject(Notifier), 'show').mockImplementation(() => undefined);

    within(cell('auth0|sam', SOUTH), 'group-role-link')?.click();
    await settle();

    expect(TestBed.inject(Router).url).toBe(`/team/auth0%7Csam?dealership=${SOUTH}`);
    expect(active.id()).toBe(SOUTH);
    expect(localStorage.getItem('showroom.activeDealershipId')).toBe(SOUTH);
    // The view does not read Southside's group on its way out.
    expect(http.match(GROUP_PEOPLE)).toEqual([]);
    // The member page reads Sam in Southside: the switch came first.
    const read = http.expectOne('/api/users/members/auth0%7Csam');
    expect(read.request.headers.get('X-Dealership-Id')).toBe(SOUTH);
    read.flush(memberDetail({ role: 'viewer', status: 'deactivated' }));
    await settle();
    expect(text(byTestId('member-dealership'))).toBe('Team member at Southside Toyota');
    expect(text(byTestId('member-name'))).toBe('Sam Seller');
    expect(shown).toHaveBeenCalledExactlyOnceWith('Now working in Southside Toyota');
  });

  it('following a role at the rooftop in use opens the page without a switch', async () => {
    await openWith();
    const shown = vi.spyOn(TestBed.inject(Notifier), 'show').mockImplementation(() => undefined);
    within(cell('auth0|alex', NORTH), 'group-role-link')?.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/team/auth0%7Calex?dealership=${NORTH}`);
    expect(TestBed.inject(ActiveDealership).id()).toBe(NORTH);
    const read = http.expectOne('/api/users/members/auth0%7Calex');
    expect(read.request.headers.get('X-Dealership-Id')).toBe(NORTH);
    read.flush(memberDetail({ id: 'auth0|alex', name: 'Alex Manager', role: 'manager' }));
    await settle();
    expect(text(byTestId('member-dealership'))).toBe('Team member at Northside Honda');
    expect(shown).not.toHaveBeenCalled();
  });

  it('on a phone, shows a card per person with a line per rooftop, each role a link to that rooftop', async () => {
    await openWith(groupPeople(), { phone: true });
    expect(elementIn(harness, 'table')).toBeNull();
    const cards = all('group-person');
    expect(cards).toHaveLength(4);
    expect(cards[2].tagName).toBe('LI');
    const lines = all('group-cell', cards[2]);
    expect(lines.map((line) => text(line.querySelector('dt')))).toEqual([
      'Northside Honda',
      'Southside Toyota',
    ]);
    expect(within(lines[0], 'group-role')?.textContent).toBe('Sales');
    expect(within(lines[1], 'member-status')?.textContent).toBe('Deactivated');
    expect(within(lines[1], 'group-role-link')?.getAttribute('href')).toBe(
      `/team/auth0%7Csam?dealership=${SOUTH}`,
    );
    expect(within(all('group-cell', cards[0])[1], 'group-role-none')).not.toBeNull();
  });

  it('when the service refuses (403: not an owner of every rooftop), then it shows its reason, and no retry', async () => {
    await open();
    http.expectOne(GROUP_PEOPLE).flush(forbidden, { status: 403, statusText: 'Forbidden' });
    await settle();
    const error = byTestId('group-people-error') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toContain("The group's people are not shown to you");
    expect(byTestId('group-people-refusal')?.textContent).toBe(forbidden.detail);
    expect(error.querySelector('button')).toBeNull();
    expect(all('group-person')).toHaveLength(0);
  });

  it('when the service fails otherwise, then it says why and offers a retry', async () => {
    await open();
    http
      .expectOne(GROUP_PEOPLE)
      .flush(
        { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Try again in a minute.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await settle();
    expect(text(byTestId('group-people-error'))).toContain('Service unavailable: Try again in a minute.');
    byTestId('group-people-error')?.querySelector('button')?.click();
    http.expectOne(GROUP_PEOPLE).flush(groupPeople());
    await settle();
    expect(all('group-person')).toHaveLength(4);
  });

  it('a dealership in no group shows its own people, and says it is not in a group', async () => {
    await openWith(
      groupPeople({
        groupName: null,
        rooftops: [{ id: NORTH, name: 'Northside Honda' }],
        people: groupPeople().people.slice(0, 3),
      }),
      { memberships: [membership(NORTH, 'owner', 'Northside Honda')] },
    );
    expect(text(byTestId('group-people-summary'))).toBe(
      'Northside Honda is not in a group yet: adding a rooftop makes one.',
    );
    expect(all('group-cell')).toHaveLength(3);
  });

  it('a rooftop this session does not know the dealer at (added since) shows the role without a link', async () => {
    await openWith(groupPeople(), { memberships: [membership(NORTH, 'owner', 'Northside Honda')] });
    const samSouth = cell('auth0|sam', SOUTH);
    expect(within(samSouth, 'group-role-link')).toBeNull();
    expect(within(samSouth, 'group-role-unreachable')?.getAttribute('title')).toContain('Sign in again');
    expect(within(samSouth, 'group-role')?.textContent).toBe('Viewer');
  });

  it('keeps a manager out: /team/group sends them to the team, and the group is not read', async () => {
    await open({ memberships: [membership(NORTH, 'manager', 'Northside Honda')] });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/team');
    http.expectNone(GROUP_PEOPLE);
    http.expectOne('/api/users/members').flush({ items: teamOfNorth(), signInsKnown: true });
    http.expectOne('/api/users/invitations').flush({ items: [] });
    await settle();
    expect(byTestId('group-people-link')).toBeNull();
  });
});
