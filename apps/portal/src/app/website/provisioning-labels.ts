import type { ProvisioningStatus, ProvisioningStep, ProvisioningStepName } from '@showroom/contracts';

export type ProvisioningState = ProvisioningStatus['state'];

export const PROVISIONING_STATE_LABELS: Readonly<Record<ProvisioningState, string>> = {
  pending: 'Waiting to publish',
  running: 'Publishing',
  live: 'Live',
  failed: 'Failed, will retry',
};

export const STEP_LABELS: Readonly<Record<ProvisioningStepName, string>> = {
  'publish-config': 'Publish the site’s settings',
  'upload-assets': 'Upload the logo and icons',
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
