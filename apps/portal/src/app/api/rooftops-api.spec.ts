import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { groupRooftop } from '../website/website-fixtures';
import { RooftopsApi } from './rooftops-api';

describe('RooftopsApi', () => {
  let api: RooftopsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(RooftopsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the group’s rooftops', async () => {
    const listed = firstValueFrom(api.list());
    const request = http.expectOne('/api/users/rooftops');
    expect(request.request.method).toBe('GET');
    request.flush({ groupId: null, groupName: null, items: [groupRooftop()] });
    expect((await listed).items[0].name).toBe('Northside Honda');
  });

  it('adds a rooftop with a POST of the input as typed', async () => {
    const input = {
      name: 'Northside Honda West',
      address: {
        street: '88 W Jefferson St',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62702',
        country: 'US',
      },
      timeZone: 'America/Chicago',
      domain: 'west.northside-honda.example',
    };
    const created = firstValueFrom(api.create(input));
    const request = http.expectOne('/api/users/rooftops');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(input);
    request.flush(groupRooftop({ name: 'Northside Honda West' }), { status: 201, statusText: 'Created' });
    expect((await created).name).toBe('Northside Honda West');
  });
});
