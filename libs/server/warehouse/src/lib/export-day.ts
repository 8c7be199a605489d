/** The day an ETL run exports or loads: a UTC calendar day, `from` inclusive, `to` exclusive. */
export interface ExportDay {
  /** YYYY-MM-DD: the `dt=` partition. */
  date: string;
  from: Date;
  to: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The UTC day `date` names; throws on anything but a real calendar date. */
export function exportDayOf(date: string): ExportDay {
  const match = DATE.exec(date);
  const from = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // Date.UTC rolls 2026-02-30 over to March: a date that does not print back as itself is not one.
  if (!from || from.toISOString().slice(0, 10) !== date) {
    throw new Error(`--date ${JSON.stringify(date)} is not a calendar date (YYYY-MM-DD)`);
  }
  return { date, from, to: new Date(from.getTime() + DAY_MS) };
}

/** Yesterday in UTC: the last whole day when the nightly job runs after midnight. */
export function yesterdayUtc(now: Date): ExportDay {
  return exportDayOf(new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10));
}

/**
 * The day of an ETL command line: `--date YYYY-MM-DD` (or `--date=…`), else yesterday UTC. A day
 * that has not ended yet is refused: its partition would miss the rest of the day's rows.
 */
export function exportDayFromArgs(args: readonly string[], now: Date): ExportDay {
  let given: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--date') given = args[++index] ?? '';
    else if (arg.startsWith('--date=')) given = arg.slice('--date='.length);
  }
  if (given === undefined) return yesterdayUtc(now);
  const day = exportDayOf(given);
  if (day.to.getTime() > now.getTime()) {
    throw new Error(`--date ${given} has not ended yet (UTC); export a day that is over`);
  }
  return day;
}

/** The most days one run may redo: a month of late events is already an incident, not a night. */
export const MAX_EXPORT_DAYS = 31;

/**
 * The days of an ETL command line, oldest first: `--days N` (or `--days=N`, 1 to 31, default 1)
 * days ending with the run's day (`--date`, else yesterday). The nightly job redoes the last few
 * days so events that arrived after their day was exported still reach the warehouse.
 */
export function exportDaysFromArgs(args: readonly string[], now: Date): ExportDay[] {
  const last = exportDayFromArgs(args, now);
  let given = '1';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--days') given = args[++index] ?? '';
    else if (arg.startsWith('--days=')) given = arg.slice('--days='.length);
  }
  const count = /^\d{1,2}$/.test(given) ? Number(given) : NaN;
  if (!(count >= 1 && count <= MAX_EXPORT_DAYS)) {
    throw new Error(`--days ${JSON.stringify(given)} is not a number of days from 1 to ${MAX_EXPORT_DAYS}`);
  }
  return Array.from({ length: count }, (_, index) =>
    exportDayOf(new Date(last.from.getTime() - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10)),
  );
}
