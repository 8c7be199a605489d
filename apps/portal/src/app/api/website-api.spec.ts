import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { websiteSettings } from '../website/website-fixtures';
import { WebsiteApi } from './website-api';

describe('WebsiteApi', () => {
  let api: WebsiteApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(WebsiteApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the active dealership’s website', async () => {
    const read = firstValueFrom(api.get());
    const request = http.expectOne('/api/users/website');
    expect(request.request.method).toBe('GET');
    request.flush(websiteSettings());
    expect((await read).slug).toBe('northside-honda');
  });

  it('when a change is saved, then only the change goes, with If-Match naming the version it was read at', async () => {
    const saved = firstValueFrom(api.update(3, { tagline: 'New cars, fair prices' }));
    const patch = http.expectOne('/api/users/website');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"v3"');
    expect(patch.request.body).toEqual({ tagline: 'New cars, fair prices' });
    patch.flush(websiteSettings({ version: 4, tagline: 'New cars, fair prices' }));
    expect((await saved).version).toBe(4);
  });

  it('when someone else saved first, then the 412 reaches the caller', async () => {
    const saved = firstValueFrom(api.update(3, { phone: null }));
    http.expectOne('/api/users/website').flush(
      {
        type: 'https://showroom.dev/problems/precondition-failed',
        title: 'Precondition failed',
        status: 412,
      },
      { status: 412, statusText: 'Precondition Failed' },
    );
    await expect(saved).rejects.toMatchObject({ status: 412 });
  });

  it('uploads the logo as multipart form data in the field "logo", with its file name', async () => {
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'northside.png', { type: 'image/png' });
    const uploaded = firstValueFrom(api.uploadLogo(file));
    const put = http.expectOne('/api/users/website/logo');
    expect(put.request.method).toBe('PUT');
    const body = put.request.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect([...body.keys()]).toEqual(['logo']);
    expect((body.get('logo') as File).name).toBe('northside.png');
    put.flush(websiteSettings({ version: 4 }));
    expect((await uploaded).version).toBe(4);
  });

  it('removes the logo with a DELETE', async () => {
    const removed = firstValueFrom(api.removeLogo());
    const request = http.expectOne('/api/users/website/logo');
    expect(request.request.method).toBe('DELETE');
    request.flush(websiteSettings());
    await removed;
  });

  it('asks for provisioning to run again now', async () => {
    const retried = firstValueFrom(api.retryProvisioning());
    const request = http.expectOne('/api/users/website/provisioning/retry');
    expect(request.request.method).toBe('POST');
    request.flush(websiteSettings(), { status: 202, statusText: 'Accepted' });
    await retried;
  });
});
