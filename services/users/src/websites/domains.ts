import type { Kysely } from 'kysely';
import type { InvalidParam } from '@showroom/contracts';
import { problems } from '@showroom/server-kit';
import { acrossDealerships, forDealership, isDuplicateKeyError } from '@showroom/server-mysql';
import type { UsersDatabase } from '../database';
import type { SiteUrls } from './site-urls';

/**
 * A 400 naming each domain Showroom holds (the platform's parent domain, SITES_RESERVED_DOMAINS, or
 * under them): a dealership brings only its own domains; its platform host is given, not listed.
 */
export function refuseShowroomDomains(
  urls: SiteUrls,
  domains: readonly string[],
  paramOf: (index: number) => string,
): void {
  const refused: InvalidParam[] = domains.flatMap((domain, i) =>
    urls.isShowroomDomain(domain) ? [{ name: paramOf(i), reason: `${domain} is a Showroom domain` }] : [],
  );
  if (refused.length > 0) throw problems.validation(refused);
}

/** A 409 naming each domain (never the dealership holding it) and the field it came in. */
function domainsTaken(domains: readonly string[], paramOf: (domain: string) => string) {
  const invalidParams: InvalidParam[] = domains.map((domain) => ({
    name: paramOf(domain),
    reason: `${domain} is used by another dealership`,
  }));
  const verb = domains.length === 1 ? 'is' : 'are';
  return problems.conflict(
    `${domains.join(', ')} ${verb} already the domain of another dealership's site.`,
    invalidParams,
  );
}

/**
 * Makes `domains` the dealership's own domains in the register (`website_domains`, primary key on
 * the domain), inside the caller's transaction. A domain another dealership holds is a 409 naming
 * the domain (never the dealership); `paramOf(i)` names the field it came in.
 */
export async function claimDomains(
  trx: Kysely<UsersDatabase>,
  dealershipId: string,
  domains: readonly string[],
  paramOf: (index: number) => string,
): Promise<void> {
  const tenant = forDealership(trx, dealershipId);
  const held = await tenant.selectFrom('website_domains').select('domain').execute();
  const mine = new Set(held.map((row) => row.domain));
  const released = [...mine].filter((domain) => !domains.includes(domain));
  if (released.length > 0)
    await tenant.deleteFrom('website_domains').where('domain', 'in', released).execute();
  const wanted = domains.filter((domain) => !mine.has(domain));
  if (wanted.length === 0) return;

  // A domain is the platform's to give once: who holds it is looked up across dealerships.
  const holders = await acrossDealerships(trx)
    .selectFrom('website_domains')
    .select('domain')
    .where('domain', 'in', wanted)
    .execute();
  const paramOfDomain = (domain: string) => paramOf(domains.indexOf(domain));
  if (holders.length > 0)
    throw domainsTaken(
      holders.map((row) => row.domain),
      paramOfDomain,
    );
  try {
    await tenant
      .insertInto('website_domains')
      .values(wanted.map((domain) => ({ domain })))
      .execute();
  } catch (error) {
    // Another dealership claimed one of them since the look-up.
    if (!isDuplicateKeyError(error)) throw error;
    throw domainsTaken(wanted, paramOfDomain);
  }
}
