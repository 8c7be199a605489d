import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';
import { LoadState } from './load-state';

describe('LoadState', () => {
  const notFound = () => throwError(() => new HttpErrorResponse({ status: 404, statusText: 'Not Found' }));

  it('is loading while the read runs, then ready', () => {
    const state = new LoadState();
    const read = state.track(of('vehicle'));
    expect(state.status()).toBe('loading');
    read.subscribe();
    expect(state.status()).toBe('ready');
  });

  it('keeps what is shown while it reads again quietly', () => {
    const state = new LoadState('ready');
    state.track(of('vehicle'), { quietly: true });
    expect(state.status()).toBe('ready');
  });

  it('says not-found for a 404, or failed where a 404 means nothing special', () => {
    const detail = new LoadState();
    detail.track(notFound()).subscribe();
    expect(detail.status()).toBe('not-found');
    expect(detail.problem()?.status).toBe(404);

    const settings = new LoadState('loading', false);
    settings.track(notFound()).subscribe();
    expect(settings.status()).toBe('failed');
  });
});
