import { Component, computed, inject, input, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { provideNativeDateAdapter } from '@angular/material/core';
import {
  MatDatepickerToggle,
  MatDateRangeInput,
  MatDateRangePicker,
  MatEndDate,
  MatStartDate,
} from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  LEAD_CHANNELS,
  LEAD_INTENTS,
  LEAD_STATUSES,
  MANUAL_LEAD_SOURCES,
  type LeadChannel,
  type LeadStatus,
  type TeamMember,
} from '@showroom/contracts';
import { debounceTime } from 'rxjs';
import { FilterBar } from '../../shared/filter-bar';
import { FilterBarFrame } from '../../shared/filter-bar-frame';
import { FilterSelect, type SelectFilter } from '../../shared/filter-select';
import {
  LEAD_CHANNEL_LABELS,
  LEAD_INTENT_LABELS,
  LEAD_STATUS_LABELS,
  MANUAL_SOURCE_LABELS,
  sourceLabel,
  websiteSourceOf,
} from '../shared/lead-labels';
import { dateFromIso, isoDate } from '../shared/lead-time';
import { activeFilterCount, type InboxFilters, type InboxState } from './inbox-state';
import { FORM_FIELD_DEFAULTS } from '../../shared/form-field-defaults';

/**
 * The inbox's filter bar (see `FilterBar`): the date range too applies after a pause; the assignee
 * filter is only for those who see everyone's leads.
 */
@Component({
  selector: 'sr-lead-filters',
  imports: [
    FilterBarFrame,
    FilterSelect,
    MatButtonModule,
    // Standalone pieces, not their NgModules: only those can load with the @defer block that uses them.
    MatCheckbox,
    MatDatepickerToggle,
    MatDateRangeInput,
    MatDateRangePicker,
    MatEndDate,
    MatStartDate,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  providers: [FORM_FIELD_DEFAULTS, provideNativeDateAdapter()],
  templateUrl: './lead-filters.html',
  styleUrl: './lead-filters.scss',
})
export class LeadFilters extends FilterBar<InboxState, InboxFilters> {
  /** Salespeople only see their own leads: no assignee filter for them. */
  readonly showAssignee = input(false);
  readonly team = input<readonly TeamMember[]>([]);

  protected readonly activeCount = computed(() => activeFilterCount(this.state()));
  private readonly frame = viewChild(FilterBarFrame);
  /** The fields show: at once on wide screens, once "Filters" is opened on a phone. */
  protected readonly fieldsShown = computed(() => !this.compact() || (this.frame()?.expanded() ?? false));
  /** The selects, in order (source and assignee have their own fields: groups, the team). */
  protected readonly selects: SelectFilter[] = [
    {
      label: 'Status',
      name: 'status',
      testId: 'lead-filter-status',
      multiple: true,
      options: LEAD_STATUSES.map((status) => ({ value: status, label: LEAD_STATUS_LABELS[status] })),
    },
    {
      label: 'Channel',
      name: 'channel',
      testId: 'lead-filter-channel',
      multiple: true,
      options: LEAD_CHANNELS.map((channel) => ({ value: channel, label: LEAD_CHANNEL_LABELS[channel] })),
    },
  ];
  protected readonly manualSources = MANUAL_LEAD_SOURCES;
  /**
   * Website leads come as `website:<intent>`, one option per form on the dealer's site; a deal a
   * shopper submitted online (intent buy_online) comes as `digital_retailing`.
   */
  protected readonly websiteSources = LEAD_INTENTS.map((intent) => ({
    value: websiteSourceOf(intent),
    label: LEAD_INTENT_LABELS[intent],
  }));
  protected readonly manualSourceLabels: Record<string, string> = MANUAL_SOURCE_LABELS;
  protected readonly sourceLabel = sourceLabel;

  /** A source in the URL that none of the known ones is (an ADF provider's name) stays selectable. */
  protected readonly otherSource = computed(() => {
    const source = this.state().source;
    const known: readonly string[] = [...MANUAL_LEAD_SOURCES, ...LEAD_INTENTS.map(websiteSourceOf)];
    return source && !known.includes(source) ? source : null;
  });

  protected readonly assigneeLabel = computed(() => {
    const assignee = this.state().assignee;
    if (assignee === 'me') return 'Me';
    if (assignee === 'unassigned') return 'Unassigned';
    return this.team().find((member) => member.id === assignee)?.name ?? (assignee ? 'Someone else' : '');
  });

  protected readonly form = inject(FormBuilder).group({
    q: [''],
    status: [[] as LeadStatus[]],
    channel: [[] as LeadChannel[]],
    source: [null as string | null],
    assignee: [null as string | null],
    from: [null as Date | null],
    to: [null as Date | null],
    overdue: [false],
  });

  constructor() {
    super();
    this.followState((s) => ({
      q: s.q ?? '',
      status: s.status,
      channel: s.channel,
      source: s.source,
      assignee: s.assignee,
      from: dateFromIso(s.from),
      to: dateFromIso(s.to),
      overdue: s.overdue,
    }));

    const { from, to } = this.form.controls;

    // The range picker sets the start, then the end: wait for both before reloading.
    this.form.valueChanges.pipe(debounceTime(400), takeUntilDestroyed()).subscribe(() => {
      const change: Partial<InboxFilters> = {};
      const fromIso = validDate(from.value);
      const toIso = validDate(to.value);
      if (fromIso !== this.state().from) change.from = fromIso;
      if (toIso !== this.state().to) change.to = toIso;
      if (Object.keys(change).length > 0) this.report(change);
    });
  }

  protected clearDates(): void {
    this.form.patchValue({ from: null, to: null }, { emitEvent: false });
    if (this.state().from !== null || this.state().to !== null) this.report({ from: null, to: null });
  }
}

function validDate(value: Date | null | undefined): string | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? isoDate(value) : null;
}
