import { Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type AnalyticsReportName,
  type ReportParams,
  roleHasPermission,
  type TeamMember,
} from '@showroom/contracts';
import { map, of } from 'rxjs';
import { AnalyticsApi } from '../../api/analytics-api';
import { TeamApi } from '../../api/team-api';
import { ActiveDealership } from '../../core/active-dealership';
import { Permissions } from '../../core/permissions';
import { dealershipLoad, type DealershipLoad } from '../../shared/dealership-load';
import { csvFileName } from '../shared/csv';
import {
  dateOfDay,
  dayOfDate,
  RANGE_PRESET_LABELS,
  RANGE_PRESETS,
  type RangePreset,
  rangeLabel,
  todayIn,
} from '../shared/report-range';
import {
  type DashboardState,
  paramsOfState,
  rangeOfState,
  reportQueryOf,
  stateFromParams,
} from './dashboard-state';
import { ReportCard } from './report-card';
import { REPORT_DEFINITIONS, type ReportDefinition, type ReportView } from './report-views';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/** One card's load and what it shows of the answer. */
interface ReportSlot {
  definition: ReportDefinition;
  load: DealershipLoad<unknown>;
  view: () => ReportView | null;
}

/** Roles whose figures a manager may narrow the dashboard to: the people who answer leads. */
const ANSWERS_LEADS = new Set(['owner', 'manager', 'sales']);

/**
 * `/analytics`: the dealership's dashboard. The period, the comparison, the rooftop or group view
 * and the salesperson are in the URL (dashboard-state.ts); each report loads on its own, so a slow
 * or failing one never holds up the others.
 */
@Component({
  selector: 'sr-analytics-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    ReportCard,
    RouterLink,
  ],
  providers: [FORM_FIELD_DEFAULTS, provideNativeDateAdapter()],
  templateUrl: './analytics-page.html',
  styleUrl: './analytics-page.scss',
})
export class AnalyticsPage {
  private readonly api = inject(AnalyticsApi);
  private readonly teamApi = inject(TeamApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly activeDealership = inject(ActiveDealership);
  private readonly permissions = inject(Permissions);

  protected readonly presets = RANGE_PRESETS.filter((preset) => preset !== 'custom');
  protected readonly presetLabels = RANGE_PRESET_LABELS;

  protected readonly state = toSignal(this.route.queryParamMap.pipe(map(stateFromParams)), {
    requireSync: true,
  });
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? 'the dealership',
  );
  private readonly timeZone = computed(
    () => this.activeDealership.membership()?.dealership.timeZone ?? 'UTC',
  );
  protected readonly canReadAll = computed(() => this.permissions.can('analytics:read-all'));
  protected readonly canConfigure = computed(() => this.permissions.can('analytics:configure'));
  /** The group view needs the figures of more than one rooftop of the group. */
  protected readonly groupName = computed(() => {
    const dealership = this.activeDealership.membership()?.dealership;
    if (!dealership?.dealerGroupId) return null;
    const readable = this.activeDealership
      .all()
      .filter(
        (m) =>
          m.dealership.dealerGroupId === dealership.dealerGroupId &&
          roleHasPermission(m.role, 'analytics:read-all'),
      );
    return readable.length > 1 ? (dealership.dealerGroupName ?? 'the group') : null;
  });
  protected readonly scope = computed(() => (this.groupName() ? this.state().scope : 'rooftop'));

  protected readonly range = computed(() => rangeOfState(this.state(), todayIn(this.timeZone())));
  protected readonly rangeText = computed(() => rangeLabel(this.range()));
  /** The date range field; it follows the period shown (a preset fills it in too). */
  protected readonly dates = new FormGroup({
    start: new FormControl<Date | null>(null),
    end: new FormControl<Date | null>(null),
  });
  /** Equal queries are one: a navigation that changes nothing in it loads nothing again. */
  private readonly query = computed<ReportParams>(
    () => reportQueryOf({ ...this.state(), scope: this.scope() }, todayIn(this.timeZone())),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );

  protected readonly team = signal<TeamMember[]>([]);
  protected readonly salespeople = computed(() =>
    this.team().filter((member) => ANSWERS_LEADS.has(member.role)),
  );

  private readonly slots: ReportSlot[] = REPORT_DEFINITIONS.map((definition) =>
    this.slotFor(definition as ReportDefinition),
  );
  protected readonly cards = computed(() =>
    this.slots
      .filter((slot) => this.shows(slot.definition.name))
      .map((slot) => ({
        definition: slot.definition,
        view: slot.view(),
        loading: slot.load.loading(),
        problem: slot.load.problem(),
        retry: slot.load.retry,
      })),
  );
  protected readonly fileStem = computed(() =>
    this.scope() === 'group' ? (this.groupName() ?? 'group') : this.dealershipName(),
  );

  constructor() {
    effect(() => {
      const range = this.range();
      this.dates.setValue({ start: dateOfDay(range.from), end: dateOfDay(range.to) }, { emitEvent: false });
    });
    // Managers pick a salesperson of this rooftop; after a switch the old pick means nobody here.
    let shownDealership: string | null = null;
    effect(() => {
      const dealershipId = this.activeDealership.id();
      const canReadAll = this.canReadAll();
      untracked(() => {
        if (shownDealership !== null && shownDealership !== dealershipId && this.state().salespersonId) {
          this.update({ salespersonId: null });
        }
        shownDealership = dealershipId;
        this.loadTeam(dealershipId, canReadAll);
      });
    });
  }

  protected fileName(name: AnalyticsReportName): string {
    return csvFileName(name, this.range(), this.fileStem());
  }

  protected choosePreset(preset: RangePreset): void {
    this.update({ preset, custom: null });
  }

  /** The date range picker (or dates typed): a range is taken once both ends are valid and in order. */
  protected chooseDates(): void {
    const { start, end } = this.dates.getRawValue();
    if (!start || !end || end < start) return;
    const custom = { from: dayOfDate(start), to: dayOfDate(end) };
    const shown = this.range();
    if (custom.from === shown.from && custom.to === shown.to) return;
    this.update({ preset: 'custom', custom });
  }

  protected setCompare(compare: boolean): void {
    this.update({ compare });
  }

  protected setScope(scope: 'rooftop' | 'group'): void {
    this.update({ scope });
  }

  protected setSalesperson(salespersonId: string | null): void {
    this.update({ salespersonId });
  }

  private update(change: Partial<DashboardState>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsOfState({ ...this.state(), ...change }),
      replaceUrl: true,
    });
  }

  private loadTeam(dealershipId: string | null, canReadAll: boolean): void {
    this.team.set([]);
    if (!dealershipId || !canReadAll) return;
    this.teamApi.team().subscribe({
      next: (team) => {
        if (this.activeDealership.id() === dealershipId) this.team.set(team.items);
      },
      // The filter is a convenience: without the team the dashboard still shows everyone's figures.
      error: () => this.team.set([]),
    });
  }

  /**
   * The rooftops card is the group view's; the costs card is the dealership's spending, which only
   * those who read everyone's figures may see (the service refuses it to salespeople).
   */
  private shows(name: AnalyticsReportName): boolean {
    if (name === 'rooftops') return this.scope() === 'group';
    if (name === 'source-costs') return this.canReadAll();
    return true;
  }

  private slotFor<N extends AnalyticsReportName>(definition: ReportDefinition<N>): ReportSlot {
    const load = dealershipLoad({
      query: toObservable(this.query),
      // A card not shown asks nothing (it would be refused, or mean nothing in this view).
      load: (query: ReportParams) =>
        this.shows(definition.name) ? this.api.report(definition.name, query) : of(null),
    });
    const view = computed(() => {
      const report = load.value();
      if (!report) return null;
      return definition.view(report, { from: report.meta.from, to: report.meta.to });
    });
    return { definition: definition as unknown as ReportDefinition, load, view };
  }
}
