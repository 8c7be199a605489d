import type { CreditApplicationSummary } from '@showroom/contracts';
import type { CreditSummaryRow } from './credit-repository';

/** What anyone working the deal may see of an application: its status and dates, nothing personal. */
export function creditSummaryOf(row: CreditSummaryRow): CreditApplicationSummary {
  const deleted = row.deleted_at !== null;
  return {
    status: deleted ? 'deleted' : 'received',
    applicants: row.applicants,
    submittedAt: row.submitted_at.toISOString(),
    consentVersion: row.consent_version,
    deleteAfter: deleted ? null : row.delete_after.toISOString(),
  };
}
