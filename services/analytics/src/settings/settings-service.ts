import type { AnalyticsSettings, AnalyticsSettingsInput } from '@showroom/contracts';
import { DEFAULT_ANALYTICS_SETTINGS } from './defaults';
import type { AnalyticsSettingsRepository } from './settings-repository';

/**
 * A dealership's analytics settings: the first-response target reports measure against, and the
 * consent rule and sample rate the storefront's tracker and the collection route apply.
 */
export class AnalyticsSettingsService {
  constructor(
    private readonly repository: AnalyticsSettingsRepository,
    private readonly clock: () => Date,
  ) {}

  /** The saved settings, or the defaults (with `updatedAt` null) until the dealership saves its own. */
  async settings(dealershipId: string): Promise<AnalyticsSettings> {
    return (await this.repository.find(dealershipId)) ?? DEFAULT_ANALYTICS_SETTINGS;
  }

  /** Replaces the settings; they apply to the next report and the next collected batch. */
  async update(dealershipId: string, input: AnalyticsSettingsInput): Promise<AnalyticsSettings> {
    const at = this.clock();
    await this.repository.save(dealershipId, input, at);
    return { ...input, updatedAt: at.toISOString() };
  }
}
