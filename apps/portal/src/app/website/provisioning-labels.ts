import type { ProvisioningStatus, ProvisioningStep, ProvisioningStepName } from '@showroom/contracts';

export type ProvisioningState = ProvisioningStatus['state'];

export const PROVISIONING_STATE_LABELS: Readonly<Record<ProvisioningState, string>> = {
  pending: 'Waiting to publish',
  running: 'Publishing',
  live: 'Live',
  failed: 'Failed, will retry',
};

export const STEP_LABELS: Readonly<Record<ProvisioningStepName, string>> = {
  'upload-assets': 'Upload the logo and icons',
  'publish-config': 'Publish the site’s settings',
  'attach-domain': 'Attach the domains',
  'allow-lead-origins': 'Let the site send leads',
  'invalidate-cdn': 'Refresh the cached pages',
};

export const STEP_STATUS_LABELS: Readonly<Record<ProvisioningStep['status'], string>> = {
  pending: 'Waiting',
  done: 'Done',
  failed: 'Failed',
};

/** Provisioning is still on its way: worth asking again soon. */
export function isProvisioning(status: ProvisioningStatus): boolean {
  return status.state === 'pending' || status.state === 'running';
}

/** How often a page asks how publishing goes while it is on its way. */
export const PROVISIONING_POLL_MS = 3000;

const AND_LIST = new Intl.ListFormat('en', { type: 'conjunction' });

/**
 * What the owner should know when some of the site's own domains do not serve it yet (certificate
 * waiting for DNS validation, or the CDN refused the name); null when every domain serves it.
 */
export function unservedDomainsWarning(status: ProvisioningStatus, platformHost: string): string | null {
  if (status.unservedDomains.length === 0) return null;
  return (
    `Live on ${platformHost}; not yet served on ${AND_LIST.format(status.unservedDomains)} — ` +
    `see the “${STEP_LABELS['attach-domain']}” step.`
  );
}

/** The rooftops list's short hint beside the state; null when every own domain serves the site. */
export function domainPendingHint(status: ProvisioningStatus): string | null {
  const domains = status.unservedDomains;
  if (domains.length === 0) return null;
  return `${domains.length === 1 ? 'Domain' : 'Domains'} pending: ${AND_LIST.format(domains)}`;
}
