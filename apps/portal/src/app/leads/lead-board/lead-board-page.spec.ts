import { CdkDropList } from '@angular/cdk/drag-drop';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { By } from '@angular/platform-browser';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  LEAD_STATUSES,
  LEAD_TRANSITIONS,
  type LeadStatus,
  type LeadSummary,
  type Role,
} from '@showroom/contracts';
import { lead, leadCounts, leadDetail, leadList } from '../../../testing/fixtures';
import { closePage, openPage, settle as settlePage } from '../../../testing/page';
import { LeadBoardPage } from './lead-board-page';

describe('LeadBoardPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  const maria = lead({ id: 'l-maria', status: 'new' });
  const tom = lead({
    id: 'l-tom',
    status: 'contacted',
    shopper: { ...lead().shopper, firstName: 'Tom', lastName: 'Reed' },
  });

  async function open(role: Role = 'sales', url = '/leads/board') {
    ({ http, harness } = await openPage({
      routes: [{ path: 'leads/board', component: LeadBoardPage }],
      url,
      role,
    }));
    await settle();
    if (role !== 'sales') http.expectOne('/api/users/team').flush({ items: [] });
    flushColumns({ new: [maria], contacted: [tom] });
    await settle();
  }

  function columnRequests(): TestRequest[] {
    return http.match((request) => request.url === '/api/leads/leads');
  }

  function flushColumns(content: Partial<Record<LeadStatus, LeadSummary[]>>) {
    const requests = columnRequests();
    expect(requests.map((r) => r.request.params.get('status'))).toEqual([...LEAD_STATUSES]);
    for (const request of requests) {
      const status = request.request.params.get('status') as LeadStatus;
      request.flush(leadList(content[status] ?? []));
    }
  }

  const settle = () => settlePage(harness);

  const root = () => harness.fixture.nativeElement as HTMLElement;
  const column = (status: LeadStatus) =>
    root().querySelector(`[data-testid="board-column-${status}"]`) as HTMLElement;
  const cardsIn = (status: LeadStatus) =>
    Array.from(column(status).querySelectorAll<HTMLElement>('[data-testid="lead-card"]')).map((card) =>
      card.getAttribute('data-lead-id'),
    );
  const dropList = (status: LeadStatus) =>
    harness.fixture.debugElement
      .queryAll(By.directive(CdkDropList))
      .map((debug) => debug.injector.get(CdkDropList))
      .find((list) => list.data === status) as CdkDropList<LeadStatus>;

  /** What the CDK emits when a card is let go over another column. */
  async function dragAndDrop(card: LeadSummary, from: LeadStatus, to: LeadStatus) {
    const target = dropList(to);
    target.dropped.emit({
      item: { data: card } as never,
      container: target,
      previousContainer: dropList(from),
      currentIndex: 0,
      previousIndex: 0,
      isPointerOverContainer: true,
      distance: { x: 200, y: 0 },
      dropPoint: { x: 0, y: 0 },
      event: new MouseEvent('mouseup'),
    });
    await settle();
  }

  /** A successful move makes the nav badges count again. */
  function expectRecount() {
    http.expectOne('/api/leads/leads/counts').flush(leadCounts());
  }

  afterEach(() => closePage(http));

  it('shows a column for every status, sold and lost at the end, each asked for with its own total', async () => {
    await open();
    const columns = Array.from(root().querySelectorAll('[data-testid^="board-column-"]')).map((c) =>
      c.getAttribute('data-testid'),
    );
    expect(columns).toEqual(LEAD_STATUSES.map((s) => `board-column-${s}`));
    expect(columns.slice(-2)).toEqual(['board-column-sold', 'board-column-lost']);
    expect(cardsIn('new')).toEqual(['l-maria']);
    expect(cardsIn('contacted')).toEqual(['l-tom']);
  });

  it('each column’s enter predicate lets in only cards LEAD_TRANSITIONS allows into it', async () => {
    await open();
    for (const to of LEAD_STATUSES) {
      const list = dropList(to);
      const enters = list.enterPredicate({ data: maria } as never, list);
      expect({ to, enters }).toEqual({ to, enters: to === 'new' || LEAD_TRANSITIONS.new.includes(to) });
    }
  });

  it('when a salesperson drops a card on an allowed column, then the move is sent and the card stays there', async () => {
    await open();
    await dragAndDrop(maria, 'new', 'contacted');
    expect(cardsIn('contacted')).toEqual(['l-maria', 'l-tom']);
    const move = http.expectOne('/api/leads/leads/l-maria/status');
    expect(move.request.body).toEqual({ status: 'contacted' });
    move.flush(leadDetail({ id: 'l-maria', status: 'contacted' }));
    expectRecount();
    await settle();
    expect(cardsIn('contacted')).toEqual(['l-maria', 'l-tom']);
    expect(cardsIn('new')).toEqual([]);
  });

  it('when the service refuses the move (409), then the card snaps back and a snackbar says why', async () => {
    await open();
    await dragAndDrop(maria, 'new', 'appointment_set');
    expect(cardsIn('appointment_set')).toEqual(['l-maria']);
    http.expectOne('/api/leads/leads/l-maria/status').flush(
      {
        type: 'https://showroom.dev/problems/conflict',
        title: 'Conflict',
        status: 409,
        detail: 'Maria Lopez was moved to lost by Sam Seller meanwhile.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(cardsIn('appointment_set')).toEqual([]);
    expect(cardsIn('new')).toEqual(['l-maria']);
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain(
      'Maria Lopez was moved to lost by Sam Seller meanwhile.',
    );
  });

  it('when a card is dropped on lost, then the reason is asked first and sent with the move', async () => {
    await open();
    await dragAndDrop(tom, 'contacted', 'lost');
    http.expectNone('/api/leads/leads/l-tom/status');
    const dialog = document.querySelector('[data-testid="lost-reason-dialog"]') as HTMLElement;
    expect(dialog).not.toBeNull();

    document.querySelector<HTMLElement>('[data-testid="lost-reason"] .mat-mdc-select-trigger')?.click();
    await settle();
    document.querySelector<HTMLElement>('[data-testid="lost-reason-bought_elsewhere"]')?.click();
    const note = document.querySelector('[data-testid="lost-note"]') as HTMLTextAreaElement;
    note.value = 'Bought a Civic across town';
    note.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('[data-testid="confirm-lost"]')?.click();
    await settle();

    const move = http.expectOne('/api/leads/leads/l-tom/status');
    expect(move.request.body).toEqual({
      status: 'lost',
      lostReason: 'bought_elsewhere',
      note: 'Bought a Civic across town',
    });
    move.flush(leadDetail({ id: 'l-tom', status: 'lost', lostReason: 'bought_elsewhere' }));
    expectRecount();
    await settle();
    expect(cardsIn('lost')).toEqual(['l-tom']);
  });

  it('from the keyboard, a card’s "Move to…" menu offers only the allowed statuses', async () => {
    await open();
    const card = column('new').querySelector('[data-testid="lead-card"]') as HTMLElement;
    card.querySelector<HTMLButtonElement>('[data-testid="move-lead"]')?.click();
    await settle();
    const offered = Array.from(document.querySelectorAll('[data-testid^="move-to-"]')).map((item) =>
      item.getAttribute('data-testid')?.replace('move-to-', ''),
    );
    expect(offered).toEqual([...LEAD_TRANSITIONS.new]);

    document.querySelector<HTMLButtonElement>('[data-testid="move-to-showroom_visit"]')?.click();
    await settle();
    const move = http.expectOne('/api/leads/leads/l-maria/status');
    expect(move.request.body).toEqual({ status: 'showroom_visit' });
    move.flush(leadDetail({ id: 'l-maria', status: 'showroom_visit' }));
    expectRecount();
  });

  it('a viewer sees the pipeline but cannot drag or move cards', async () => {
    await open('viewer');
    expect(dropList('contacted').disabled).toBe(true);
    expect(root().querySelector('[data-testid="move-lead"]')).toBeNull();
    expect(root().querySelector('[data-testid="board-filter-assignee"]')).not.toBeNull();
  });
});
