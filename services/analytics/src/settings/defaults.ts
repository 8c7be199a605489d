import { DEFAULT_FIRST_RESPONSE_TARGET_MINUTES, type AnalyticsSettings } from '@showroom/contracts';

/**
 * What a dealership has until it saves its own: the platform's first-response goal, every visit
 * counted unless the browser opts out (Global Privacy Control), and no sampling.
 */
export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = {
  firstResponseTargetMinutes: DEFAULT_FIRST_RESPONSE_TARGET_MINUTES,
  consent: 'implied',
  sampleRate: 1,
  updatedAt: null,
};
