import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { IMPORT_PREVIEW_ROWS } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';

/**
 * How dealers' files are read: a UTF-8 BOM dropped, CRLF or LF, quoted commas, a stray quote
 * inside a field kept as text, rows shorter or longer than the header (Excel's trailing empty
 * columns), blank lines skipped. Cells are trimmed by the row reader, not here.
 */
const CSV_OPTIONS: Options = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
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
        : `the line cannot be read as CSV (${error.message})`,
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
