import { CREDIT_CONSENT_VERSION, type CreditApplicant } from '@showroom/contracts';
import type { KeyProvider } from '../encryption/key-provider';
import type { RetailTestContext } from '../test/retail-test-app';
import { CreditRepository } from './credit-repository';
import { CreditService } from './credit-service';

/** An applicant as the storefront's form sends them; `overrides` changes any field. */
export function applicantInput(overrides: Partial<CreditApplicant> & { ssn?: string } = {}) {
  return {
    firstName: 'Dana',
    lastName: 'Driver',
    ssn: '219-09-9999',
    dateOfBirth: '1984-07-19',
    email: 'dana.driver@example.com',
    phone: '614-555-0142',
    residence: {
      street: '12 Elm Street',
      city: 'Columbus',
      region: 'OH',
      postalCode: '43004',
      housing: 'rent',
      monthlyHousingCents: 145_000,
      yearsAtAddress: 3,
    },
    employment: {
      status: 'employed',
      employer: 'Buckeye Logistics',
      title: 'Dispatcher',
      yearsEmployed: 6,
      grossMonthlyIncomeCents: 520_000,
    },
    ...overrides,
  };
}

/** A credit application with the consent accepted. */
export function applicationInput(
  applicant = applicantInput(),
  coApplicant?: ReturnType<typeof applicantInput> | Record<string, unknown>,
) {
  return {
    applicant,
    ...(coApplicant ? { coApplicant } : {}),
    consent: { accepted: true, version: CREDIT_CONSENT_VERSION },
  };
}

export const creditApplicationPath = '/credit-application';
export const deskCreditApplication = (dealId: string) => `/deals/${dealId}/credit-application`;

/** A credit service on the test app's database with the given key provider (30 days' retention). */
export function creditServiceOn(ctx: RetailTestContext, keys: KeyProvider): CreditService {
  const db = ctx.database.writer;
  return new CreditService({
    db,
    repository: new CreditRepository(db),
    keys,
    retention: { settings: async () => ({ creditApplicationRetentionDays: 30 }) },
    clock: () => new Date(),
  });
}
