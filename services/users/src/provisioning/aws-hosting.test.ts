import { describe, expect, it } from 'vitest';
import {
  certificateIdempotencyToken,
  type AllowedZones,
  CLOUDFRONT_HOSTED_ZONE_ID,
  invalidationReference,
} from './aws-hosting';
import {
  awsHostingOver,
  CERTIFICATE_ARN,
  CF,
  DISTRIBUTION_DOMAIN,
  DISTRIBUTION_ID,
  fakeAws,
  R53,
  recordingHandler,
  type Sent,
} from './aws-test-support';
import type { SiteHosts } from './hosting';
import { ownerFacingError } from './owner-errors';

const DEALERSHIP = '6f0c6a2e-3b8e-4d5f-9a41-2f9d2c1b7e10';
const PLATFORM_DOMAIN = 'sites.showroom.dev';
/** As production configures it: the sites zone, and the zones dealers delegated to us. */
const ALLOWED_ZONES: Omit<AllowedZones, 'isPlatformName'> = {
  platformZoneId: 'Z0SITES',
  customerZoneIds: ['Z0HARBOR'],
};

const hostingOn = (
  handler: ReturnType<typeof recordingHandler>['handler'],
  zones: Omit<AllowedZones, 'isPlatformName'> = ALLOWED_ZONES,
) =>
  awsHostingOver(handler, {
    ...zones,
    isPlatformName: (name) => name === PLATFORM_DOMAIN || name.endsWith(`.${PLATFORM_DOMAIN}`),
  });

const site = (customDomains: string[]): SiteHosts => ({
  dealershipId: DEALERSHIP,
  version: 7,
  hosts: ['harbor-motors.sites.showroom.dev', ...customDomains],
  customDomains,
});

const operation = (sent: Sent) =>
  sent.headers['x-amz-target'] ?? `${sent.method} ${sent.host} ${sent.path.replace(/\?.*$/, '')}`;

describe('AWS hosting of a site (exact requests, recorded)', () => {
  it('attaches own domains: certificate with DNS validation, the CDN names added with IfMatch, UPSERTed records in the delegated zone', async () => {
    const { handler, sent } = fakeAws({
      certificates: [],
      aliases: ['*.sites.showroom.dev'],
      zones: [
        { id: 'Z0SITES', name: 'sites.showroom.dev' },
        { id: 'Z0HARBOR', name: 'harbor-motors.example' },
      ],
    });
    const domains = ['www.harbor-motors.example', 'shop.elsewhere.example'];
    const { detail, unservedDomains } = await hostingOn(handler).domains.attach(site(domains));

    expect(sent.map(operation)).toEqual([
      'CertificateManager.ListCertificates',
      'CertificateManager.RequestCertificate',
      'CertificateManager.DescribeCertificate',
      `GET cloudfront.amazonaws.com /2020-05-31/distribution/${DISTRIBUTION_ID}`,
      `PUT cloudfront.amazonaws.com /2020-05-31/distribution/${DISTRIBUTION_ID}/config`,
      'GET route53.amazonaws.com /2013-04-01/hostedzone',
      'POST route53.amazonaws.com /2013-04-01/hostedzone/Z0HARBOR/rrset',
    ]);
    const [, request] = sent;
    expect(request?.host).toBe('acm.us-east-1.amazonaws.com');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      DomainName: 'www.harbor-motors.example',
      SubjectAlternativeNames: domains,
      ValidationMethod: 'DNS',
      IdempotencyToken: certificateIdempotencyToken(DEALERSHIP, domains),
      Tags: [{ Key: 'showroom:dealership', Value: DEALERSHIP }],
    });
    expect(certificateIdempotencyToken(DEALERSHIP, domains)).toMatch(/^\w{32}$/);
    expect(certificateIdempotencyToken(DEALERSHIP, [...domains].reverse())).toBe(
      certificateIdempotencyToken(DEALERSHIP, domains),
    );

    const update = sent[4];
    expect(update?.headers['if-match']).toBe('E1ETAGBEFORE');
    expect(update?.body).toContain(
      '<Aliases><Quantity>3</Quantity><Items><CNAME>*.sites.showroom.dev</CNAME><CNAME>www.harbor-motors.example</CNAME><CNAME>shop.elsewhere.example</CNAME></Items></Aliases>',
    );
    // The rest of the distribution goes back as it was read.
    expect(update?.body).toContain('<CallerReference>terraform-20261201</CallerReference>');
    expect(update?.body).toContain('<Comment>Showroom dealer websites</Comment>');

    const alias = (type: string) =>
      `<Change><Action>UPSERT</Action><ResourceRecordSet><Name>www.harbor-motors.example</Name><Type>${type}</Type><AliasTarget><HostedZoneId>${CLOUDFRONT_HOSTED_ZONE_ID}</HostedZoneId><DNSName>${DISTRIBUTION_DOMAIN}</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget></ResourceRecordSet></Change>`;
    expect(sent[6]?.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        `<ChangeResourceRecordSetsRequest ${R53}><ChangeBatch><Changes>` +
        '<Change><Action>UPSERT</Action><ResourceRecordSet><Name>_a0.www.harbor-motors.example.</Name><Type>CNAME</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>_b0.acm-validations.aws.</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>' +
        alias('A') +
        alias('AAAA') +
        `</Changes><Comment>Showroom site of ${DEALERSHIP} (v7)</Comment></ChangeBatch></ChangeResourceRecordSetsRequest>`,
    );
    expect(detail).toBe(
      'certificate waiting for DNS validation for www.harbor-motors.example, shop.elsewhere.example; ' +
        'CDN names added: www.harbor-motors.example, shop.elsewhere.example; ' +
        'add at your DNS host: CNAME _a1.shop.elsewhere.example → _b1.acm-validations.aws; ' +
        `CNAME (or ALIAS at the apex) shop.elsewhere.example → ${DISTRIBUTION_DOMAIN}`,
    );
    // The distribution took both names: none is left unserved.
    expect(unservedDomains).toEqual([]);
  });

  it('run again, it requests no second certificate and leaves the distribution alone', async () => {
    const domains = ['www.harbor-motors.example'];
    const { handler, sent } = fakeAws({
      certificates: [{ arn: CERTIFICATE_ARN, domains }],
      aliases: ['*.sites.showroom.dev', ...domains],
      zones: [{ id: 'Z0HARBOR', name: 'harbor-motors.example' }],
    });
    const { detail, unservedDomains } = await hostingOn(handler).domains.attach(site(domains));
    expect(sent.map(operation)).toEqual([
      'CertificateManager.ListCertificates',
      'CertificateManager.DescribeCertificate',
      `GET cloudfront.amazonaws.com /2020-05-31/distribution/${DISTRIBUTION_ID}`,
      'GET route53.amazonaws.com /2013-04-01/hostedzone',
      'POST route53.amazonaws.com /2013-04-01/hostedzone/Z0HARBOR/rrset',
    ]);
    expect(JSON.parse(sent[1]?.body ?? '')).toEqual({ CertificateArn: CERTIFICATE_ARN });
    expect(detail).toContain('CDN names already there');
    expect(unservedDomains).toEqual([]);
  });

  it('a domain CloudFront refuses (its certificate does not cover it) gets its validation CNAME but no alias, reads "not yet served" and is named unserved', async () => {
    const domains = ['www.harbor-motors.example'];
    const { handler, sent } = fakeAws({
      certificates: [{ arn: CERTIFICATE_ARN, domains }],
      aliases: ['*.sites.showroom.dev'],
      zones: [{ id: 'Z0HARBOR', name: 'harbor-motors.example' }],
      refuseAliases: true,
    });
    const { detail, unservedDomains } = await hostingOn(handler).domains.attach(site(domains));
    expect(unservedDomains).toEqual(['www.harbor-motors.example']);
    expect(detail).toMatch(
      /^not yet served on www\.harbor-motors\.example: the CDN's certificate does not cover it yet, the site is live on its platform host meanwhile; /,
    );
    expect(detail).toContain('CDN names not added: www.harbor-motors.example');
    const records = sent.filter((request) => request.path.endsWith('/hostedzone/Z0HARBOR/rrset'));
    expect(records).toHaveLength(1);
    expect(records[0]?.body).toContain('<Name>_a0.www.harbor-motors.example.</Name><Type>CNAME</Type>');
    expect(records[0]?.body).not.toContain('<AliasTarget>');
  });

  it("writes only in the configured zones: a domain in Showroom's own zone (or any other zone of the account) gets the records to add instead", async () => {
    const domains = ['portal.showroom.dev'];
    const world = {
      certificates: [{ arn: CERTIFICATE_ARN, domains }],
      aliases: ['*.sites.showroom.dev', ...domains],
      zones: [
        { id: 'Z0SITES', name: 'sites.showroom.dev' },
        { id: 'Z0SHOWROOM', name: 'showroom.dev' },
        { id: 'Z0HARBOR', name: 'harbor-motors.example' },
      ],
    };
    const expected =
      'add at your DNS host: CNAME _a0.portal.showroom.dev → _b0.acm-validations.aws; ' +
      `CNAME (or ALIAS at the apex) portal.showroom.dev → ${DISTRIBUTION_DOMAIN}`;
    const writes = (sent: Sent[]) =>
      sent.filter((request) => request.method === 'POST' && request.host.startsWith('route53'));

    const allowed = fakeAws(world);
    expect((await hostingOn(allowed.handler).domains.attach(site(domains))).detail).toContain(expected);
    expect(writes(allowed.sent)).toEqual([]);

    // Even the platform's own zone takes no name outside the platform domain.
    const platformIsParent = fakeAws(world);
    const { detail } = await hostingOn(platformIsParent.handler, {
      platformZoneId: 'Z0SHOWROOM',
      customerZoneIds: [],
    }).domains.attach(site(domains));
    expect(detail).toContain(expected);
    expect(writes(platformIsParent.sent)).toEqual([]);

    // No zone configured: Route 53 is not even asked.
    const none = fakeAws(world);
    await hostingOn(none.handler, { customerZoneIds: [] }).domains.attach(site(domains));
    expect(none.sent.filter((request) => request.host.startsWith('route53'))).toEqual([]);
  });

  it('a site on its platform sub-domain only calls nothing: the wildcard covers it', async () => {
    const { handler, sent } = fakeAws({ certificates: [], aliases: [], zones: [] });
    const { detail, unservedDomains } = await hostingOn(handler).domains.attach(site([]));
    expect(sent).toEqual([]);
    expect(detail).toMatch(/wildcard/);
    expect(unservedDomains).toEqual([]);
  });

  it('invalidates /* once per site version: the caller reference is the dealership and version', async () => {
    const { handler, sent } = fakeAws({ certificates: [], aliases: [], zones: [] });
    const detail = await hostingOn(handler).cdn.invalidate(site([]));
    expect(sent.map(operation)).toEqual([
      `POST cloudfront.amazonaws.com /2020-05-31/distribution/${DISTRIBUTION_ID}/invalidation`,
    ]);
    expect(invalidationReference(DEALERSHIP, 7)).toBe(`showroom-site-${DEALERSHIP}-v7`);
    expect(sent[0]?.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        `<InvalidationBatch ${CF}><Paths><Quantity>1</Quantity><Items><Path>/*</Path></Items></Paths>` +
        `<CallerReference>showroom-site-${DEALERSHIP}-v7</CallerReference></InvalidationBatch>`,
    );
    expect(detail).toBe('CDN invalidation I2J0I21PCUYOIK of /* under way');
  });

  it('an AWS refusal fails the step; the owner reads plain words, never AWS’s message', async () => {
    const { handler } = recordingHandler(() => ({
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({
        __type: 'LimitExceededException',
        message: 'the certificate limit was reached',
      }),
    }));
    const limited = await hostingOn(handler)
      .domains.attach(site(['www.harbor-motors.example']))
      .catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(Error);
    expect(ownerFacingError('attach-domain', limited)).toBe('AWS refused: LimitExceededException (see logs)');
  });

  it('a permission AWS refuses reads "permission missing" with the request id: no account id or role ARN reaches the owner', async () => {
    const { handler } = recordingHandler(() => ({
      status: 400,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': '7f3c9d2e-1111-2222-3333-444455556666',
      },
      body: JSON.stringify({
        __type: 'AccessDeniedException',
        message:
          'User: arn:aws:sts::123456789012:assumed-role/showroom-prod-users/abc is not authorized to perform: acm:RequestCertificate',
      }),
    }));
    const denied = await hostingOn(handler)
      .domains.attach(site(['www.harbor-motors.example']))
      .catch((error: unknown) => error);
    const text = ownerFacingError('attach-domain', denied);
    expect(text).toBe(
      'AWS refused: permission missing (see logs, request id 7f3c9d2e-1111-2222-3333-444455556666)',
    );
    expect(text).not.toMatch(/arn:|123456789012|assumed-role/);
  });
});
