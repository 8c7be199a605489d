import { serviceTokensFrom, type BaseConfig, type ServiceTokens } from '@showroom/server-kit';
import type { ObjectStore, StorageConfig } from '@showroom/server-storage';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { UsersDatabase } from '../database';
import type { SiteUrls } from '../websites/site-urls';
import { awsHosting, awsHostingClients } from './aws-hosting';
import { ProvisioningClaims } from './claims';
import { distributionIdOf, provisioningSettingsOf, type ProvisioningConfig } from './config';
import type { SiteHosting } from './hosting';
import { LeadOrigins } from './lead-origins';
import { localHosting } from './local-hosting';
import { WebsiteProvisioner } from './provisioner';

/** What a test may put in place of what the configuration would build. */
export interface ProvisioningOverrides {
  hosting?: SiteHosting;
  tokens?: ServiceTokens;
  clock?: () => Date;
}

export interface ProvisioningParts {
  db: Kysely<UsersDatabase>;
  objects: ObjectStore;
  urls: SiteUrls;
  logger: Logger;
}

type Config = ProvisioningConfig &
  Pick<StorageConfig, 'MEDIA_PUBLIC_URL'> &
  Pick<BaseConfig, 'AUTH_ISSUER_BASE_URL' | 'AUTH_AUDIENCE'>;

/** The users service's website provisioner, wired from its configuration. */
export function composeProvisioner(
  config: Config,
  parts: ProvisioningParts,
  overrides: ProvisioningOverrides = {},
): WebsiteProvisioner {
  const hosting =
    overrides.hosting ??
    (config.SITES_HOSTING === 'aws'
      ? awsHosting({
          ...awsHostingClients(config.SITES_CERTIFICATE_REGION),
          distributionId: distributionIdOf(config),
          zones: {
            platformZoneId: config.SITES_HOSTED_ZONE_ID,
            customerZoneIds: config.SITES_CUSTOMER_ZONE_IDS,
            isPlatformName: (name) => parts.urls.isPlatformHost(name),
          },
        })
      : localHosting((host) => parts.urls.originOf(host)));
  const tokens = overrides.tokens ?? serviceTokensFrom(config);
  return new WebsiteProvisioner({
    db: parts.db,
    claims: new ProvisioningClaims(parts.db),
    objects: parts.objects,
    hosting,
    leads: new LeadOrigins(config.LEADS_API_URL, tokens),
    urls: parts.urls,
    mediaPublicUrl: config.MEDIA_PUBLIC_URL,
    settings: provisioningSettingsOf(config),
    logger: parts.logger.child({ worker: 'website-provisioner' }),
    clock: overrides.clock ?? (() => new Date()),
  });
}
