import { csvCell, csvHeader, type ReportTable } from './report-table';

/**
 * CSV as spreadsheets read it (RFC 4180): CRLF line ends, every field with a comma, quote or line
 * break quoted and its quotes doubled, and a byte-order mark so Excel takes it as UTF-8 (source names
 * and searches are not all ASCII).
 */
export const CSV_BOM = '\uFEFF';

/**
 * A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1…", "@SUM…") gets a leading
 * apostrophe: shoppers type the searches this file carries (OWASP's CSV-injection advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string, { text = false } = {}): string {
  const safe = text && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The table as a CSV document: the header line, then one line per row. */
export function tableToCsv(table: ReportTable): string {
  const header = table.columns.map((column) => csvField(csvHeader(column)));
  const lines = table.rows.map((row) =>
    table.columns.map((column, index) => {
      const value = row[index] ?? null;
      // Only free text can carry a formula; a negative number is a number.
      return csvField(csvCell(column.kind, value), { text: typeof value === 'string' });
    }),
  );
  return CSV_BOM + [header, ...lines].map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}

/** "showroom-leads-by-source-demo-motors-downtown-2026-11-07-to-2026-12-06.csv". */
export function csvFileName(report: string, range: { from: string; to: string }, place?: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const parts = ['showroom', slug(report), place ? slug(place) : '', range.from, 'to', range.to];
  return `${parts.filter(Boolean).join('-')}.csv`;
}

/** Hands the CSV to the browser as a download; nothing leaves the page (the figures are already here). */
export function downloadCsv(fileName: string, csv: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
