import { Readable } from 'node:stream';
import { awsHosting, awsHostingClients, type AllowedZones } from './aws-hosting';

/** A request as it left the SDK, signed and serialised. */
export interface Sent {
  host: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

export const DISTRIBUTION_ID = 'E2QWRUHAPOMQZL';
export const DISTRIBUTION_DOMAIN = 'd111111abcdef8.cloudfront.net';
export const CERTIFICATE_ARN =
  'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab';
export const R53 = 'xmlns="https://route53.amazonaws.com/doc/2013-04-01/"';
export const CF = 'xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"';

/**
 * The AWS SDK's transport replaced by one that records every request and answers as AWS would:
 * what the adapter sends is checked exactly, nothing leaves the machine.
 */
export function recordingHandler(answer: (sent: Sent) => Answer) {
  const sent: Sent[] = [];
  const handler = {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: {
      hostname: string;
      method: string;
      path: string;
      query?: Record<string, unknown>;
      headers: Record<string, string>;
      body?: unknown;
    }) {
      const body =
        typeof request.body === 'string'
          ? request.body
          : request.body instanceof Uint8Array
            ? new TextDecoder().decode(request.body)
            : '';
      const query = new URLSearchParams(
        Object.entries(request.query ?? {}).map(([key, value]) => [key, String(value)]),
      ).toString();
      const record: Sent = {
        host: request.hostname,
        method: request.method,
        path: `${request.path}${query ? `?${query}` : ''}`,
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
        body,
      };
      sent.push(record);
      const reply = answer(record);
      return {
        response: {
          statusCode: reply.status ?? 200,
          headers: reply.headers ?? {},
          body: Readable.from([Buffer.from(reply.body)]),
        },
      };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs() {
      return {};
    },
    destroy: () => undefined,
  };
  return { handler, sent };
}

const distributionXml = (aliases: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<Distribution ${CF}><Id>${DISTRIBUTION_ID}</Id><ARN>arn:aws:cloudfront::123456789012:distribution/${DISTRIBUTION_ID}</ARN><Status>Deployed</Status><LastModifiedTime>2026-12-01T00:00:00Z</LastModifiedTime><InProgressInvalidationBatches>0</InProgressInvalidationBatches><DomainName>${DISTRIBUTION_DOMAIN}</DomainName><DistributionConfig><CallerReference>terraform-20261201</CallerReference><Aliases><Quantity>${aliases.length}</Quantity><Items>${aliases.map((a) => `<CNAME>${a}</CNAME>`).join('')}</Items></Aliases><Origins><Quantity>1</Quantity><Items><Origin><Id>storefront</Id><DomainName>alb.showroom.dev</DomainName></Origin></Items></Origins><DefaultCacheBehavior><TargetOriginId>storefront</TargetOriginId><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy></DefaultCacheBehavior><Comment>Showroom dealer websites</Comment><Enabled>true</Enabled></DistributionConfig></Distribution>`;

export interface AwsWorld {
  /** Certificates ACM already has (ListCertificates). */
  certificates: Array<{ arn: string; domains: string[] }>;
  aliases: string[];
  zones: Array<{ id: string; name: string }>;
  /** CloudFront refuses new names its certificate does not cover. */
  refuseAliases?: boolean;
}

/** AWS as the adapter sees it: ACM (JSON), Route 53 and CloudFront (REST-XML). */
export function fakeAws(world: AwsWorld) {
  return recordingHandler((sent): Answer => {
    const target = sent.headers['x-amz-target'];
    if (target === 'CertificateManager.ListCertificates') {
      return {
        body: JSON.stringify({
          CertificateSummaryList: world.certificates.map((c) => ({
            CertificateArn: c.arn,
            DomainName: c.domains[0],
            SubjectAlternativeNameSummaries: c.domains,
            HasAdditionalSubjectAlternativeNames: false,
            Status: 'PENDING_VALIDATION',
          })),
        }),
      };
    }
    if (target === 'CertificateManager.RequestCertificate') {
      return { body: JSON.stringify({ CertificateArn: CERTIFICATE_ARN }) };
    }
    if (target === 'CertificateManager.DescribeCertificate') {
      const domains = world.certificates[0]?.domains ?? [
        'www.harbor-motors.example',
        'shop.elsewhere.example',
      ];
      return {
        body: JSON.stringify({
          Certificate: {
            CertificateArn: CERTIFICATE_ARN,
            Status: 'PENDING_VALIDATION',
            DomainValidationOptions: domains.map((domain, i) => ({
              DomainName: domain,
              ValidationMethod: 'DNS',
              ValidationStatus: 'PENDING_VALIDATION',
              ResourceRecord: {
                Name: `_a${i}.${domain}.`,
                Type: 'CNAME',
                Value: `_b${i}.acm-validations.aws.`,
              },
            })),
          },
        }),
      };
    }
    if (sent.host === 'route53.amazonaws.com' && sent.method === 'GET') {
      const zones = world.zones
        .map(
          (z) =>
            `<HostedZone><Id>/hostedzone/${z.id}</Id><Name>${z.name}.</Name><CallerReference>${z.id}</CallerReference><Config><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>2</ResourceRecordSetCount></HostedZone>`,
        )
        .join('');
      return {
        body: `<?xml version="1.0"?>\n<ListHostedZonesResponse ${R53}><HostedZones>${zones}</HostedZones><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></ListHostedZonesResponse>`,
      };
    }
    if (sent.host === 'route53.amazonaws.com' && sent.method === 'POST') {
      return {
        body: `<?xml version="1.0"?>\n<ChangeResourceRecordSetsResponse ${R53}><ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status><SubmittedAt>2026-12-06T13:00:00Z</SubmittedAt></ChangeInfo></ChangeResourceRecordSetsResponse>`,
      };
    }
    if (sent.host === 'cloudfront.amazonaws.com' && sent.path.endsWith('/invalidation')) {
      return {
        status: 201,
        headers: {
          location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${DISTRIBUTION_ID}/invalidation/I2J0I21PCUYOIK`,
        },
        body: `<?xml version="1.0"?>\n<Invalidation ${CF}><Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status><CreateTime>2026-12-06T13:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/*</Path></Items></Paths><CallerReference>ref</CallerReference></InvalidationBatch></Invalidation>`,
      };
    }
    if (sent.host === 'cloudfront.amazonaws.com' && sent.method === 'PUT' && world.refuseAliases) {
      return {
        status: 400,
        body: `<?xml version="1.0"?>\n<ErrorResponse ${CF}><Error><Type>Sender</Type><Code>InvalidViewerCertificate</Code><Message>The certificate does not cover the alternate domain names.</Message></Error><RequestId>r1</RequestId></ErrorResponse>`,
      };
    }
    if (sent.host === 'cloudfront.amazonaws.com') {
      return {
        headers: { etag: sent.method === 'GET' ? 'E1ETAGBEFORE' : 'E2ETAGAFTER' },
        body: distributionXml(world.aliases),
      };
    }
    throw new Error(`no AWS answer for ${sent.method} ${sent.host}${sent.path}`);
  });
}

/** The AWS adapter as production builds it, over a recording handler (nothing leaves the machine). */
export function awsHostingOver(
  handler: ReturnType<typeof recordingHandler>['handler'],
  zones: AllowedZones,
  validationPolls = 1,
) {
  return awsHosting({
    zones,
    ...awsHostingClients('us-east-1', {
      requestHandler: handler,
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
    }),
    distributionId: DISTRIBUTION_ID,
    validationPolls,
  });
}
