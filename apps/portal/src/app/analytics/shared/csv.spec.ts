import { CSV_BOM, csvField, csvFileName, downloadCsv, tableToCsv } from './csv';
import type { ReportTable } from './report-table';

describe('CSV of a report', () => {
  it('quotes fields with commas, quotes and line breaks, and doubles the quotes inside', () => {
    expect(csvField('website')).toBe('website');
    expect(csvField('Smith, Jones')).toBe('"Smith, Jones"');
    expect(csvField('the "red" one')).toBe('"the ""red"" one"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('when a shopper’s search starts like a formula, then the spreadsheet gets it as text', () => {
    expect(csvField('=HYPERLINK("http://x")', { text: true })).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1 555', { text: true })).toBe("'+1 555");
    expect(csvField('@SUM(A1)', { text: true })).toBe("'@SUM(A1)");
    expect(csvField('-2', { text: false })).toBe('-2');
  });

  it('writes a header with units, then one CRLF line per row in units a spreadsheet sums', () => {
    const table: ReportTable = {
      columns: [
        { key: 'source', label: 'Source', kind: 'text' },
        { key: 'leads', label: 'Leads', kind: 'count' },
        { key: 'cost', label: 'Cost per lead', kind: 'money' },
        { key: 'rate', label: 'Close rate', kind: 'rate' },
        { key: 'median', label: 'Median', kind: 'minutes' },
      ],
      rows: [
        ['cars.com, premium', 12, 123_456, 0.125, 630],
        ['direct', 2.5, null, null, null],
      ],
    };
    const csv = tableToCsv(table);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Source,Leads,Cost per lead (USD),Close rate (%),Median (minutes)',
      '"cars.com, premium",12,1234.56,12.5,10.5',
      'direct,2.50,,,',
      '',
    ]);
  });

  it('names the file after the report, the place and the period', () => {
    expect(
      csvFileName('leads-by-source', { from: '2026-11-07', to: '2026-12-06' }, 'Demo Motors Downtown'),
    ).toBe('showroom-leads-by-source-demo-motors-downtown-2026-11-07-to-2026-12-06.csv');
    expect(csvFileName('funnel', { from: '2026-12-01', to: '2026-12-06' }, 'Café & Co.')).toBe(
      'showroom-funnel-cafe-co-2026-12-01-to-2026-12-06.csv',
    );
  });

  it('downloads through a link with the file name, and lets the object URL go', () => {
    vi.useFakeTimers();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv-1');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    try {
      downloadCsv('report.csv', 'a,b\r\n');
      expect(clicked).toHaveLength(1);
      expect(clicked[0].download).toBe('report.csv');
      expect(clicked[0].href).toBe('blob:csv-1');
      expect((created.mock.calls[0][0] as Blob).type).toBe('text/csv;charset=utf-8');
      expect(document.querySelector('a[download]')).toBeNull();
      vi.runAllTimers();
      expect(revoked).toHaveBeenCalledWith('blob:csv-1');
    } finally {
      click.mockRestore();
      created.mockRestore();
      revoked.mockRestore();
      vi.useRealTimers();
    }
  });
});
