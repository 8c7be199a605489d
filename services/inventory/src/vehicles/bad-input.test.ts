import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { inventoryAppForTests } from '../test/inventory-test-app';
import { vehicleInput } from '../test/vehicle-fixtures';

describe('bad input: a precise answer, and nothing stored', () => {
  const ctx = inventoryAppForTests({ bodyLimit: '16kb' });
  let token: string;
  const post = () =>
    request(ctx.app)
      .post('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);
  const storedCount = async () => {
    const res = await request(ctx.app)
      .get('/api/inventory/vehicles')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);
    return res.body.total as number;
  };

  beforeAll(async () => {
    token = await ctx.tokenFor('sales', ctx.dealershipId);
  });

  it.each([
    [
      'a VIN with a wrong check digit',
      { vin: '1HGCM82637A004352' },
      'vin',
      'check digit is 6 but position 9 holds 3',
    ],
    [
      'a VIN with an O in it',
      { vin: '1HGCM8263OA004352' },
      'vin',
      'must not contain the letters I, O or Q (found O at position 10)',
    ],
    ['a short VIN', { vin: '1HGCM82633A00435' }, 'vin', 'must be 17 characters (got 16)'],
    ['a negative price', { priceCents: -100 }, 'priceCents', 'Too small: expected number to be >=0'],
    [
      'a fractional price',
      { priceCents: 199.5 },
      'priceCents',
      'Invalid input: expected int, received number',
    ],
    [
      'a price as text',
      { priceCents: '19995' },
      'priceCents',
      'Invalid input: expected number, received string',
    ],
    [
      'an unknown condition',
      { condition: 'like new' },
      'condition',
      'Invalid option: expected one of "new"|"used"|"certified"',
    ],
    [
      'a year the VIN contradicts',
      { year: 2019 },
      'year',
      "the VIN's model-year code stands for 2022, not 2019",
    ],
  ])('%s is refused with 400 naming the field', async (_label, override, field, reason) => {
    const before = await storedCount();
    const res = await post().send({ ...vehicleInput(), ...override });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('https://showroom.dev/problems/validation');
    expect(res.body.invalidParams).toContainEqual({ name: `body.${field}`, reason });
    expect(await storedCount()).toBe(before);
  });

  it('a missing required field is named', async () => {
    const { make: _make, ...withoutMake } = vehicleInput();
    const res = await post().send(withoutMake);
    expect(res.body.invalidParams).toEqual([{ name: 'body.make', reason: 'is required' }]);
  });

  it('unknown fields are refused, not silently dropped', async () => {
    const res = await post().send({ ...vehicleInput(), dealershipId: 'someone-else', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'body', reason: 'unknown field(s): dealershipId, isAdmin' },
    ]);
  });

  it('invalid JSON gets a malformed-json problem', async () => {
    const res = await post().set('Content-Type', 'application/json').send('{"vin": "1HG", ');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('https://showroom.dev/problems/malformed-json');
  });

  it('a body over the limit gets 413 and nothing is stored', async () => {
    const before = await storedCount();
    const res = await post().send({ ...vehicleInput(), description: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('https://showroom.dev/problems/payload-too-large');
    expect(await storedCount()).toBe(before);
  });

  it('an empty edit and a malformed id are refused', async () => {
    const created = await post().send(vehicleInput());
    const empty = await request(ctx.app)
      .patch(`/api/inventory/vehicles/${created.body.id}`)
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId)
      .set('If-Match', '"v1"')
      .send({});
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams[0].reason).toBe('send at least one field to change');
    const badId = await request(ctx.app)
      .get('/api/inventory/vehicles/42')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);
    expect(badId.status).toBe(400);
    expect(badId.body.invalidParams[0]).toEqual({ name: 'id', reason: 'must be a vehicle id (UUID)' });
  });

  it('an unknown route is a 404 problem', async () => {
    const res = await request(ctx.app)
      .get('/api/inventory/nope')
      .auth(token, { type: 'bearer' })
      .set('X-Dealership-Id', ctx.dealershipId);
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('https://showroom.dev/problems/not-found');
  });
});
