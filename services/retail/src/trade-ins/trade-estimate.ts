import {
  TRADE_CONDITION_FACTORS_BPS,
  type TradeConditionAnswers,
  type ValuationGridRow,
} from '@showroom/contracts';

/**
 * What takes value off a trade, after the overall condition scaled the grid's range (the same
 * table is in the README). The shares add up (an accident and warning lights take 8 %), then the
 * missing key's amount comes off; each end of the range is then rounded down to ROUND_TO_CENTS.
 */
export const TRADE_DEDUCTIONS = {
  /** The shopper says the car has been in an accident. */
  accidentsBps: 500,
  /** The shopper says the car has mechanical issues. */
  mechanicalIssuesBps: 700,
  /** The shopper says warning lights are on. */
  warningLightsBps: 300,
  /** The shopper has fewer than two keys. */
  missingSecondKeyCents: 25_000,
} as const;

/** Estimates are stated in whole $25 steps, rounded down. */
export const ROUND_TO_CENTS = 2_500;

/** The trade as the grid matches it. */
export interface GridTrade {
  year: number;
  make: string;
  model: string | null;
  mileage: number;
}

export interface TradeEstimate {
  lowCents: number;
  highCents: number;
}

const same = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'accent' }) === 0;

function matches(row: ValuationGridRow, trade: GridTrade): boolean {
  if (!same(row.make, trade.make)) return false;
  if (row.model !== null && (trade.model === null || !same(row.model, trade.model))) return false;
  return trade.year >= row.yearFrom && trade.year <= row.yearTo && trade.mileage <= row.maxMileage;
}

/**
 * The grid row that prices the trade: the most specific that matches (make equal ignoring case,
 * the year within, the miles at most the row's). A row naming the model beats one for any model of
 * the make; between equally specific rows the dealer's order decides (the first).
 */
export function gridRowFor(rows: readonly ValuationGridRow[], trade: GridTrade): ValuationGridRow | null {
  const matching = rows.filter((row) => matches(row, trade));
  return matching.find((row) => row.model !== null) ?? matching[0] ?? null;
}

/** The share of value the shopper's answers take off, in basis points. */
export function deductionBps(condition: TradeConditionAnswers): number {
  return (
    (condition.accidents ? TRADE_DEDUCTIONS.accidentsBps : 0) +
    (condition.mechanicalIssues ? TRADE_DEDUCTIONS.mechanicalIssuesBps : 0) +
    (condition.warningLights ? TRADE_DEDUCTIONS.warningLightsBps : 0)
  );
}

/** One end of the range: scaled by condition, less the shares and the key, rounded down to $25. */
function valueOf(gridCents: number, condition: TradeConditionAnswers): number {
  const factorBps = TRADE_CONDITION_FACTORS_BPS[condition.overall];
  // Integers up to ~10^15: exact before the one division.
  const scaled = (gridCents * factorBps * (10_000 - deductionBps(condition))) / 100_000_000;
  const keyCents = condition.keys < 2 ? TRADE_DEDUCTIONS.missingSecondKeyCents : 0;
  const cents = Math.max(0, scaled - keyCents);
  return Math.floor(cents / ROUND_TO_CENTS) * ROUND_TO_CENTS;
}

/** The trade's estimated range from the dealer's grid, or null when no row prices it (appraise by hand). */
export function estimateTrade(
  rows: readonly ValuationGridRow[],
  trade: GridTrade,
  condition: TradeConditionAnswers,
): TradeEstimate | null {
  const row = gridRowFor(rows, trade);
  if (!row) return null;
  return { lowCents: valueOf(row.lowCents, condition), highCents: valueOf(row.highCents, condition) };
}
