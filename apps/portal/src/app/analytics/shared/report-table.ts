import { formatCents } from '../../core/money';

/**
 * A report as rows and columns: what the card's table view shows and what its CSV holds. Cells keep
 * the report's raw values (cents, seconds, ratios); the column's kind says how to write them for a
 * person (the table) and for a spreadsheet (the CSV: plain numbers in the unit the header names).
 */
export type ColumnKind = 'text' | 'day' | 'time' | 'count' | 'money' | 'rate' | 'minutes' | 'days';

export interface ReportColumn {
  key: string;
  /** The header; for the CSV the unit is added where the number needs one ("Cost (USD)"). */
  label: string;
  kind: ColumnKind;
}

export type ReportCell = string | number | null;

export interface ReportTable {
  columns: ReportColumn[];
  rows: ReportCell[][];
}

/** A column as a report declares it: the header and the value it takes from each item of the report. */
export interface TableColumn<T> extends ReportColumn {
  value: (item: T) => ReportCell;
}

/**
 * The table of a report's items, each column declared once with its value, so a header and the
 * cell under it cannot drift apart.
 */
export function tableOf<T>(items: readonly T[], columns: readonly TableColumn<T>[]): ReportTable {
  return {
    columns: columns.map(({ key, label, kind }) => ({ key, label, kind })),
    rows: items.map((item) => columns.map((column) => column.value(item))),
  };
}

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const timeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** A count: sampled shopper events are weighted, so a count can be fractional; people read whole ones. */
export function formatCount(value: number | null): string {
  return value === null ? '—' : countFormat.format(value);
}

/** 0.1234 → "12.3%". */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${oneDecimal.format(rate * 100)}%`;
}

/** Seconds as a person reads a response time: "45 s", "12 min", "3 h 20 min". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatDays(days: number | null): string {
  return days === null ? '—' : `${oneDecimal.format(days)} d`;
}

/** The table view's text for a cell. */
export function displayCell(kind: ColumnKind, value: ReportCell): string {
  if (value === null) return '—';
  if (typeof value === 'string') return kind === 'time' ? timeFormat.format(new Date(value)) : value;
  switch (kind) {
    case 'money':
      return formatCents(Math.round(value));
    case 'rate':
      return formatRate(value);
    case 'minutes':
      return formatDuration(value);
    case 'days':
      return formatDays(value);
    default:
      return formatCount(value);
  }
}

/** Numbers a spreadsheet can sum: dollars with cents, percentages, minutes; no thousands separators. */
export function csvCell(kind: ColumnKind, value: ReportCell): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'money':
      return (value / 100).toFixed(2);
    case 'rate':
      return (value * 100).toFixed(1);
    case 'minutes':
      return (value / 60).toFixed(1);
    case 'days':
      return value.toFixed(1);
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

/** The CSV header of a column: its label with the unit its numbers are in. */
export function csvHeader(column: ReportColumn): string {
  switch (column.kind) {
    case 'money':
      return `${column.label} (USD)`;
    case 'rate':
      return `${column.label} (%)`;
    case 'minutes':
      return `${column.label} (minutes)`;
    case 'days':
      return `${column.label} (days)`;
    default:
      return column.label;
  }
}
