import type { LeadIntent } from '@showroom/contracts';

/** What a sent form hands the thank-you page (in the navigation's history state, never the URL). */
export interface ThankYouState {
  intent: LeadIntent;
  firstName: string;
  /** "2021 Toyota Camry SE" when the form was about a car. */
  vehicle: string | null;
}

export function isThankYouState(value: unknown): value is ThankYouState {
  const state = value as Partial<ThankYouState> | null;
  return typeof state?.intent === 'string' && typeof state.firstName === 'string';
}
