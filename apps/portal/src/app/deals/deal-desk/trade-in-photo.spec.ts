import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { registerShowroomIcons } from '../../core/icons';
import { DEAL_ID, PHOTO_ID } from '../deal-fixtures';
import { TradeInPhoto } from './trade-in-photo';

describe('TradeInPhoto', () => {
  let http: HttpTestingController;
  const created: string[] = [];
  const revoked: string[] = [];

  beforeEach(() => {
    created.length = 0;
    revoked.length = 0;
    // jsdom has no object URLs: stand in for the browser's, recording what is made and freed.
    URL.createObjectURL = () => {
      const url = `blob:photo-${created.length}`;
      created.push(url);
      return url;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
  });

  afterEach(() => {
    http.verify();
    delete (URL as { createObjectURL?: unknown }).createObjectURL;
    delete (URL as { revokeObjectURL?: unknown }).revokeObjectURL;
  });

  function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    TestBed.runInInjectionContext(registerShowroomIcons);
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TradeInPhoto);
    fixture.componentRef.setInput('dealId', DEAL_ID);
    fixture.componentRef.setInput('photoId', PHOTO_ID);
    fixture.componentRef.setInput('label', 'Trade-in photo 1');
    fixture.detectChanges();
    return fixture;
  }

  it('shows the photo from the bytes the desk route gave, and frees them when it goes', () => {
    const fixture = render();
    http
      .expectOne(`/api/retail/deals/${DEAL_ID}/trade-in/photos/${PHOTO_ID}`)
      .flush(new Blob(['jpeg'], { type: 'image/jpeg' }));
    fixture.detectChanges();
    const image = (fixture.nativeElement as HTMLElement).querySelector<HTMLImageElement>(
      '[data-testid="trade-in-photo"]',
    );
    expect(image?.getAttribute('src')).toBe('blob:photo-0');
    expect(image?.alt).toBe('Trade-in photo 1');
    fixture.destroy();
    expect(revoked).toEqual(['blob:photo-0']);
  });

  it('when the photo cannot be read, then a placeholder says so', () => {
    const fixture = render();
    http
      .expectOne(`/api/retail/deals/${DEAL_ID}/trade-in/photos/${PHOTO_ID}`)
      .flush(new Blob(['{}']), { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    const placeholder = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="trade-in-photo-failed"]',
    );
    expect(placeholder?.getAttribute('aria-label')).toBe('Trade-in photo 1 could not be loaded');
  });
});
