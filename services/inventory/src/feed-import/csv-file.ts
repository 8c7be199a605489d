import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { IMPORT_PREVIEW_ROWS } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';

/**
 * How dealers' files are read: a UTF-8 BOM dropped, CRLF or LF, quoted commas, a stray quote
 * inside a field kept as text, rows shorter or longer than the header (Excel's trailing empty
 * columns), blank lines skipped. Cells are trimmed by the row reader, not here.
 */
const MAX_RECORD_CHARS = 64 * 1024;
const CSV_OPTIONS: Options = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  // A quote opened and never closed would otherwise swallow the rest of the file into one field.
  max_record_size: MAX_RECORD_CHARS,
  info: true,
};

export interface CsvRecord {
  /** The file line the record ends on (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvFault {
  line: number;
  reason: string;
  /** The record was left out (unreadable); otherwise it was read but may hold other rows. */
  skipped: boolean;
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * The file's records after the header, in order, blank rows (",,,," included) left out. Records
 * the parser cannot read come to `onFault` before the next record.
 */
export async function* readRecords(
  file: Buffer,
  onFault: (fault: CsvFault) => void,
): AsyncGenerator<{ headers: string[] } | CsvRecord> {
  // The parser runs ahead of the consumer: a fault's line is the parser's, taken as it reads.
  let parsedLine = 1;
  const parser = Readable.from([file]).pipe(
    parse({
      ...CSV_OPTIONS,
      on_record: (record: string[], context: { lines: number }) => {
        parsedLine = context.lines;
        return record;
      },
    }),
  );
  parser.on('skip', (error: Error) => {
    onFault({
      line: parsedLine + 1,
      reason: error.message.startsWith('Quote Not Closed')
        ? 'a quoted field opened here is never closed; the rest of the file could not be read'
        : (error as Error & { code?: string }).code === 'CSV_MAX_RECORD_SIZE'
          ? `a record here is longer than ${MAX_RECORD_CHARS / 1024} KiB (a quote opened and not closed?); it was left out`
          : `the line cannot be read as CSV (${error.message.slice(0, 200)})`,
      skipped: true,
    });
  });
  let header = true;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (header) {
      header = false;
      yield { headers: trimTrailingBlanks(record.map((cell) => cell.trim())) };
    } else if (!isBlank(record)) {
      yield { line: info.lines, cells: record };
    }
  }
}

/**
 * Why a record that was read may hold later rows of the file: a stray quote that closes lines
 * later makes the rows in between one field. A line break is expected only in the description,
 * and there only as text: a line inside it with as many commas as a row has is taken for rows.
 */
export function mergedRowsProblem(
  cells: readonly string[],
  headerCount: number,
  descriptionAt: number | undefined,
): string | null {
  const rowLike = Math.max(2, headerCount - 2);
  for (const [at, cell] of cells.entries()) {
    if (!/[\r\n]/.test(cell)) continue;
    const lines = cell.split(/\r?\n|\r/).slice(1);
    if (at !== descriptionAt || lines.some((line) => line.split(',').length - 1 >= rowLike)) {
      return 'a field here runs over several lines (a stray quote?), so later rows may have been read into it';
    }
  }
  return null;
}

function trimTrailingBlanks(headers: string[]): string[] {
  let end = headers.length;
  while (end > 0 && headers[end - 1] === '') end -= 1;
  return headers.slice(0, end);
}

export interface CsvInspection {
  headers: string[];
  preview: string[][];
  rows: number;
}

/**
 * Refuses what is not a CSV (a workbook, a binary, no header row) with a problem naming the file,
 * and reads the header row, the first rows and the number of data rows.
 */
export async function inspectCsv(fileName: string, file: Buffer): Promise<CsvInspection> {
  const refuse = (reason: string) =>
    problems.validation([{ name: 'file', reason }], `${fileName}: ${reason}`);
  if (file.length === 0) throw refuse('the file is empty');
  const start = file.subarray(0, 8);
  if (
    start.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ||
    start.equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))
  ) {
    throw refuse('this is an Excel workbook, not a CSV; in Excel use File › Save As › CSV UTF-8');
  }
  if (file.subarray(0, 64 * 1024).includes(0)) throw refuse('this is a binary file, not a CSV');
  let headers: string[] = [];
  const preview: string[][] = [];
  let rows = 0;
  for await (const item of readRecords(file, () => undefined)) {
    if ('headers' in item) headers = item.headers;
    else {
      rows += 1;
      if (preview.length < IMPORT_PREVIEW_ROWS)
        preview.push(item.cells.slice(0, headers.length).map((c) => c.trim()));
    }
  }
  if (headers.filter((h) => h !== '').length < 2) {
    throw refuse('the first line must be a header row naming the columns (VIN, Year, Make, Model …)');
  }
  return { headers, preview, rows };
}
