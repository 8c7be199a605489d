import { commaList, notInProduction, type DevDefaultRule } from '@showroom/server-kit';
import { z } from 'zod';
import { DEFAULT_RESERVED_DOMAINS } from './site-urls';

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/, 'a domain such as sites.showroom.dev');

const localDomain: DevDefaultRule = {
  why: 'is a development domain (sites on this machine)',
  isDevValue: (value) => value === 'localhost' || (typeof value === 'string' && value.endsWith('.localhost')),
};

const plainHttp: DevDefaultRule = {
  why: 'serves sites over plain http, a development origin',
  isDevValue: (value) => typeof value === 'string' && value.startsWith('http:'),
};

/** Where dealer websites are served: each dealership's platform host, and how a host becomes an origin. */
export const sitesConfigShape = {
  /** Platform hosts are `<slug>.<this>`: sites.showroom.dev in production, localhost here (*.localhost is 127.0.0.1). */
  SITES_PLATFORM_DOMAIN: notInProduction(domainName.default('localhost'), localDomain),
  /**
   * Domains (and every name under them) no dealership may list as its own, besides the platform
   * domain's parent: Showroom's own and this machine's.
   */
  SITES_RESERVED_DOMAINS: commaList.pipe(z.array(domainName)).default([...DEFAULT_RESERVED_DOMAINS]),
  /** A site's origin with `{host}` for its host: https://{host} in production, the storefront's port here. */
  SITES_ORIGIN_TEMPLATE: notInProduction(
    z
      .string()
      .regex(/^https?:\/\/\{host\}(:\d{1,5})?$/, 'an origin with {host} for the host, e.g. https://{host}')
      .default('http://{host}:4400'),
    plainHttp,
  ),
};
