import { describe, expect, it } from 'vitest';
import { SiteOrigins } from './site-cors';

describe('site origins cache', () => {
  const known = new Map<string, string[]>(
    Array.from({ length: 10 }, (_, i) => [`dealer-${i}`, [`https://www.d${i}.example`]] as const),
  );
  const lookups: string[] = [];
  const lookup = async (id: string) => {
    lookups.push(id);
    return known.get(id) ?? null;
  };

  it('holds at most its size, dropping the least recently used', async () => {
    const origins = new SiteOrigins(lookup, { max: 3 });
    for (const id of known.keys()) await origins.of(id);
    expect(origins.size).toBe(3);
    lookups.length = 0;
    expect(await origins.of('dealer-9')).toEqual(['https://www.d9.example']);
    expect(await origins.of('dealer-0')).toEqual(['https://www.d0.example']);
    expect(lookups).toEqual(['dealer-0']);
  });

  it('keeps no entry for an id no dealership has', async () => {
    const origins = new SiteOrigins(lookup, { max: 3 });
    await origins.of('dealer-1');
    for (let i = 0; i < 50; i++) expect(await origins.of(`made-up-${i}`)).toBeNull();
    expect(origins.size).toBe(1);
    lookups.length = 0;
    await origins.of('dealer-1');
    expect(lookups).toEqual([]);
  });
});
