/**
 * Orderings and days as the embedded engine's SQL has them, for the rows this engine assembles
 * itself: DuckDB compares text by its UTF-8 bytes (as Elasticsearch orders keywords), which
 * JavaScript's `<` on UTF-16 code units does not always agree with.
 */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** ORDER BY figure DESC, name: the port's rule for lists. */
export function byFigureThenName<T>(figure: (row: T) => number, name: (row: T) => string) {
  return (a: T, b: T) => figure(b) - figure(a) || compareBytes(name(a), name(b));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone, as a date_histogram's time_zone has it. */
export function dayIn(timeZone: string, at: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
