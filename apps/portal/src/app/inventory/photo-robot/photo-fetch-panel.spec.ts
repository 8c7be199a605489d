import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { PhotoFetchItem, PhotoFetchJob, Role } from '@showroom/contracts';
import { ActiveDealership } from '../../core/active-dealership';
import { membership, NORTH } from '../../../testing/fixtures';
import { readPastedLinks } from './pasted-links';
import { PhotoFetchPanel } from './photo-fetch-panel';
import { POLL_INTERVAL_MS, PhotoFetchRun } from './photo-fetch-run';

@Component({
  imports: [PhotoFetchPanel],
  providers: [PhotoFetchRun],
  template: `<sr-photo-fetch-panel [vehicleId]="vehicleId()" (photosAdded)="added.push($event)" />`,
})
class VehiclePageStub {
  readonly vehicleId = signal('v-1');
  readonly added: number[] = [];
}

const A = 'https://images.example.com/a.jpg';
const B = 'https://images.example.com/b.jpg';

function item(position: number, url: string, overrides: Partial<PhotoFetchItem> = {}): PhotoFetchItem {
  return { position, url, status: 'queued', reason: null, photoId: null, attempts: 0, ...overrides };
}

/** A job of these links; counts and status follow from them. */
function job(items: PhotoFetchItem[], id = 'job-1'): PhotoFetchJob {
  const counts = {
    total: items.length,
    queued: 0,
    fetching: 0,
    added: 0,
    duplicate: 0,
    failed: 0,
    refused: 0,
  };
  for (const { status } of items) counts[status] += 1;
  const running = counts.queued + counts.fetching > 0;
  return {
    id,
    vehicleId: 'v-1',
    origin: 'dealer',
    status: running ? 'running' : 'done',
    counts,
    items,
    createdAt: '2026-12-06T10:00:00.000Z',
    finishedAt: running ? null : '2026-12-06T10:00:05.000Z',
  };
}

describe('PhotoFetchPanel', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<VehiclePageStub>;
  const recentUrl = (vehicleId = 'v-1') => `/api/inventory/vehicles/${vehicleId}/photo-fetches`;

  async function open(role: Role, latest: PhotoFetchJob[] = []) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(ActiveDealership).setMemberships([membership(NORTH, role)]);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VehiclePageStub);
    await settle();
    http.expectOne(recentUrl()).flush({ jobs: latest });
    await settle();
  }

  async function settle() {
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const element = <T extends Element = HTMLElement>(selector: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
  const all = (selector: string) =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(selector));
  const text = (selector: string) => element(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const startButton = () => element<HTMLButtonElement>('[data-testid="start-photo-fetch"]');

  async function paste(value: string) {
    const box = element<HTMLTextAreaElement>('[data-testid="photo-links"]');
    if (!box) throw new Error('no links box');
    box.value = value;
    box.dispatchEvent(new Event('input'));
    await settle();
  }

  /** The next poll of the job, answered with `answer`. */
  async function poll(answer: PhotoFetchJob) {
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    http.expectOne(`/api/inventory/photo-fetches/${answer.id}`).flush(answer);
    await settle();
  }

  afterEach(() => {
    vi.useRealTimers();
    http.verify();
  });

  it('a viewer sees the latest job but cannot paste links', async () => {
    await open('viewer', [job([item(0, A, { status: 'added', photoId: 'p1', attempts: 1 })])]);
    expect(element('[data-testid="photo-links"]')).toBeNull();
    expect(startButton()).toBeNull();
    expect(text('[data-testid="photo-fetch-summary"]')).toBe('Finished: 1 of 1 links done · 1 added');
  });

  it('a viewer of a vehicle the robot never worked on is told so', async () => {
    await open('viewer');
    expect(text('[data-testid="photo-fetch-empty"]')).toBe(
      'The robot has not fetched photos for this vehicle.',
    );
  });

  it('when a manager pastes a bad link, then it is named with the reason and nothing can start until it is fixed', async () => {
    await open('manager');
    expect(startButton()?.disabled).toBe(true);

    await paste(`${A}\nftp://images.example.com/b.jpg\n`);
    expect(text('[data-testid="photo-link-problems"]')).toBe(
      'ftp://images.example.com/b.jpg must be an http or https link, not ftp',
    );
    expect(startButton()?.disabled).toBe(true);

    await paste(`${A}\n${B}`);
    expect(element('[data-testid="photo-link-problems"]')).toBeNull();
    expect(startButton()?.disabled).toBe(false);
  });

  it('when a manager starts the robot, then the progress and each link’s outcome show as the job runs, and the page hears of the photos added once it ends', async () => {
    vi.useFakeTimers();
    await open('manager');
    await paste(`  ${A}\n\n${B}  `);
    startButton()?.click();
    const post = http.expectOne(recentUrl());
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ urls: [A, B] });
    post.flush(job([item(0, A), item(1, B)]));
    await settle();

    expect(element('[data-testid="photo-links"]')?.hasAttribute('disabled')).toBe(true);
    expect(startButton()?.disabled).toBe(true);
    expect(text('[data-testid="photo-fetch-summary"]')).toBe('Fetching: 0 of 2 links done');
    expect(all('[data-testid="photo-fetch-item"]').map((li) => li.dataset['status'])).toEqual([
      'queued',
      'queued',
    ]);

    await poll(
      job([
        item(0, A, { status: 'added', photoId: 'p1', attempts: 1 }),
        item(1, B, { status: 'fetching', attempts: 1 }),
      ]),
    );
    expect(element('[data-testid="photo-fetch-progress"]')?.getAttribute('aria-valuenow')).toBe('50');
    expect(text('[data-testid="photo-fetch-summary"]')).toBe('Fetching: 1 of 2 links done · 1 added');
    expect(fixture.componentInstance.added).toEqual([]);

    const failed = item(1, B, {
      status: 'failed',
      attempts: 1,
      reason: 'the server answered 404 Not Found',
    });
    await poll(job([item(0, A, { status: 'added', photoId: 'p1', attempts: 1 }), failed]));
    expect(text('[data-testid="photo-fetch-summary"]')).toBe(
      'Finished: 2 of 2 links done · 1 added · 1 not added',
    );
    const rows = all('[data-testid="photo-fetch-item"]');
    expect(Array.from(rows[1].children).map((part) => part.textContent?.trim())).toEqual([
      'Failed',
      B,
      'the server answered 404 Not Found',
    ]);
    expect(fixture.componentInstance.added).toEqual([1]);
    expect(startButton()?.disabled).toBe(true); // until new links are pasted

    // Done: no more reads of the job.
    await vi.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);
    http.expectNone('/api/inventory/photo-fetches/job-1');
  });

  it('when the latest job is still running on opening, then it is followed; a job that added nothing is not announced', async () => {
    vi.useFakeTimers();
    await open('manager', [job([item(0, A, { status: 'fetching', attempts: 1 })])]);
    expect(text('[data-testid="photo-fetch-summary"]')).toBe('Fetching: 0 of 1 links done');
    await poll(
      job([
        item(0, A, {
          status: 'duplicate',
          photoId: 'p1',
          attempts: 1,
          reason: 'the vehicle already has this image',
        }),
      ]),
    );
    expect(text('[data-testid="photo-fetch-summary"]')).toBe('Finished: 1 of 1 links done · 1 already there');
    expect(fixture.componentInstance.added).toEqual([]);
  });

  it('a read of the job that fails is tried again at the next tick', async () => {
    vi.useFakeTimers();
    await open('manager', [job([item(0, A)])]);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    http
      .expectOne('/api/inventory/photo-fetches/job-1')
      .flush(null, { status: 502, statusText: 'Bad Gateway' });
    await poll(job([item(0, A, { status: 'added', photoId: 'p1', attempts: 1 })]));
    expect(fixture.componentInstance.added).toEqual([1]);
  });

  it('when the service refuses the links, then its reason shows and the links stay to be fixed', async () => {
    await open('manager');
    await paste(A);
    startButton()?.click();
    http.expectOne(recentUrl()).flush(
      {
        type: 'https://showroom.dev/problems/not-found',
        title: 'Not found',
        status: 404,
        detail: 'The vehicle was not found.',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    expect(text('[data-testid="photo-fetch-start-problem"]')).toBe('Not found: The vehicle was not found.');
    expect(element<HTMLTextAreaElement>('[data-testid="photo-links"]')?.value).toBe(A);
  });

  it('when the page shows another vehicle, then that vehicle’s latest job is read', async () => {
    await open('manager', [job([item(0, A, { status: 'added', photoId: 'p1', attempts: 1 })])]);
    fixture.componentInstance.vehicleId.set('v-2');
    await settle();
    http.expectOne(recentUrl('v-2')).flush({ jobs: [] });
    await settle();
    expect(element('[data-testid="photo-fetch-job"]')).toBeNull();
  });
});

describe('PhotoFetchRun', () => {
  let http: HttpTestingController;
  let run: PhotoFetchRun;
  const jobOf = (vehicleId: string, id: string, items: PhotoFetchItem[]) => ({
    ...job(items, id),
    vehicleId,
  });

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), PhotoFetchRun],
    });
    http = TestBed.inject(HttpTestingController);
    run = TestBed.inject(PhotoFetchRun);
  });

  afterEach(() => {
    vi.useRealTimers();
    http.verify();
  });

  it('the latest job of a vehicle the dealer has left is neither shown nor followed on the next one', async () => {
    run.open('v-1');
    const slow = http.expectOne('/api/inventory/vehicles/v-1/photo-fetches');
    run.open('v-2');
    expect(slow.cancelled).toBe(true);
    http.expectOne('/api/inventory/vehicles/v-2/photo-fetches').flush({ jobs: [] });
    expect(run.job()).toBeNull();
    await vi.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);
    http.expectNone('/api/inventory/photo-fetches/job-a');
  });

  it('a job started on a vehicle the dealer has left is not shown on the next one', () => {
    run.open('v-1');
    http.expectOne('/api/inventory/vehicles/v-1/photo-fetches').flush({ jobs: [] });
    run.start([A]);
    const post = http.expectOne({ method: 'POST', url: '/api/inventory/vehicles/v-1/photo-fetches' });
    run.open('v-2');
    expect(post.cancelled).toBe(true);
    http.expectOne('/api/inventory/vehicles/v-2/photo-fetches').flush({ jobs: [] });
    expect(run.job()).toBeNull();
    expect(run.starting()).toBe(false);
  });

  it('a slow read of the job is not cancelled by the next tick: the next read starts after its answer', async () => {
    run.open('v-1');
    http
      .expectOne('/api/inventory/vehicles/v-1/photo-fetches')
      .flush({ jobs: [jobOf('v-1', 'job-a', [item(0, A)])] });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    const slow = http.expectOne('/api/inventory/photo-fetches/job-a');
    await vi.advanceTimersByTimeAsync(5 * POLL_INTERVAL_MS);
    expect(slow.cancelled).toBe(false);
    http.expectNone('/api/inventory/photo-fetches/job-a');
    slow.flush(jobOf('v-1', 'job-a', [item(0, A, { status: 'fetching', attempts: 1 })]));
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    http
      .expectOne('/api/inventory/photo-fetches/job-a')
      .flush(jobOf('v-1', 'job-a', [item(0, A, { status: 'added', photoId: 'p1', attempts: 1 })]));
    expect(run.running()).toBe(false);
  });

  it('tells the page as each link’s photo is added, not only when the job ends', async () => {
    const arrived: number[] = [];
    run.arrived.subscribe(() => arrived.push(Date.now()));
    run.open('v-1');
    http
      .expectOne('/api/inventory/vehicles/v-1/photo-fetches')
      .flush({ jobs: [jobOf('v-1', 'job-a', [item(0, A), item(1, B)])] });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    http
      .expectOne('/api/inventory/photo-fetches/job-a')
      .flush(
        jobOf('v-1', 'job-a', [item(0, A, { status: 'added', photoId: 'p1', attempts: 1 }), item(1, B)]),
      );
    expect(arrived).toHaveLength(1);
    expect(run.running()).toBe(true);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    http
      .expectOne('/api/inventory/photo-fetches/job-a')
      .flush(
        jobOf('v-1', 'job-a', [item(0, A, { status: 'added', photoId: 'p1', attempts: 1 }), item(1, B)]),
      );
    expect(arrived).toHaveLength(1);
  });

  it('a job that is gone (404) is no longer read', async () => {
    run.open('v-1');
    http
      .expectOne('/api/inventory/vehicles/v-1/photo-fetches')
      .flush({ jobs: [jobOf('v-1', 'job-a', [item(0, A)])] });
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    http
      .expectOne('/api/inventory/photo-fetches/job-a')
      .flush(null, { status: 404, statusText: 'Not Found' });
    await vi.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);
    http.expectNone('/api/inventory/photo-fetches/job-a');
    expect(run.job()?.id).toBe('job-a');
  });
});

describe('readPastedLinks', () => {
  it('takes one link per line, or several separated by spaces, skipping blank lines', () => {
    expect(readPastedLinks(`${A}\r\n\r\n  ${B}\thttps://x.example/c.png \n`).urls).toEqual([
      A,
      B,
      'https://x.example/c.png',
    ]);
  });

  it('names each link the robot would refuse, and more links than a job takes', () => {
    const pasted = readPastedLinks(
      ['data:image/png;base64,AAAA', 'https://u:p@x.example/a.jpg', 'car.jpg'].join('\n'),
    );
    expect(pasted.problems).toEqual([
      { link: 'data:image/png;base64,AAAA', reason: 'must be an http or https link, not data' },
      { link: 'https://u:p@x.example/a.jpg', reason: 'must not carry a user name or password' },
      { link: 'car.jpg', reason: 'is not a link (it must start with http:// or https://)' },
    ]);
    const many = Array.from({ length: 61 }, (_, i) => `https://x.example/${i}.jpg`).join('\n');
    expect(readPastedLinks(many).tooMany).toBe('61 links: the robot takes at most 60 at a time');
  });
});
