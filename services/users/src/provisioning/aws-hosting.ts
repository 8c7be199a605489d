import { createHash } from 'node:crypto';
import {
  ACMClient,
  DescribeCertificateCommand,
  ListCertificatesCommand,
  RequestCertificateCommand,
  type ResourceRecord,
} from '@aws-sdk/client-acm';
import {
  CreateInvalidationCommand,
  CloudFrontClient,
  GetDistributionCommand,
  InvalidViewerCertificate,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import {
  ChangeResourceRecordSetsCommand,
  ListHostedZonesCommand,
  Route53Client,
  type Change,
  type HostedZone,
} from '@aws-sdk/client-route-53';
import type { AttachedDomains, CdnInvalidator, DomainAttacher, SiteHosting, SiteHosts } from './hosting';
import { OwnerFacingError } from './owner-errors';

/** The hosted zone id every CloudFront alias record targets (fixed by AWS). */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

export interface AwsHostingOptions {
  acm: ACMClient;
  route53: Route53Client;
  cloudfront: CloudFrontClient;
  distributionId: string;
  /** The Route 53 zones records may be written in; nothing else of the account is touched. */
  zones: AllowedZones;
  /** ACM fills in a new certificate's validation records within seconds: how long to wait between looks, and how many. */
  validationPollMs?: number;
  validationPolls?: number;
}

/**
 * Where the adapter may write DNS records. The platform's zone (SITES_HOSTED_ZONE_ID) only for names
 * under the platform domain; zones dealers delegated to us (SITES_CUSTOMER_ZONE_IDS) only for names
 * outside it. Any other zone of the account (Showroom's own records among them) is never written:
 * its records are given to the dealer to add instead.
 */
export interface AllowedZones {
  platformZoneId?: string;
  customerZoneIds: readonly string[];
  /** A name under the platform domain (SiteUrls.isPlatformHost). */
  isPlatformName: (name: string) => boolean;
}

interface WritableZone {
  id: string;
  name: string;
  platform: boolean;
}

const dotless = (name: string) => name.toLowerCase().replace(/\.$/, '');
const zoneIdOf = (zone: HostedZone) => (zone.Id ?? '').replace(/^\/hostedzone\//, '');

/** The allowed zone a name may be written in (the longest zone name it ends with), if any. */
function zoneOf(name: string, zones: WritableZone[], isPlatformName: (name: string) => boolean) {
  const host = dotless(name);
  const platformName = isPlatformName(host);
  return zones
    .filter((zone) => zone.platform === platformName)
    .filter((zone) => host === zone.name || host.endsWith(`.${zone.name}`))
    .sort((a, b) => b.name.length - a.name.length)[0];
}

/** Said first in the step's detail: the site is live, but not on these own domains yet. */
const notYetServed = (domains: string[]) =>
  `not yet served on ${domains.join(', ')}: the CDN's certificate does not cover ${domains.length > 1 ? 'them' : 'it'} yet, ` +
  'the site is live on its platform host meanwhile';

/**
 * The same dealership and domains give the same token, so a repeated request (within ACM's hour)
 * answers the certificate already requested. ACM takes up to 32 word characters.
 */
export const certificateIdempotencyToken = (dealershipId: string, domains: readonly string[]) =>
  createHash('sha256')
    .update(`${dealershipId}|${[...domains].sort().join(',')}`)
    .digest('hex')
    .slice(0, 32);

/** The CDN invalidation of a site's version: CloudFront answers a repeated reference with the first invalidation. */
export const invalidationReference = (dealershipId: string, version: number) =>
  `showroom-site-${dealershipId}-v${version}`;

/**
 * A site's own domains on AWS: a DNS-validated certificate (ACM, us-east-1 for CloudFront), the
 * domains as alternate names of the storefront's distribution, then the validation CNAMEs and the
 * alias A/AAAA records of the domains the distribution serves, in an allowed Route 53 zone (see
 * AllowedZones; a domain in none gets the records to add in the step's detail). Each part skips
 * what is already there: an existing certificate for the same names is reused, records are
 * UPSERTed, aliases added only when missing (with the distribution's ETag, so a concurrent change
 * is not overwritten). Platform sub-domains need nothing: Terraform's wildcard certificate and
 * record cover them.
 */
export class AwsDomainAttacher implements DomainAttacher {
  constructor(private readonly options: AwsHostingOptions) {}

  async attach(site: SiteHosts): Promise<AttachedDomains> {
    const domains = site.customDomains;
    if (domains.length === 0)
      return {
        detail: 'platform sub-domain only: covered by the wildcard certificate and DNS record',
        unservedDomains: [],
      };
    const certificate = await this.certificateFor(site.dealershipId, domains);
    const cdn = await this.addAliases(domains);
    const elsewhere = await this.upsertRecords(site, certificate.records, cdn);
    const refused = domains.filter((domain) => !cdn.served.includes(domain));
    const detail = [
      ...(refused.length > 0 ? [notYetServed(refused)] : []),
      `certificate ${certificate.status === 'ISSUED' ? 'issued' : 'waiting for DNS validation'} for ${domains.join(', ')}`,
      cdn.done,
      ...(elsewhere.length > 0 ? [`add at your DNS host: ${elsewhere.join('; ')}`] : []),
    ].join('; ');
    return { detail, unservedDomains: refused };
  }

  private async certificateFor(
    dealershipId: string,
    domains: string[],
  ): Promise<{ arn: string; status: string; records: ResourceRecord[] }> {
    const arn =
      (await this.existingCertificate(domains)) ?? (await this.requestCertificate(dealershipId, domains));
    const polls = this.options.validationPolls ?? 5;
    for (let look = 1; ; look++) {
      const { Certificate } = await this.options.acm.send(
        new DescribeCertificateCommand({ CertificateArn: arn }),
      );
      const options = Certificate?.DomainValidationOptions ?? [];
      const records = options.flatMap((option) => (option.ResourceRecord ? [option.ResourceRecord] : []));
      if (options.length > 0 && records.length === options.length) {
        return { arn, status: Certificate?.Status ?? 'PENDING_VALIDATION', records };
      }
      if (look >= polls)
        throw new OwnerFacingError('the certificate’s DNS validation records are not ready yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, this.options.validationPollMs ?? 2_000));
    }
  }

  /** A certificate (issued or waiting) for exactly these names, requested by an earlier run. */
  private async existingCertificate(domains: string[]): Promise<string | undefined> {
    const wanted = [...domains].sort().join(',');
    let NextToken: string | undefined;
    do {
      const page = await this.options.acm.send(
        new ListCertificatesCommand({ CertificateStatuses: ['PENDING_VALIDATION', 'ISSUED'], NextToken }),
      );
      const found = page.CertificateSummaryList?.find(
        (summary) =>
          summary.DomainName === domains[0] &&
          !summary.HasAdditionalSubjectAlternativeNames &&
          [...(summary.SubjectAlternativeNameSummaries ?? [])].sort().join(',') === wanted,
      );
      if (found?.CertificateArn) return found.CertificateArn;
      NextToken = page.NextToken;
    } while (NextToken);
    return undefined;
  }

  private async requestCertificate(dealershipId: string, domains: string[]): Promise<string> {
    const { CertificateArn } = await this.options.acm.send(
      new RequestCertificateCommand({
        DomainName: domains[0],
        SubjectAlternativeNames: domains,
        ValidationMethod: 'DNS',
        IdempotencyToken: certificateIdempotencyToken(dealershipId, domains),
        Tags: [{ Key: 'showroom:dealership', Value: dealershipId }],
      }),
    );
    if (!CertificateArn) throw new Error('ACM answered the certificate request without its ARN');
    return CertificateArn;
  }

  /**
   * UPSERTs the certificate's validation CNAMEs, and the alias A/AAAA of each domain the CDN serves
   * (an alias to a distribution that refuses the name would break the domain), in the allowed
   * zones; answers the records to add elsewhere, as text.
   */
  private async upsertRecords(
    site: SiteHosts,
    validation: ResourceRecord[],
    cdn: { target: string; served: string[] },
  ): Promise<string[]> {
    const zones = await this.writableZones();
    const changes = new Map<string, Change[]>();
    const elsewhere: string[] = [];
    const add = (name: string, change: Change, instead: string) => {
      const zone = zoneOf(name, zones, this.options.zones.isPlatformName);
      if (!zone) return void elsewhere.push(instead);
      changes.set(zone.id, [...(changes.get(zone.id) ?? []), change]);
    };
    const seen = new Set<string>();
    for (const record of validation) {
      if (!record.Name || !record.Value || seen.has(record.Name)) continue;
      seen.add(record.Name);
      add(
        record.Name,
        {
          Action: 'UPSERT',
          ResourceRecordSet: {
            Name: record.Name,
            Type: 'CNAME',
            TTL: 300,
            ResourceRecords: [{ Value: record.Value }],
          },
        },
        `CNAME ${dotless(record.Name)} → ${dotless(record.Value)}`,
      );
    }
    for (const domain of cdn.served) {
      for (const Type of ['A', 'AAAA'] as const) {
        add(
          domain,
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: domain,
              Type,
              AliasTarget: {
                HostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID,
                DNSName: cdn.target,
                EvaluateTargetHealth: false,
              },
            },
          },
          `CNAME (or ALIAS at the apex) ${domain} → ${cdn.target}`,
        );
      }
    }
    for (const [HostedZoneId, Changes] of changes) {
      await this.options.route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId,
          ChangeBatch: { Comment: `Showroom site of ${site.dealershipId} (v${site.version})`, Changes },
        }),
      );
    }
    return [...new Set(elsewhere)];
  }

  /** The allowed zones with their names (public ones only); none allowed, nothing is asked. */
  private async writableZones(): Promise<WritableZone[]> {
    const { platformZoneId, customerZoneIds } = this.options.zones;
    if (!platformZoneId && customerZoneIds.length === 0) return [];
    const zones: WritableZone[] = [];
    let Marker: string | undefined;
    do {
      const page = await this.options.route53.send(new ListHostedZonesCommand({ Marker }));
      for (const zone of page.HostedZones ?? []) {
        const id = zoneIdOf(zone);
        if (zone.Config?.PrivateZone || !zone.Name) continue;
        const platform = id === platformZoneId;
        if (platform || customerZoneIds.includes(id)) zones.push({ id, name: dotless(zone.Name), platform });
      }
      Marker = page.IsTruncated ? page.NextMarker : undefined;
    } while (Marker);
    return zones;
  }

  /**
   * Adds the domains the distribution lacks as alternate names; answers its domain name (the alias
   * target), the domains it serves and what was done. CloudFront refuses a name its one certificate
   * does not cover (ADR 10): those domains are not served yet, and the rest of the site's
   * provisioning goes on (the site is served on its platform host meanwhile) instead of failing
   * every retry.
   */
  private async addAliases(domains: string[]): Promise<{ target: string; served: string[]; done: string }> {
    const { cloudfront, distributionId: Id } = this.options;
    const { Distribution, ETag } = await cloudfront.send(new GetDistributionCommand({ Id }));
    const config = Distribution?.DistributionConfig;
    if (!Distribution?.DomainName || !config || !ETag)
      throw new OwnerFacingError('the CDN distribution of the sites was not found (see logs)');
    const aliases = config.Aliases?.Items ?? [];
    const present = domains.filter((domain) => aliases.includes(domain));
    const missing = domains.filter((domain) => !aliases.includes(domain));
    const target = Distribution.DomainName;
    if (missing.length === 0) return { target, served: present, done: 'CDN names already there' };
    const Items = [...aliases, ...missing];
    try {
      await cloudfront.send(
        new UpdateDistributionCommand({
          Id,
          IfMatch: ETag,
          DistributionConfig: { ...config, Aliases: { Quantity: Items.length, Items } },
        }),
      );
    } catch (error) {
      if (!(error instanceof InvalidViewerCertificate)) throw error;
      return { target, served: present, done: `CDN names not added: ${missing.join(', ')}` };
    }
    return { target, served: domains, done: `CDN names added: ${missing.join(', ')}` };
  }
}

/** Invalidates every path of the storefront's distribution once per site version. */
export class AwsCdnInvalidator implements CdnInvalidator {
  constructor(private readonly options: Pick<AwsHostingOptions, 'cloudfront' | 'distributionId'>) {}

  async invalidate(site: SiteHosts): Promise<string> {
    // Paths name no host: one site's change invalidates the shared distribution's `/*` (one path, billed once).
    const { Invalidation } = await this.options.cloudfront.send(
      new CreateInvalidationCommand({
        DistributionId: this.options.distributionId,
        InvalidationBatch: {
          CallerReference: invalidationReference(site.dealershipId, site.version),
          Paths: { Quantity: 1, Items: ['/*'] },
        },
      }),
    );
    const invalidation = Invalidation?.Id ? `CDN invalidation ${Invalidation.Id}` : 'CDN invalidation';
    return `${invalidation} of /* ${Invalidation?.Status === 'Completed' ? 'completed' : 'under way'}`;
  }
}

export function awsHosting(options: AwsHostingOptions): SiteHosting {
  return { domains: new AwsDomainAttacher(options), cdn: new AwsCdnInvalidator(options) };
}

/** The SDK clients as production makes them (the task role's credentials); tests pass a recording handler. */
export function awsHostingClients(
  certificateRegion: string,
  extra: { requestHandler?: unknown; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
) {
  const common = { maxAttempts: 3, ...extra } as Record<string, unknown>;
  return {
    acm: new ACMClient({ region: certificateRegion, ...common }),
    // Route 53 and CloudFront are global services, signed for us-east-1.
    route53: new Route53Client({ region: 'us-east-1', ...common }),
    cloudfront: new CloudFrontClient({ region: 'us-east-1', ...common }),
  };
}
