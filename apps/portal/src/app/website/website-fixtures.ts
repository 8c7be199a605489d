import type { GroupRooftop, ProvisioningStatus, WebsiteSettings } from '@showroom/contracts';
import { NORTH } from '../../testing/fixtures';

/**
 * Test data for the website and rooftops pages. No test framework here, so the app's type-check accepts it.
 * The steps are in the order the users service runs and sends them (PROVISIONING_STEPS).
 */

export function provisioningStatus(overrides: Partial<ProvisioningStatus> = {}): ProvisioningStatus {
  return {
    state: 'live',
    version: 3,
    steps: [
      {
        step: 'upload-assets',
        status: 'done',
        attempts: 1,
        lastError: null,
        detail: null,
        finishedAt: '2026-12-01T10:00:01.000Z',
      },
      {
        step: 'publish-config',
        status: 'done',
        attempts: 1,
        lastError: null,
        detail: null,
        finishedAt: '2026-12-01T10:00:02.000Z',
      },
      {
        step: 'attach-domain',
        status: 'done',
        attempts: 1,
        lastError: null,
        detail: 'served at http://northside-honda.localhost:4400',
        finishedAt: '2026-12-01T10:00:02.000Z',
      },
      {
        step: 'allow-lead-origins',
        status: 'done',
        attempts: 1,
        lastError: null,
        detail: null,
        finishedAt: '2026-12-01T10:00:03.000Z',
      },
      {
        step: 'invalidate-cdn',
        status: 'done',
        attempts: 1,
        lastError: null,
        detail: null,
        finishedAt: '2026-12-01T10:00:03.000Z',
      },
    ],
    nextAttemptAt: null,
    liveAt: '2026-12-01T10:00:03.000Z',
    unservedDomains: [],
    ...overrides,
  };
}

export function websiteSettings(overrides: Partial<WebsiteSettings> = {}): WebsiteSettings {
  return {
    dealershipId: NORTH,
    name: 'Northside Honda',
    slug: 'northside-honda',
    timeZone: 'America/Chicago',
    tagline: 'Honest deals since 1987',
    phone: '(217) 555-0100',
    email: 'sales@northside-honda.example',
    address: {
      street: '1200 N Grand Ave',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62702',
      country: 'US',
    },
    hours: [
      { day: 'mon', opens: '09:00', closes: '19:00' },
      { day: 'sat', opens: '09:00', closes: '12:00' },
      { day: 'sat', opens: '13:00', closes: '17:00' },
    ],
    theme: { brandColour: '#1f3a5f', accentColour: '#b3261e' },
    logo: null,
    customDomains: ['www.northside-honda.example'],
    platformHost: 'northside-honda.localhost',
    siteUrl: 'https://www.northside-honda.example',
    version: 3,
    updatedAt: '2026-12-01T10:00:00.000Z',
    provisioning: provisioningStatus(),
    ...overrides,
  };
}

export function groupRooftop(overrides: Partial<GroupRooftop> = {}): GroupRooftop {
  return {
    id: NORTH,
    name: 'Northside Honda',
    slug: 'northside-honda',
    address: {
      street: '1200 N Grand Ave',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62702',
      country: 'US',
    },
    timeZone: 'America/Chicago',
    siteUrl: 'http://northside-honda.localhost:4400',
    provisioning: provisioningStatus(),
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}
