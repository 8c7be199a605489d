import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  CreditApplicationInput,
  CreditApplicationSummary,
  CreditApplicationView,
  RetailSettings,
} from '@showroom/contracts';
import { PROBLEM_TYPES } from '@showroom/contracts';
import { HttpProblem, problems, type Principal } from '@showroom/server-kit';
import type { RetailDatabase } from '../database';
import { actorNameOf, recordActivity } from '../deals/activity';
import { queueDealLeadUpdate } from '../deals/deal-lead-updates';
import { DealRepository, type DealRow } from '../deals/deal-repository';
import { openJson, sealJson } from '../encryption/envelope';
import { KeyProviderUnavailable, type KeyProvider } from '../encryption/key-provider';
import { consentTextOf } from './consent';
import type { CreditApplicationRow, CreditRepository } from './credit-repository';
import { creditSummaryOf } from './credit-summary';
import { columnsOf, envelopeOf, SealedApplicationSchema, sealedApplicationOf } from './sealed-application';

/** How long a dealership keeps credit applications: its retail settings (RetailSettingsService). */
export interface CreditRetentionPolicy {
  settings(dealershipId: string): Promise<Pick<RetailSettings, 'creditApplicationRetentionDays'>>;
}

export interface CreditServiceDeps {
  db: Kysely<RetailDatabase>;
  repository: CreditRepository;
  keys: KeyProvider;
  retention: CreditRetentionPolicy;
  clock: () => Date;
}

const DAY_MS = 86_400_000;

const alreadyApplied = () =>
  problems.conflict('This deal already has a credit application; it is not replaced.');
const withdrawn = () => problems.conflict('The deal was withdrawn: it takes no credit application.');

/**
 * Credit applications of deals: a shopper submits one per deal (sealed before it is stored), the
 * desk sees its summary, finance managers and owners open it (every opening recorded on the deal
 * and the lead, never what it said).
 */
export class CreditService {
  constructor(private readonly deps: CreditServiceDeps) {}

  /** The deal's application as the desk and the shopper see it (no personal data), or null. */
  async summaryFor(dealershipId: string, dealId: string): Promise<CreditApplicationSummary | null> {
    const row = await this.deps.repository.summaryForDeal(dealershipId, dealId);
    return row ? creditSummaryOf(row) : null;
  }

  /** The summaries of these deals' applications in one read, by deal id (deals without one are absent). */
  async summariesFor(
    dealershipId: string,
    dealIds: readonly string[],
  ): Promise<Map<string, CreditApplicationSummary>> {
    const rows = await this.deps.repository.summariesForDeals(dealershipId, dealIds);
    return new Map(rows.map((row) => [row.deal_id, creditSummaryOf(row)]));
  }

  /**
   * Seals and stores the shopper's application for their deal: one per deal (a second is a 409), a
   * submitted or accepted deal may still get one, a withdrawn deal none. It is kept for the
   * dealership's retention days, then erased.
   */
  async submit(deal: DealRow, input: CreditApplicationInput): Promise<CreditApplicationSummary> {
    const dealershipId = deal.dealership_id;
    if (deal.status === 'withdrawn') throw withdrawn();
    if (await this.deps.repository.summaryForDeal(dealershipId, deal.id)) throw alreadyApplied();

    const applicationId = randomUUID();
    const { creditApplicationRetentionDays: retentionDays } =
      await this.deps.retention.settings(dealershipId);
    const envelope = await whileKeysAnswer(
      'Your credit application could not be sealed just now, so nothing was stored; send it again in a moment.',
      () => sealJson(this.deps.keys, { dealershipId, applicationId }, sealedApplicationOf(input)),
    );
    const submittedAt = this.deps.clock();
    const application = {
      id: applicationId,
      deal_id: deal.id,
      applicants: input.coApplicant ? 2 : 1,
      consent_version: input.consent.version,
      consented_at: submittedAt,
      submitted_at: submittedAt,
      delete_after: new Date(submittedAt.getTime() + retentionDays * DAY_MS),
      ...columnsOf(envelope),
    };
    const stored = await this.deps.db.transaction().execute(async (trx) => {
      // Changes to one deal happen one at a time; its status is read under the lock.
      const current = await new DealRepository(trx).findForUpdate(dealershipId, deal.id);
      if (!current) throw problems.notFound(`Deal ${deal.id}`);
      if (current.status === 'withdrawn') throw withdrawn();
      if ((await this.deps.repository.insert(trx, dealershipId, application)) === 'exists') return false;
      await recordActivity(trx, dealershipId, deal.id, {
        actor: 'Shopper',
        kind: 'credit-application-received',
        text:
          application.applicants === 2
            ? 'Credit application received (applicant and co-applicant)'
            : 'Credit application received',
      });
      await queueDealLeadUpdate(trx, current);
      return true;
    });
    if (!stored) throw alreadyApplied();
    return creditSummaryOf({ ...application, deleted_at: null });
  }

  /**
   * The decrypted application for a finance manager or owner. The opening is recorded on the deal
   * (and its lead) with the viewer's name before anything is answered; what it said never is.
   */
  async view(deal: DealRow, viewer: Principal): Promise<CreditApplicationView> {
    const dealershipId = deal.dealership_id;
    const row = await this.deps.repository.sealedForDeal(dealershipId, deal.id);
    if (!row) throw problems.notFound(`The credit application of deal ${deal.id}`);
    const envelope = envelopeOf(row);
    if (!envelope) throw erased(row);
    const sealed = SealedApplicationSchema.parse(
      await whileKeysAnswer('The credit application cannot be opened just now; try again in a moment.', () =>
        openJson(this.deps.keys, { dealershipId, applicationId: row.id }, envelope),
      ),
    );
    const viewerName = actorNameOf(viewer);
    await this.deps.db.transaction().execute((trx) =>
      recordActivity(trx, dealershipId, deal.id, {
        actor: viewerName,
        kind: 'credit-application-viewed',
        text: `Credit application viewed by ${viewerName}`,
      }),
    );
    return {
      ...creditSummaryOf(row),
      applicant: sealed.applicant,
      coApplicant: sealed.coApplicant,
      consentText: consentTextOf(row.consent_version),
      consentedAt: row.consented_at.toISOString(),
    };
  }
}

/** An application retention erased: there is nothing left to open. */
const erased = (row: CreditApplicationRow): HttpProblem =>
  new HttpProblem(
    404,
    PROBLEM_TYPES.notFound,
    'Not found',
    `The credit application was deleted on ${(row.deleted_at ?? row.delete_after).toISOString().slice(0, 10)} after the dealership’s retention period.`,
  );

/**
 * Runs a sealing or opening; when the key provider does not answer (KMS down or throttling) the
 * caller gets a 503 with Retry-After saying `detail`. The provider's error, already reduced to its
 * loggable form, stays as the cause for the log.
 */
async function whileKeysAnswer<T>(detail: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof KeyProviderUnavailable)) throw error;
    const problem = problems.serviceUnavailable(detail);
    problem.cause = error;
    throw problem;
  }
}
