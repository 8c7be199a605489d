import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { byFigureThenName, compareBytes, dayIn } from './reporting-rules';

// Names where UTF-8 byte order, UTF-16 order and the locale's order disagree: capitals before
// small letters, "é" after "z" in bytes, and U+FF5E (one UTF-16 unit above the surrogates) before
// an emoji in UTF-8 but after it in UTF-16.
const NAMES = ['zillow', 'Zillow', 'éclair', 'cars.com', '\u{FF5E}wave', '\u{1F697}car', 'cars', ''];

describe('the ordering rules both engines share', () => {
  it('orders text exactly as DuckDB orders VARCHAR', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    try {
      const connection = await instance.connect();
      const values = NAMES.map((_, i) => `($${i + 1})`).join(', ');
      const reader = await connection.runAndReadAll(
        `SELECT name FROM (VALUES ${values}) AS t(name) ORDER BY name`,
        NAMES,
      );
      const duckdb = reader.getRowObjectsJS().map((row) => row['name']);
      connection.closeSync();

      expect([...NAMES].sort(compareBytes)).toEqual(duckdb);
      expect([...NAMES].sort()).not.toEqual(duckdb);
    } finally {
      instance.closeSync();
    }
  });

  it('puts the larger figure first and breaks ties by name in byte order', () => {
    const rows = [
      { source: 'zillow', leads: 2 },
      { source: 'éclair', leads: 5 },
      { source: 'Zillow', leads: 2 },
      { source: 'autotrader', leads: 2 },
      { source: 'cars.com', leads: 5 },
    ];

    rows.sort(
      byFigureThenName(
        (row) => row.leads,
        (row) => row.source,
      ),
    );

    expect(rows.map((row) => row.source)).toEqual(['cars.com', 'éclair', 'Zillow', 'autotrader', 'zillow']);
  });

  it('gives the calendar day in the time zone, across a daylight saving change', () => {
    // Chicago is UTC−6 until 8 March 2026 and UTC−5 after.
    expect(dayIn('America/Chicago', new Date('2026-03-03T05:59:59Z'))).toBe('2026-03-02');
    expect(dayIn('America/Chicago', new Date('2026-03-09T05:30:00Z'))).toBe('2026-03-09');
    expect(dayIn('UTC', Date.parse('2026-03-03T05:59:59Z'))).toBe('2026-03-03');
  });
});
