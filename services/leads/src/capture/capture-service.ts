import { GroupCommit, type BatchAnswers, type GroupCommitLimits } from '@showroom/server-mysql';
import { CaptureBatch, type CaptureOptions, type CaptureOutcome, type CaptureRequest } from './capture-batch';
import type { CaptureRepository } from './capture-repository';
import type { LeadDraft } from './lead-draft';

export type { CaptureOptions, CaptureOutcome, IdempotencyRequest } from './capture-batch';

/**
 * Takes leads from every channel. Requests that arrive while a transaction is being written go
 * together in the next one (group commit): under load, one lock round, one multi-row insert per
 * table and one log flush serve many shoppers. Within it, the dealerships' settings rows are locked
 * first, so two submissions of one shopper cannot both become new leads, and a request of several
 * prospects is stored whole or not at all. Each request is answered once its transaction committed.
 * Consumers learn of it through the outbox.
 */
export class CaptureService {
  private readonly group: GroupCommit<CaptureRequest, CaptureOutcome>;

  constructor(
    private readonly repository: CaptureRepository,
    private readonly onCommitted: () => void,
    private readonly clock: () => Date = () => new Date(),
    limits: GroupCommitLimits = {},
  ) {
    this.group = new GroupCommit((requests) => this.commit(requests), limits);
  }

  capture(dealershipId: string, drafts: LeadDraft[], options: CaptureOptions = {}): Promise<CaptureOutcome> {
    return this.group.submit({ dealershipId, drafts, options });
  }

  private async commit(requests: CaptureRequest[]): Promise<BatchAnswers<CaptureOutcome>> {
    const answers = await this.repository.transaction(async (db) => {
      const now = this.clock();
      const batch = await CaptureBatch.prepare(db, requests, now);
      const decided = requests.map((request) => batch.capture(request));
      await db.write(batch.writes, now);
      return decided;
    });
    if (answers.some((answer) => !(answer instanceof Error) && !answer.replayed)) this.onCommitted();
    return answers;
  }
}
