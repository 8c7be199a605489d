import { TradeConditionAnswersSchema, type DealTradeIn } from '@showroom/contracts';
import type { TradeInPhotoRow, TradeInRow } from './trade-in-repository';

/** What the deal counts the trade at: the appraisal, else the estimate's low end, else 0. */
export function tradeValueCents(row: TradeInRow): number {
  if (row.appraisal_cents !== null) return Number(row.appraisal_cents);
  if (row.estimate_low_cents !== null) return Number(row.estimate_low_cents);
  return 0;
}

/** A stored trade as the deal views show it; `photoUrl` names where each photo is served. */
export function tradeInView(
  row: TradeInRow,
  photos: readonly TradeInPhotoRow[],
  photoUrl: (photo: TradeInPhotoRow) => string,
): DealTradeIn {
  const estimate =
    row.estimate_low_cents !== null && row.estimate_high_cents !== null
      ? { lowCents: Number(row.estimate_low_cents), highCents: Number(row.estimate_high_cents) }
      : null;
  const appraisal =
    row.appraisal_cents !== null && row.appraised_at !== null
      ? {
          valueCents: Number(row.appraisal_cents),
          note: row.appraisal_note,
          appraisedAt: row.appraised_at.toISOString(),
          appraisedBy: row.appraised_by ?? '',
        }
      : null;
  return {
    id: row.id,
    vin: row.vin,
    year: row.year,
    make: row.make,
    model: row.model,
    trim: row.trim,
    mileage: row.mileage,
    condition: TradeConditionAnswersSchema.parse(JSON.parse(row.condition_answers)),
    payoffCents: Number(row.payoff_cents),
    lender: row.lender,
    photos: photos.map((photo) => ({ id: photo.id, url: photoUrl(photo) })),
    estimate,
    appraisal,
    status: row.status,
    valueCents: tradeValueCents(row),
  };
}
