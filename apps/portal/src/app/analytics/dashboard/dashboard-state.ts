import type { ParamMap } from '@angular/router';
import { MAX_REPORT_DAYS, type ReportParams } from '@showroom/contracts';
import { daysIn, type DayRange, presetRange, RANGE_PRESETS, type RangePreset } from '../shared/report-range';

/**
 * What the dashboard shows, as its URL says it (`/analytics?range=last-90`, `?from=2026-11-01&to=2026-11-30`,
 * `&compare=none`, `&scope=group`, `&salesperson=<id>`), so a view can be bookmarked, shared and
 * reloaded. Anything the URL gets wrong falls back to the default instead of an error.
 */
export interface DashboardState {
  preset: RangePreset;
  /** Only for `custom`. */
  custom: DayRange | null;
  compare: boolean;
  scope: 'rooftop' | 'group';
  salespersonId: string | null;
}

export const DEFAULT_PRESET: Exclude<RangePreset, 'custom'> = 'last-30';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: string | null): value is string {
  return value !== null && DAY.test(value) && !Number.isNaN(Date.parse(value));
}

export function stateFromParams(params: ParamMap): DashboardState {
  const from = params.get('from');
  const to = params.get('to');
  const named = RANGE_PRESETS.find(
    (preset): preset is Exclude<RangePreset, 'custom'> =>
      preset !== 'custom' && preset === params.get('range'),
  );
  let preset: RangePreset = named ?? DEFAULT_PRESET;
  let custom: DayRange | null = null;
  if (!named && validDay(from) && validDay(to) && from <= to && daysIn({ from, to }) <= MAX_REPORT_DAYS) {
    preset = 'custom';
    custom = { from, to };
  }
  return {
    preset,
    custom,
    compare: params.get('compare') !== 'none',
    scope: params.get('scope') === 'group' ? 'group' : 'rooftop',
    salespersonId: params.get('salesperson') || null,
  };
}

/** The URL's query for a state; defaults are left out, so the plain `/analytics` is the usual view. */
export function paramsOfState(state: DashboardState): Record<string, string | null> {
  const custom = state.preset === 'custom' ? state.custom : null;
  return {
    range: custom || state.preset === DEFAULT_PRESET ? null : state.preset,
    from: custom?.from ?? null,
    to: custom?.to ?? null,
    compare: state.compare ? null : 'none',
    scope: state.scope === 'group' ? 'group' : null,
    salesperson: state.salespersonId,
  };
}

export function rangeOfState(state: DashboardState, today: string): DayRange {
  if (state.preset === 'custom' && state.custom) return state.custom;
  return presetRange(state.preset === 'custom' ? DEFAULT_PRESET : state.preset, today);
}

/**
 * The reports' query. Salespeople are narrowed to themselves by the service whatever is asked; a
 * salesperson filter is a rooftop's, so the group view leaves it out.
 */
export function reportQueryOf(state: DashboardState, today: string): ReportParams {
  const range = rangeOfState(state, today);
  const query: ReportParams = {
    from: range.from,
    to: range.to,
    compare: state.compare ? 'previous' : 'none',
    scope: state.scope,
  };
  if (state.scope === 'rooftop' && state.salespersonId) query.salespersonId = state.salespersonId;
  return query;
}
