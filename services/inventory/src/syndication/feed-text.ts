/**
 * Text of feed files, written by hand: for 5,000 cars csv-stringify took ten times and XMLBuilder
 * four times as long as these few lines (measured with bench/src/syndication-feeds.ts), and a
 * dealership's feeds are regenerated after every burst of changes.
 */
export type FeedCell = string | number;

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 CSV with a header row: a field is quoted when it holds a comma, a quote or a line break. */
export function csvText(columns: readonly string[], rows: ReadonlyArray<Record<string, FeedCell>>): string {
  const cell = (value: FeedCell | undefined): string => {
    const text = value === undefined ? '' : String(value);
    return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}

/** Tab-delimited, unquoted (Google's delimited format): tabs and line breaks in values become spaces. */
export function tsvText(columns: readonly string[], rows: ReadonlyArray<Record<string, FeedCell>>): string {
  const cell = (value: FeedCell | undefined) =>
    value === undefined
      ? ''
      : String(value)
          .replace(/[\t\r\n]+/g, ' ')
          .trim();
  const lines = [columns.join('\t')];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join('\t'));
  return `${lines.join('\n')}\n`;
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 does not allow at all (a stray control character pasted into a description).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** `<name>value</name>`, or nothing for an empty value (feeds leave unknown fields out). */
export function xmlElement(name: string, value: FeedCell | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}
