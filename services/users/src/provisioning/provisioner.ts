import { PROVISIONING_STEPS, siteConfigKeys, type ProvisioningStepName } from '@showroom/contracts';
import { backoffMs, loggableError } from '@showroom/server-kit';
import type { ObjectStore } from '@showroom/server-storage';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { UsersDatabase } from '../database';
import { siteToPublish, type SiteToPublish } from '../websites/published-site';
import type { SiteUrls } from '../websites/site-urls';
import type { ClaimedSite, ProvisioningClaims } from './claims';
import type { ProvisioningSettings } from './config';
import type { SiteHosting, SiteHosts } from './hosting';
import type { LeadOrigins } from './lead-origins';
import { publishConfig } from './publish-config';
import { publishedSiteOf } from './published';
import { uploadAssets } from './upload-assets';

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

/**
 * What the owner reads of a failure: the error's own words (an SDK's, a connection's), never a
 * stack; a network failure says what it could not reach.
 */
export function stepErrorOf(error: unknown): string {
  if (error instanceof z.ZodError) return `the site cannot be published as it is: ${z.prettifyError(error)}`;
  if (!(error instanceof Error)) return 'the step failed';
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  return `${name}${error.message}${cause}`;
}

/**
 * Puts dealer websites live: claims a due request (SKIP LOCKED, with a lease), reads the site as it
 * stands and runs the steps in order, recording each. All done: live for the version read (or due
 * again at once when a newer one was asked for meanwhile). A step failing: the run stops, failed,
 * and is tried again after a growing wait (1, 2, 4 … minutes, at most an hour); that run goes on
 * from the failed step. Every step is harmless to repeat.
 */
export class WebsiteProvisioner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;
  private closing = false;

  constructor(private readonly deps: WebsiteProvisionerDeps) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Provisions until nothing is due; exposed so tests can drive it without the timer. */
  async drain(): Promise<void> {
    while (!this.closing) {
      const claim = await this.deps.claims.claim(this.deps.clock(), this.deps.settings.leaseMs);
      if (!claim) return;
      await this.run(claim);
    }
  }

  private schedule(delayMs: number): void {
    if (this.closing) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) =>
          this.deps.logger.error({ error: loggableError(error) }, 'website provisioner failed'),
        )
        .finally(() => this.schedule(this.deps.settings.pollIntervalMs));
    }, delayMs);
  }

  /** Runs one claimed site's steps and records how it went. */
  async run(claim: ClaimedSite): Promise<void> {
    const { claims, settings, clock, logger } = this.deps;
    const site = await siteToPublish(this.deps.db, claim.dealershipId, this.deps.urls);
    if (!site) return void (await claims.forget(claim));
    const done = await claims.steps(claim);
    const runners = this.runnersFor(site);
    for (const step of PROVISIONING_STEPS) {
      const last = done.get(step);
      if (claim.failures > 0 && last?.status === 'done' && last.version === site.version) continue;
      try {
        const detail = await runners[step]();
        if (!(await claims.recordStep(claim, step, site.version, { status: 'done', detail }, clock())))
          return;
      } catch (error) {
        const reason = `${step}: ${stepErrorOf(error)}`;
        logger.warn(
          {
            dealershipId: claim.dealershipId,
            step,
            failures: claim.failures + 1,
            error: loggableError(error),
          },
          'website provisioning step failed; it is retried',
        );
        const now = clock();
        const retryAt = new Date(
          now.getTime() + backoffMs(settings.retryFirstMs, claim.failures + 1, settings.retryMaxMs),
        );
        await claims.recordStep(
          claim,
          step,
          site.version,
          { status: 'failed', error: stepErrorOf(error) },
          now,
        );
        await claims.failed(claim, site.version, reason, retryAt, now);
        return;
      }
      if (!(await claims.heartbeat(claim, clock(), settings.leaseMs))) return;
    }
    await claims.finished(claim, site.version, clock());
    logger.info({ dealershipId: claim.dealershipId, version: site.version }, 'website live');
  }

  private runnersFor(site: SiteToPublish): Record<ProvisioningStepName, () => Promise<string>> {
    const { objects, hosting, leads, urls, mediaPublicUrl, clock } = this.deps;
    const published = publishedSiteOf(site, mediaPublicUrl, clock());
    const hosts: SiteHosts = {
      dealershipId: site.dealershipId,
      version: site.version,
      hosts: site.hosts,
      customDomains: site.hosts.filter((host) => !urls.isPlatformHost(host)),
    };
    return {
      'publish-config': () => publishConfig(objects, published),
      'upload-assets': () =>
        uploadAssets(
          objects,
          site.dealershipId,
          site.logoUpload,
          siteConfigKeys.assetsPrefix(site.dealershipId),
        ),
      'attach-domain': () => hosting.domains.attach(hosts),
      'allow-lead-origins': () =>
        leads.allow(site.dealershipId, {
          dealershipName: site.name,
          siteOrigins: site.hosts.map((host) => urls.originOf(host)),
        }),
      'invalidate-cdn': () => hosting.cdn.invalidate(hosts),
    };
  }
}
