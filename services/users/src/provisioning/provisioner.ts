import { PROVISIONING_STEPS, type ProvisioningStepName } from '@showroom/contracts';
import { backoffMs, loggableError, PollingWorker } from '@showroom/server-kit';
import type { ObjectStore } from '@showroom/server-storage';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { UsersDatabase } from '../database';
import { siteToPublish, type SiteToPublish } from '../websites/published-site';
import type { SiteUrls } from '../websites/site-urls';
import { ClaimLost, type ClaimedSite, type ProvisioningClaims, type StepOutcome } from './claims';
import type { ProvisioningSettings } from './config';
import type { SiteHosting, SiteHosts } from './hosting';
import type { LeadOrigins } from './lead-origins';
import { publishConfig } from './publish-config';
import { publishedSiteOf } from './published';
import { ownerFacingError, RUN_FAILED } from './owner-errors';
import { removeReplacedAssets, uploadAssets } from './upload-assets';

export interface WebsiteProvisionerDeps {
  db: Kysely<UsersDatabase>;
  claims: ProvisioningClaims;
  objects: ObjectStore;
  hosting: SiteHosting;
  leads: LeadOrigins;
  urls: SiteUrls;
  mediaPublicUrl: string;
  settings: ProvisioningSettings;
  logger: Logger;
  clock: () => Date;
}

/** What a step that went through says (attach-domain also names the own domains not served yet). */
type StepDone = Omit<Extract<StepOutcome, { status: 'done' }>, 'status'>;

/**
 * Puts dealer websites live: claims a due request (SKIP LOCKED, with a lease), reads the site as it
 * stands and runs the steps in order, recording each. All done: live for the version read (or due
 * again at once when a newer one was asked for meanwhile). A step failing: the run stops, failed,
 * and is tried again after a growing wait (1, 2, 4 … minutes, at most an hour); that run goes on
 * from the failed step. Every step is harmless to repeat.
 */
export class WebsiteProvisioner {
  private readonly worker: PollingWorker;

  constructor(private readonly deps: WebsiteProvisionerDeps) {
    this.worker = new PollingWorker({
      name: 'website provisioner',
      run: () => this.drain(),
      intervalMs: deps.settings.pollIntervalMs,
      logger: deps.logger,
    });
  }

  start(): void {
    this.worker.start();
  }

  /** Finishes the item under way, then stops. */
  close(): Promise<void> {
    return this.worker.stop();
  }

  /** Provisions until nothing is due; exposed so tests can drive it without the timer. */
  async drain(): Promise<void> {
    while (!this.worker.stopping) {
      const claim = await this.deps.claims.claim(this.deps.clock(), this.deps.settings.leaseMs);
      if (!claim) return;
      await this.run(claim);
    }
  }

  /**
   * Runs one claimed site's steps and records how it went. Whatever fails — a step, reading the
   * site, checking the claim — fails the run with a backoff; a lost claim stops it without a write.
   */
  async run(claim: ClaimedSite): Promise<void> {
    const { claims, clock, logger } = this.deps;
    // The step a failure is recorded on: the one running, or the one about to run.
    let step: ProvisioningStepName = PROVISIONING_STEPS[0];
    let inStep = false;
    let version = claim.version;
    try {
      const site = await siteToPublish(this.deps.db, claim.dealershipId, this.deps.urls);
      if (!site) return void (await claims.forget(claim));
      version = site.version;
      const records = await claims.steps(claim);
      const runners = this.runnersFor(site, () => this.holdClaim(claim));
      for (step of PROVISIONING_STEPS) {
        const last = records.get(step);
        if (claim.failures > 0 && last?.status === 'done' && last.version === site.version) continue;
        // Checked before each step's writes: a run that outlived its lease writes nothing more.
        await this.holdClaim(claim);
        inStep = true;
        const done = await runners[step]();
        inStep = false;
        if (!(await claims.recordStep(claim, step, version, { status: 'done', ...done }, clock()))) return;
      }
      await claims.finished(claim, version, clock());
      logger.info({ dealershipId: claim.dealershipId, version }, 'website live');
    } catch (error) {
      if (error instanceof ClaimLost) {
        logger.info(
          { dealershipId: claim.dealershipId, step },
          'website provisioning lease lost; run stopped',
        );
        return;
      }
      await this.recordFailure(
        claim,
        step,
        version,
        inStep ? ownerFacingError(step, error) : RUN_FAILED,
        error,
      );
    }
  }

  /** Extends the claim's lease, or stops the run (ClaimLost) when another worker may have it. */
  private async holdClaim(claim: ClaimedSite): Promise<void> {
    const { claims, clock, settings } = this.deps;
    if (!(await claims.heartbeat(claim, clock(), settings.leaseMs))) throw new ClaimLost();
  }

  /** The run failed at `step`: the owner reads `reason`, the logs the error; tried again after a growing wait. */
  private async recordFailure(
    claim: ClaimedSite,
    step: ProvisioningStepName,
    version: number,
    reason: string,
    error: unknown,
  ): Promise<void> {
    const { claims, settings, clock, logger } = this.deps;
    const failures = claim.failures + 1;
    logger.warn(
      { dealershipId: claim.dealershipId, step, failures, error: loggableError(error) },
      'website provisioning failed; it is retried',
    );
    const now = clock();
    const retryAt = new Date(now.getTime() + backoffMs(settings.retryFirstMs, failures, settings.retryMaxMs));
    try {
      await claims.recordStep(claim, step, version, { status: 'failed', error: reason }, now);
      await claims.failed(claim, version, `${step}: ${reason}`, retryAt, now);
    } catch (recordError) {
      // The database itself is failing: the lease runs out and another run takes the site over.
      logger.error(
        { dealershipId: claim.dealershipId, error: loggableError(recordError) },
        'website provisioning failure could not be recorded',
      );
    }
  }

  private runnersFor(
    site: SiteToPublish,
    holdClaim: () => Promise<void>,
  ): Record<ProvisioningStepName, () => Promise<StepDone>> {
    const { objects, hosting, leads, urls, mediaPublicUrl, clock } = this.deps;
    const published = publishedSiteOf(site, mediaPublicUrl, clock());
    const hosts: SiteHosts = {
      dealershipId: site.dealershipId,
      version: site.version,
      hosts: site.hosts,
      customDomains: site.hosts.filter((host) => !urls.isPlatformHost(host)),
    };
    return {
      'upload-assets': async () => ({
        detail: await uploadAssets(objects, site.dealershipId, site.logoUpload),
      }),
      'publish-config': async () => ({ detail: await publishConfig(objects, published, holdClaim) }),
      // Its unserved domains replace the last run's: a site with none (or no own domain) clears them.
      'attach-domain': () => hosting.domains.attach(hosts),
      'allow-lead-origins': async () => ({
        detail: await leads.allow(site.dealershipId, {
          dealershipName: site.name,
          siteOrigins: site.hosts.map((host) => urls.originOf(host)),
        }),
      }),
      'invalidate-cdn': async () => {
        const invalidated = await hosting.cdn.invalidate(hosts);
        // Only now: pages the CDN cached until the invalidation still name a replaced logo's files.
        await holdClaim();
        const removed = await removeReplacedAssets(objects, site.dealershipId, site.logoUpload);
        return { detail: removed ? `${invalidated}; ${removed}` : invalidated };
      },
    };
  }
}
