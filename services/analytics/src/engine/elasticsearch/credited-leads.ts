import { UNKNOWN_SOURCE } from '../reporting-rules';
import { EVENT_TIMESTAMP_FIELD } from './event-document';

/**
 * The leads credited to one salesperson in a period: each lead once, on its first assignment to
 * them, under that assignment's source (SQL's `min(occurred_at)`, `arg_min(source, occurred_at)`).
 * A salesperson has hundreds of leads a period, not millions, so they are read page by page from a
 * composite aggregation and counted here rather than by a pipeline of aggregations.
 */
export interface CreditedLead {
  dealershipId: string;
  source: string;
  at: Date;
}

interface CompositePage {
  leads: {
    after_key?: Record<string, string>;
    buckets: {
      key: { dealership: string; lead: string };
      first: { hits: { hits: { _source: Record<string, string | undefined> }[] } };
    }[];
  };
}

export async function creditedLeads(
  page: (after: Record<string, string> | undefined) => Promise<unknown>,
): Promise<CreditedLead[]> {
  const leads: CreditedLead[] = [];
  let after: Record<string, string> | undefined;
  do {
    const { leads: composite } = (await page(after)) as CompositePage;
    for (const bucket of composite.buckets) {
      // A bucket exists because it has events, so its earliest one is always there.
      const first = bucket.first.hits.hits[0]?._source ?? {};
      leads.push({
        dealershipId: bucket.key.dealership,
        source: first['source'] ?? UNKNOWN_SOURCE,
        at: new Date(first[EVENT_TIMESTAMP_FIELD] ?? Number.NaN),
      });
    }
    after = composite.buckets.length > 0 ? composite.after_key : undefined;
  } while (after);
  return leads;
}
