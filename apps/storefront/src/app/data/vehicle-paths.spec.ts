import { vehiclePath, vehicleSlug } from './vehicle-paths';

describe('a vehicle’s URL', () => {
  it('reads year-make-model-trim in plain lower-case ASCII', () => {
    expect(vehicleSlug({ year: 2021, make: 'Mercedes-Benz', model: 'C 300', trim: '4MATIC® Coupé' })).toBe(
      '2021-mercedes-benz-c-300-4matic-coupe',
    );
    expect(vehicleSlug({ year: 2019, make: 'Ford', model: 'F-150', trim: null })).toBe('2019-ford-f-150');
  });

  it('is /cars/<id>/<slug>', () => {
    expect(vehiclePath({ id: 'abc', year: 2020, make: 'Honda', model: 'CR-V', trim: 'EX' })).toBe(
      '/cars/abc/2020-honda-cr-v-ex',
    );
  });
});
