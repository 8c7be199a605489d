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
import type { CdnInvalidator, DomainAttacher, SiteHosting, SiteHosts } from './hosting';

/** The hosted zone id every CloudFront alias record targets (fixed by AWS). */
export const CLOUDFRONT_HOSTED_ZONE_ID = 'Z2FDTNDATAQYW2';

export interface AwsHostingOptions {
  acm: ACMClient;
  route53: Route53Client;
  cloudfront: CloudFrontClient;
  distributionId: string;
  /** ACM fills in a new certificate's validation records within seconds: how long to wait between looks, and how many. */
  validationPollMs?: number;
  validationPolls?: number;
}

const dotless = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** The hosted zone of ours a name lives in (the longest zone name it ends with), if any. */
function zoneOf(name: string, zones: HostedZone[]): HostedZone | undefined {
  const host = dotless(name);
  return zones
    .filter((zone) => {
      const zoneName = dotless(zone.Name ?? '');
      return host === zoneName || host.endsWith(`.${zoneName}`);
    })
    .sort((a, b) => (b.Name?.length ?? 0) - (a.Name?.length ?? 0))[0];
}

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
 * validation CNAMEs and alias A/AAAA records to the storefront's distribution in our Route 53 zone
 * of the domain (a domain whose DNS is elsewhere gets the records to add in the step's detail),
 * and the domains as alternate names of the distribution. Each part skips what is already there:
 * an existing certificate for the same names is reused, records are UPSERTed, aliases added only
 * when missing (with the distribution's ETag, so a concurrent change is not overwritten).
 * Platform sub-domains need nothing: Terraform's wildcard certificate and record cover them.
 */
export class AwsDomainAttacher implements DomainAttacher {
  constructor(private readonly options: AwsHostingOptions) {}

  async attach(site: SiteHosts): Promise<string> {
    const domains = site.customDomains;
    if (domains.length === 0)
      return 'platform sub-domain only: covered by the wildcard certificate and DNS record';
    const certificate = await this.certificateFor(site.dealershipId, domains);
    const { target, aliases } = await this.addAliases(domains);
    const elsewhere = await this.upsertRecords(site, certificate.records, target);
    return [
      `certificate ${certificate.status === 'ISSUED' ? 'issued' : 'waiting for DNS validation'} for ${domains.join(', ')}`,
      aliases,
      ...(elsewhere.length > 0
        ? [`DNS not hosted by Showroom, add at the domain's DNS host: ${elsewhere.join('; ')}`]
        : []),
    ].join('; ');
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
      if (look >= polls) throw new Error('ACM has not given the certificate’s DNS validation records yet');
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

  /** UPSERTs the records in our zones; answers the records to add elsewhere, as text. */
  private async upsertRecords(
    site: SiteHosts,
    validation: ResourceRecord[],
    target: string,
  ): Promise<string[]> {
    const zones = await this.hostedZones();
    const changes = new Map<string, Change[]>();
    const elsewhere: string[] = [];
    const add = (name: string, change: Change, instead: string) => {
      const zone = zoneOf(name, zones);
      if (!zone?.Id) return void elsewhere.push(instead);
      const id = zone.Id.replace(/^\/hostedzone\//, '');
      changes.set(id, [...(changes.get(id) ?? []), change]);
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
    for (const domain of site.customDomains) {
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
                DNSName: target,
                EvaluateTargetHealth: false,
              },
            },
          },
          `CNAME (or ALIAS at the apex) ${domain} → ${target}`,
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

  private async hostedZones(): Promise<HostedZone[]> {
    const zones: HostedZone[] = [];
    let Marker: string | undefined;
    do {
      const page = await this.options.route53.send(new ListHostedZonesCommand({ Marker }));
      zones.push(...(page.HostedZones ?? []).filter((zone) => !zone.Config?.PrivateZone));
      Marker = page.IsTruncated ? page.NextMarker : undefined;
    } while (Marker);
    return zones;
  }

  /**
   * Adds the domains the distribution lacks as alternate names; answers its domain name (the alias
   * target) and what was done. CloudFront refuses a name its one certificate does not cover
   * (ADR 10): that is said, and the rest of the site's provisioning goes on (the site is served on
   * its platform host meanwhile) instead of failing every retry.
   */
  private async addAliases(domains: string[]): Promise<{ target: string; aliases: string }> {
    const { cloudfront, distributionId: Id } = this.options;
    const { Distribution, ETag } = await cloudfront.send(new GetDistributionCommand({ Id }));
    const config = Distribution?.DistributionConfig;
    if (!Distribution?.DomainName || !config || !ETag)
      throw new Error(`CloudFront distribution ${Id} was not found`);
    const aliases = config.Aliases?.Items ?? [];
    const missing = domains.filter((domain) => !aliases.includes(domain));
    const target = Distribution.DomainName;
    if (missing.length === 0) return { target, aliases: 'CDN names already there' };
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
      return {
        target,
        aliases: `CDN names not added: the CDN's certificate does not cover ${missing.join(', ')} yet`,
      };
    }
    return { target, aliases: `CDN names added: ${missing.join(', ')}` };
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
    return `CDN invalidation ${Invalidation?.Id ?? ''} of /* ${Invalidation?.Status === 'Completed' ? 'completed' : 'under way'}`.replace(
      '  ',
      ' ',
    );
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
