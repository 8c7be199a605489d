import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthService } from '@auth0/auth0-angular';
import type { GroupRooftopList } from '@showroom/contracts';
import { of } from 'rxjs';
import { me, membership, NORTH } from '../../testing/fixtures';
import { closePage, elementIn, openPage, settle as settlePage } from '../../testing/page';
import { ActiveDealership } from '../core/active-dealership';
import { groupRooftop, provisioningStatus } from '../website/website-fixtures';
import { browserTimeZone } from './rooftop-model';
import { RooftopsPage } from './rooftops-page';

@Component({ selector: 'sr-website-stub', template: 'website' })
class WebsiteStub {}

const WEST = '6f1c7d7e-6c0e-4f43-9d64-2d8f0d1a0a09';
const GROUP = '9a0e8c1e-5b8f-4d8e-9a51-0c7f6c2b1d01';

describe('RooftopsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let tokenRequests: unknown[];

  const group = (items = [groupRooftop()]): GroupRooftopList => ({
    groupId: GROUP,
    groupName: 'Northside Group',
    items,
  });

  const forbidden = {
    type: 'https://showroom.dev/problems/forbidden',
    title: 'Forbidden',
    status: 403,
    detail:
      'Only an owner of every rooftop of Demo Motor Group may add rooftops or see them all; you own 1 of its 2.',
  };

  /** Opens the page and answers its read with `list`; null leaves the read for the test to answer. */
  async function open(list: GroupRooftopList | null = group()) {
    tokenRequests = [];
    ({ http, harness } = await openPage({
      routes: [
        { path: 'rooftops', component: RooftopsPage },
        { path: 'website', component: WebsiteStub },
      ],
      url: '/rooftops',
      role: 'owner',
      providers: [
        {
          provide: AuthService,
          useValue: {
            getAccessTokenSilently: (options: unknown) => {
              tokenRequests.push(options);
              return of('a-fresh-token');
            },
          },
        },
      ],
    }));
    if (list) {
      http.expectOne('/api/users/rooftops').flush(list);
      await settle();
    }
  }

  const settle = () => settlePage(harness);
  const element = <T extends Element = HTMLElement>(selector: string) => elementIn<T>(harness, selector);
  const byTestId = <T extends Element = HTMLElement>(testId: string) =>
    element<T>(`[data-testid="${testId}"]`) as T;

  function type(testId: string, value: string) {
    const input = byTestId<HTMLInputElement>(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function fillIn({ name = 'Northside Honda West', domain = '' } = {}) {
    byTestId<HTMLButtonElement>('add-rooftop').click();
    await settle();
    type('rooftop-name', name);
    type('address-street', '88 W Jefferson St');
    type('address-city', 'Springfield');
    type('address-region', 'IL');
    type('address-postalCode', '62702');
    if (domain) type('rooftop-domain', domain);
    await settle();
  }

  async function submit() {
    byTestId<HTMLButtonElement>('create-rooftop').click();
    await settle();
  }

  afterEach(() => closePage(http));

  it('lists the group’s rooftops with their site and where publishing stands', async () => {
    await open(
      group([
        groupRooftop(),
        groupRooftop({
          id: WEST,
          name: 'Northside Honda West',
          siteUrl: 'http://northside-honda-west.localhost:4400',
          provisioning: provisioningStatus({ state: 'failed', liveAt: null }),
        }),
      ]),
    );
    expect(byTestId('group-name').textContent).toContain('Northside Group');
    const rooftops = harness.fixture.nativeElement.querySelectorAll('[data-testid="rooftop"]');
    expect(rooftops.length).toBe(2);
    expect(rooftops[0].textContent).toContain('1200 N Grand Ave, Springfield, IL 62702');
    expect(rooftops[1].querySelector('[data-testid="rooftop-site-link"]')?.getAttribute('href')).toBe(
      'http://northside-honda-west.localhost:4400',
    );
    expect(rooftops[1].querySelector('[data-testid="provisioning-state"]')?.textContent).toBe(
      'Failed, will retry',
    );
    expect(element('[data-testid="rooftop-domain-pending"]')).toBeNull();
    // The owner is no member of West (yet): there is no Website page of it to open.
    expect(rooftops[1].querySelector('[data-testid="rooftop-website-link"]')).toBeNull();
    expect(rooftops[0].querySelector('[data-testid="rooftop-website-link"]')).not.toBeNull();
  });

  it('when a rooftop’s own domain does not serve its site yet, then its state says the domain is pending', async () => {
    await open(
      group([
        groupRooftop({
          provisioning: provisioningStatus({ unservedDomains: ['www.northside-honda.example'] }),
        }),
      ]),
    );
    expect(byTestId('provisioning-state').textContent).toBe('Live');
    expect(byTestId('rooftop-domain-pending').textContent?.trim()).toBe(
      'Domain pending: www.northside-honda.example',
    );
  });

  it('when an owner of only some of the group’s rooftops opens the page (403), then the service’s reason shows, with no retry and no form', async () => {
    await open(null);
    http.expectOne('/api/users/rooftops').flush(forbidden, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(byTestId('rooftops-refusal').textContent?.trim()).toBe(forbidden.detail);
    expect(byTestId('rooftops-error').textContent).not.toContain('Forbidden');
    expect(byTestId('rooftops-error').querySelector('button')).toBeNull();
    expect(element('[data-testid="add-rooftop"]')).toBeNull();
  });

  it('when the service refuses the new rooftop to this owner (403), then the form says why in the service’s words', async () => {
    await open();
    await fillIn();
    await submit();
    http.expectOne('/api/users/rooftops').flush(forbidden, { status: 403, statusText: 'Forbidden' });
    await settle();
    const banner = byTestId('rooftop-create-error');
    expect(banner.textContent).toContain('The rooftop was not added.');
    expect(banner.textContent).toContain(forbidden.detail);
    expect(banner.textContent).not.toContain('Forbidden');
    expect(element('[data-testid="rooftop-name-error"]')).toBeNull();
    expect(tokenRequests).toEqual([]);
  });

  it('when an owner adds a rooftop, then it is created, a fresh token puts it in the dealership switcher, and its site and Website page are offered', async () => {
    await open();
    await fillIn({ domain: 'https://West.Northside-Honda.example/' });
    expect(byTestId('rooftop-time-zone').textContent).toContain(browserTimeZone());
    await submit();

    const post = http.expectOne('/api/users/rooftops');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      name: 'Northside Honda West',
      address: {
        street: '88 W Jefferson St',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62702',
        country: 'US',
      },
      timeZone: browserTimeZone(),
      domain: 'west.northside-honda.example',
    });
    const west = groupRooftop({
      id: WEST,
      name: 'Northside Honda West',
      siteUrl: 'http://northside-honda-west.localhost:4400',
      provisioning: provisioningStatus({ state: 'pending', liveAt: null }),
    });
    post.flush(west, { status: 201, statusText: 'Created' });
    await settle();
    // Read again for the group's name; West went live meanwhile, so nothing is left to follow.
    http
      .expectOne('/api/users/rooftops')
      .flush(group([groupRooftop(), { ...west, provisioning: provisioningStatus() }]));
    await settle();

    expect(tokenRequests).toEqual([{ cacheMode: 'off' }]);
    http
      .expectOne('/api/users/me')
      .flush(
        me([
          membership(NORTH, 'owner', 'Northside Honda'),
          membership(WEST, 'owner', 'Northside Honda West'),
        ]),
      );
    await settle();
    expect(
      TestBed.inject(ActiveDealership)
        .all()
        .map((m) => m.dealership.id),
    ).toEqual([NORTH, WEST]);
    // The memberships arrive after the answer's microtask: one more round shows what they allow.
    await settle();

    expect(byTestId('rooftop-created').textContent).toContain('Northside Honda West is added');
    expect(byTestId<HTMLAnchorElement>('created-site-link').href).toBe(
      'http://northside-honda-west.localhost:4400/',
    );
    byTestId<HTMLButtonElement>('created-website-link').click();
    await settle();
    expect(TestBed.inject(ActiveDealership).id()).toBe(WEST);
    expect(TestBed.inject(Router).url).toBe('/website');
    // The switch made the page, on its way out, read the rooftops of West's group.
    http
      .match('/api/users/rooftops')
      .forEach((read) => read.cancelled || read.flush(group([groupRooftop(), west])));
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('when the group already has a rooftop by that name (409), then the name field says so', async () => {
    await open();
    await fillIn({ name: 'Northside Honda' });
    await submit();
    http.expectOne('/api/users/rooftops').flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'Northside Group already has a rooftop named Northside Honda.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(byTestId('rooftop-name-error').textContent?.trim()).toBe(
      'Northside Group already has a rooftop named Northside Honda.',
    );
    expect(element('[data-testid="rooftop-create-error"]')).toBeNull();
    expect(tokenRequests).toEqual([]);
  });

  it('when a field is missing or the domain is not a host name, then nothing is sent and the fields say why', async () => {
    await open();
    byTestId<HTMLButtonElement>('add-rooftop').click();
    await settle();
    type('rooftop-domain', 'my dealership');
    await submit();
    http.expectNone('/api/users/rooftops');
    expect(byTestId('rooftop-name-error').textContent).toContain('Name is required');
    expect(byTestId('rooftop-domain-error').textContent).toContain('must be a host name');
  });
});
