import { z } from 'zod';

/**
 * Dealer websites: what a dealership sets in the portal's "Website" page, the rooftops a group
 * owner onboards, the provisioning that puts a site live, and the site configuration the
 * storefront reads (published to S3 by provisioning).
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour clock)');

/** One opening period of a day; a day with no period is closed. */
export const OpeningPeriodSchema = z
  .strictObject({ day: WeekdaySchema, opens: clockTime, closes: clockTime })
  .refine((period) => period.opens < period.closes, {
    message: 'must close after it opens',
    path: ['closes'],
  });
export type OpeningPeriod = z.infer<typeof OpeningPeriodSchema>;

/** Sales hours of the showroom: at most two periods a day (a lunch break). */
export const OpeningHoursSchema = z
  .array(OpeningPeriodSchema)
  .max(14)
  .superRefine((periods, ctx) => {
    for (const day of WEEKDAYS) {
      if (periods.filter((period) => period.day === day).length > 2) {
        ctx.addIssue({ code: 'custom', message: `at most two opening periods on ${day}` });
      }
    }
  });
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const PostalAddressSchema = z.strictObject({
  street: text(120),
  city: text(80),
  /** State or province code, e.g. "TX". */
  region: text(40),
  postalCode: text(16),
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code (ISO 3166-1), e.g. US')
    .transform((code) => code.toUpperCase()),
});
export type PostalAddress = z.output<typeof PostalAddressSchema>;

export const HexColourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #RRGGBB')
  .transform((colour) => colour.toLowerCase());

/** Relative luminance (WCAG 2.x) of a #rrggbb colour. */
export function luminanceOf(colour: string): number {
  const channel = (offset: number) => {
    const value = parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Buttons and the header put white text on the brand colour: it must stay readable (WCAG AA). */
export const MIN_BRAND_CONTRAST = 4.5;

export const SiteThemeSchema = z.strictObject({
  /** Header, buttons and links: white text sits on it, so it must be dark enough. */
  brandColour: HexColourSchema.refine((colour) => contrastRatio(colour, '#ffffff') >= MIN_BRAND_CONTRAST, {
    message: `is too light for white text on it (contrast below ${MIN_BRAND_CONTRAST}:1); pick a darker colour`,
  }),
  /** Price tags and highlights, on white: it must be readable on white too. */
  accentColour: HexColourSchema.refine((colour) => contrastRatio(colour, '#ffffff') >= MIN_BRAND_CONTRAST, {
    message: `is too light to read on white (contrast below ${MIN_BRAND_CONTRAST}:1); pick a darker colour`,
  }),
});
export type SiteTheme = z.output<typeof SiteThemeSchema>;

export const DEFAULT_SITE_THEME: SiteTheme = { brandColour: '#1f3a5f', accentColour: '#b3261e' };

/**
 * A host name a dealership brings (its own domain), lower case, no scheme, port or path.
 * Platform sub-domains are given by Showroom and are not listed here.
 */
export const SiteDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)(?!-)([a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/,
    'must be a host name such as www.example-motors.com (no https://, port or path)',
  );

export const LogoSchema = z.object({
  /** PNG, served from the media CDN; its key changes with its content. */
  url: z.url(),
  /** WebP of the same logo. */
  webpUrl: z.url(),
  width: z.int().positive(),
  height: z.int().positive(),
});
export type Logo = z.infer<typeof LogoSchema>;

export const PROVISIONING_STEPS = [
  /** The dealership's own files: logo variants, favicon (before any configuration names them). */
  'upload-assets',
  /** The site's configuration (sites/hosts/<host>.json) in the bucket the storefront reads. */
  'publish-config',
  /** Certificate (ACM, DNS validation), DNS records (Route 53), CDN alternate names (CloudFront). */
  'attach-domain',
  /** The site's origins may post the leads form. */
  'allow-lead-origins',
  /** The CDN forgets the old pages and configuration; then a replaced logo's files are removed. */
  'invalidate-cdn',
] as const;
export const ProvisioningStepNameSchema = z.enum(PROVISIONING_STEPS);
export type ProvisioningStepName = z.infer<typeof ProvisioningStepNameSchema>;

export const ProvisioningStepSchema = z.object({
  step: ProvisioningStepNameSchema,
  status: z.enum(['pending', 'done', 'failed']),
  attempts: z.int().nonnegative(),
  /** What went wrong the last time, for the owner to read (no secrets, no stack). */
  lastError: z.string().nullable(),
  /** What the step did, e.g. "certificate requested; waiting for DNS validation". */
  detail: z.string().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ProvisioningStep = z.infer<typeof ProvisioningStepSchema>;

export const ProvisioningStatusSchema = z.object({
  /** pending: waiting to run; running: a worker has it; live: every step done; failed: a step failed and will be retried. */
  state: z.enum(['pending', 'running', 'live', 'failed']),
  /** The settings version being (or last) provisioned. */
  version: z.int().nonnegative(),
  steps: z.array(ProvisioningStepSchema),
  /** When a failed run is tried again by itself. */
  nextAttemptAt: z.iso.datetime().nullable(),
  /** When this version went live. */
  liveAt: z.iso.datetime().nullable(),
  /**
   * The dealership's own domains the site is not served on yet (certificate waiting for DNS
   * validation, or the CDN refused the name): live on its platform host meanwhile.
   */
  unservedDomains: z.array(z.string()),
});
export type ProvisioningStatus = z.infer<typeof ProvisioningStatusSchema>;

/** GET/PUT /api/users/website: the active dealership's website. */
export const WebsiteSettingsSchema = z.object({
  dealershipId: z.uuid(),
  /** The dealership's name (changed with the dealership, not here). */
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  tagline: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.email().nullable(),
  address: PostalAddressSchema.nullable(),
  hours: OpeningHoursSchema,
  theme: SiteThemeSchema,
  logo: LogoSchema.nullable(),
  /** The dealership's own domains; the first is the canonical one. */
  customDomains: z.array(z.string()),
  /** The platform sub-domain, always served: e.g. demo-motors-downtown.sites.showroom.dev. */
  platformHost: z.string(),
  /** Where the site is: the first custom domain, else the platform sub-domain (with scheme). */
  siteUrl: z.url(),
  /** Bumped by every change; send it back in If-Match. */
  version: z.int().positive(),
  updatedAt: z.iso.datetime(),
  provisioning: ProvisioningStatusSchema,
});
export type WebsiteSettings = z.infer<typeof WebsiteSettingsSchema>;

export const WebsiteSettingsUpdateSchema = z
  .strictObject({
    tagline: z.string().trim().max(140).nullable(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{7,25}$/, 'must be a phone number such as (512) 555-0100 or +1 512 555 0100')
      .nullable(),
    email: z.email('must be an e-mail address').max(254).nullable(),
    address: PostalAddressSchema.nullable(),
    hours: OpeningHoursSchema,
    theme: SiteThemeSchema,
    customDomains: z
      .array(SiteDomainSchema)
      .max(5)
      .refine((domains) => new Set(domains).size === domains.length, 'lists a domain twice'),
  })
  .partial();
export type WebsiteSettingsUpdate = z.input<typeof WebsiteSettingsUpdateSchema>;

/** Every IANA time zone this runtime knows. */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** POST /api/users/rooftops: a group owner onboards a rooftop into the active dealership's group. */
export const RooftopInputSchema = z.strictObject({
  name: text(120),
  address: PostalAddressSchema,
  timeZone: z.string().refine(isTimeZone, 'must be a time zone such as America/Chicago'),
  phone: WebsiteSettingsUpdateSchema.shape.phone.unwrap().optional(),
  /** The rooftop's own domain, when it has one; it always gets a platform sub-domain. */
  domain: SiteDomainSchema.optional(),
});
export type RooftopInput = z.input<typeof RooftopInputSchema>;

export const GroupRooftopSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  address: PostalAddressSchema.nullable(),
  timeZone: z.string(),
  siteUrl: z.url(),
  provisioning: ProvisioningStatusSchema,
  createdAt: z.iso.datetime(),
});
export type GroupRooftop = z.infer<typeof GroupRooftopSchema>;

export const GroupRooftopListSchema = z.object({
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  items: z.array(GroupRooftopSchema),
});
export type GroupRooftopList = z.infer<typeof GroupRooftopListSchema>;

/** Scope of a machine token that may set a dealership's website origins in the leads service. */
export const WRITE_SITE_ORIGINS_SCOPE = 'write:site-origins';

/** PUT /api/leads/internal/dealerships/:dealershipId/website (provisioning → leads). */
export const LeadsWebsiteRegistrationSchema = z.strictObject({
  dealershipName: text(120),
  /** The origins Showroom serves the site on; kept apart from the origins a dealer types in. */
  siteOrigins: z.array(z.url()).max(10),
});
export type LeadsWebsiteRegistration = z.infer<typeof LeadsWebsiteRegistrationSchema>;

/**
 * What the storefront reads for a host: published by provisioning to `sites/hosts/<host>.json`
 * (and `sites/dealerships/<id>.json`) in the media bucket. Public facts only.
 */
export const PublishedSiteSchema = z.object({
  dealershipId: z.uuid(),
  groupId: z.uuid().nullable(),
  name: z.string(),
  slug: z.string(),
  tagline: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: PostalAddressSchema.nullable(),
  hours: OpeningHoursSchema,
  timeZone: z.string(),
  theme: SiteThemeSchema,
  logo: LogoSchema.nullable(),
  /** Every host the site answers on (platform sub-domain and own domains), without ports. */
  hosts: z.array(z.string()),
  /** Scheme, host and port of the canonical URLs, e.g. https://www.demo-motors.com. */
  canonicalOrigin: z.url(),
  /** The settings version; pages cached under an older one are stale. */
  version: z.int().positive(),
  publishedAt: z.iso.datetime(),
});
export type PublishedSite = z.infer<typeof PublishedSiteSchema>;

/** Where a published site lives in the media bucket. */
export const siteConfigKeys = {
  forHost: (host: string) => `sites/hosts/${host.toLowerCase()}.json`,
  forDealership: (dealershipId: string) => `sites/dealerships/${dealershipId.toLowerCase()}.json`,
  /** Logo variants, favicon, manifest: served publicly at MEDIA_PUBLIC_URL (content-hashed names). */
  assetsPrefix: (dealershipId: string) => `sites/assets/${dealershipId.toLowerCase()}/`,
};
