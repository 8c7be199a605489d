import type { Role } from './identity';

export const PERMISSIONS = [
  'inventory:read',
  'inventory:write',
  'inventory:delete',
  /** Syndication feeds: channels, web-ready rule, the secret feed URLs and their rotation. */
  'inventory:syndicate',
  'team:read',
  'team:manage',
  /** See leads: sales see their own, the rest see every lead of the dealership. */
  'leads:read',
  'leads:read-all',
  /** Work a lead one may see: status, notes, tasks; enter leads by hand. */
  'leads:work',
  /** Give a lead to someone else. */
  'leads:assign',
  /** Lead settings: site origins, acknowledgement template, CRM forwarding. */
  'leads:configure',
  /** Rotate the ADF ingest key marketplaces post with. */
  'leads:rotate-key',
  /** The dealership's website: look, facts, hours, domains; see its provisioning and retry it. */
  'website:manage',
  /** Onboard a rooftop into the dealer group (it gets its website by itself). */
  'rooftops:manage',
  /** Digital-retailing deals: sales see the deals of their own leads, the rest see every deal. */
  'deals:read',
  'deals:read-all',
  /** Work a deal one may see: counter-offers, trade appraisals, releasing a reservation. */
  'deals:work',
  /** Open a shopper's credit application (decrypted, audited): finance managers and owners only. */
  'credit:read',
  /** Retail settings: fees, taxes, rates, residuals, products, the valuation grid, deposits. */
  'retail:configure',
  /** The analytics dashboard: sales see their own figures, the rest see everyone's (and the group's). */
  'analytics:read',
  'analytics:read-all',
  /** Analytics settings: monthly cost per lead source, first-response target, shopper consent rule. */
  'analytics:configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who may do what. Services enforce this; the portal only uses it to hide what would be refused. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  // Everything but handing out a new ADF ingest key, which marketplaces are given by the owner,
  // onboarding rooftops, which commits the group, and opening credit applications (finance only).
  manager: PERMISSIONS.filter(
    (permission) =>
      permission !== 'leads:rotate-key' && permission !== 'rooftops:manage' && permission !== 'credit:read',
  ),
  // The finance manager (F&I): every deal and its credit application, and the leads behind them.
  finance: [
    'inventory:read',
    'team:read',
    'leads:read',
    'leads:read-all',
    'leads:work',
    'deals:read',
    'deals:read-all',
    'deals:work',
    'credit:read',
  ],
  sales: [
    'inventory:read',
    'inventory:write',
    'team:read',
    'leads:read',
    'leads:work',
    'deals:read',
    'deals:work',
    'analytics:read',
  ],
  // Viewers see deals without the shopper's contact details and never a credit application.
  viewer: [
    'inventory:read',
    'team:read',
    'leads:read',
    'leads:read-all',
    'deals:read',
    'deals:read-all',
    'analytics:read',
    'analytics:read-all',
  ],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
