import type { SourceCosts, SourceCostsInput } from '@showroom/contracts';
import type { AnalyticsEngine } from '../engine/port';
import type { DealershipDirectory } from '../peers/dealership-directory';
import type { AnalyticsSettingsRepository, MonthlySourceCost } from './settings-repository';
import { monthPeriod } from './zoned-midnight';

export interface SourceCostServiceDeps {
  repository: AnalyticsSettingsRepository;
  engine: AnalyticsEngine;
  /** The dealership's time zone: "the sources of March" are those of its March. */
  directory: DealershipDirectory;
}

/** What a dealer paid each lead source per month: entered on the settings page, prorated by the reports. */
export class SourceCostService {
  constructor(private readonly deps: SourceCostServiceDeps) {}

  /** The month's costs, and the sources that sent leads that month so the form can offer them. */
  async month(dealershipId: string, month: string): Promise<SourceCosts> {
    const [costs, knownSources] = await Promise.all([
      this.deps.repository.costsBetween(dealershipId, month, month),
      this.sourcesOf(dealershipId, month),
    ]);
    return {
      month,
      currency: 'USD',
      costs: costs.map(({ source, costCents }) => ({ source, costCents })),
      knownSources,
    };
  }

  /** Replaces the month's costs (a source left out costs nothing that month); the month as now. */
  async replaceMonth(dealershipId: string, month: string, input: SourceCostsInput): Promise<SourceCosts> {
    await this.deps.repository.replaceMonth(dealershipId, month, input.costs);
    return this.month(dealershipId, month);
  }

  /** Costs of months `fromMonth`..`toMonth` (YYYY-MM, inclusive), for the reports to prorate. */
  costsBetween(dealershipId: string, fromMonth: string, toMonth: string): Promise<MonthlySourceCost[]> {
    return this.deps.repository.costsBetween(dealershipId, fromMonth, toMonth);
  }

  private async sourcesOf(dealershipId: string, month: string): Promise<string[]> {
    const timeZone = await this.deps.directory.timeZoneOf(dealershipId);
    return this.deps.engine.leadSources({
      dealershipIds: [dealershipId],
      ...monthPeriod(month, timeZone),
      timeZone,
    });
  }
}
