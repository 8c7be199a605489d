import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { Router } from '@angular/router';
import type { LeadIntent, Problem, PublicVehicle } from '@showroom/contracts';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { LeadsApi } from '../data/leads-api';
import { vehicleTitle } from '../seo/structured-data';
import { SITE } from '../site/site';
import { telHref } from '../shared/contact-links';
import { FillKey } from './fill-key';
import { CONTACT_METHOD_LABELS, INTENT_COPY, TEST_DRIVE_TIMES, TRADE_IN_CONDITIONS } from './lead-intents';
import {
  EMPTY_LEAD_FORM,
  HONEYPOT,
  checkLeadForm,
  leadInputOf,
  problemOnForm,
  type FieldErrors,
  type LeadField,
  type LeadFormValues,
} from './lead-draft';
import type { ThankYouState } from './thank-you-state';

let nextFormId = 0;

/** Field order for focusing the first error. */
const FIELD_ORDER: LeadField[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'preferredContact',
  'preferredDate',
  'preferredTime',
  'tradeYear',
  'tradeMake',
  'tradeModel',
  'tradeMileage',
  'tradeCondition',
  'message',
];

/**
 * One lead form for every intent (availability, test drive, trade-in, pre-approval, contact):
 * the shared contact fields plus the intent's own, posted to the leads public API.
 */
@Component({
  selector: 'sf-lead-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lead-form.html',
  styleUrl: './lead-form.scss',
})
export class LeadForm {
  readonly intent = input.required<LeadIntent>();
  /** The car the shopper asks about; attached to the lead by VIN and stock number. */
  readonly vehicle = input<
    (Pick<PublicVehicle, 'vin' | 'stockNumber' | 'year' | 'make' | 'model' | 'trim'> & { id?: string }) | null
  >(null);

  /** Opened by the shopper's click: the first field takes the focus. */
  readonly focusOnOpen = input(false);

  private readonly leads = inject(LeadsApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly analytics = inject(ShopperAnalytics);
  private started = false;
  protected readonly site = inject(SITE);

  protected readonly id = `lf${nextFormId++}`;
  protected readonly honeypot = HONEYPOT;
  protected readonly contactMethods = Object.entries(CONTACT_METHOD_LABELS);
  protected readonly tradeInConditions = TRADE_IN_CONDITIONS;
  protected readonly testDriveTimes = TEST_DRIVE_TIMES;
  protected readonly tel = telHref;

  protected readonly values = signal<LeadFormValues>({ ...EMPTY_LEAD_FORM });
  protected readonly errors = signal<FieldErrors>({});
  protected readonly general = signal<string | null>(null);
  protected readonly sending = signal(false);
  /** Off until the browser runs the form: a plain submit before then would send nothing useful. */
  protected readonly ready = signal(false);

  protected readonly copy = computed(() => INTENT_COPY[this.intent()]);
  protected readonly vehicleName = computed(() => {
    const vehicle = this.vehicle();
    return vehicle ? vehicleTitle(vehicle) : null;
  });
  protected readonly today = new Date().toISOString().slice(0, 10);
  /** Said in the live region when the form is refused, so a screen reader hears it at once. */
  protected readonly announcement = computed(() => {
    const count = Object.keys(this.errors()).length;
    const general = this.general();
    if (count === 0) return general ?? '';
    const fields = count === 1 ? '1 field needs' : `${count} fields need`;
    return `${general ? `${general} ` : ''}${fields} your attention.`;
  });

  private readonly fillKey = new FillKey();

  constructor() {
    afterNextRender(() => {
      this.ready.set(true);
      // Once the enabled fields are rendered: a disabled field cannot take the focus.
      if (this.focusOnOpen()) {
        afterNextRender(() => this.document.getElementById(`${this.id}-firstName`)?.focus(), {
          injector: this.injector,
        });
      }
    });
  }

  protected set(field: LeadField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
    if (!this.started) {
      this.started = true;
      this.analytics.formStart('lead', this.vehicle()?.id);
    }
    this.values.update((values) => ({ ...values, [field]: value }));
    if (this.errors()[field]) this.errors.update(({ [field]: _fixed, ...rest }) => rest);
  }

  protected errorId(field: LeadField): string | null {
    return this.errors()[field] ? `${this.id}-${field}-error` : null;
  }

  protected send(event: Event): void {
    event.preventDefault();
    if (this.sending()) return;
    const intent = this.intent();
    const values = this.values();
    const errors = checkLeadForm(intent, values);
    this.general.set(null);
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) return this.focusFirstError();

    const input = leadInputOf(intent, values, this.vehicle(), this.analytics.visitSource());
    const key = this.fillKey.keyFor(input);
    this.sending.set(true);
    this.leads.submit(input, key).subscribe({
      next: () => {
        this.analytics.formSubmit('lead', this.vehicle()?.id);
        const state: ThankYouState = {
          intent,
          firstName: values.firstName.trim(),
          vehicle: this.vehicleName(),
        };
        void this.router.navigate(['/thank-you'], { state: { ...state } });
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.showRefusal(error);
      },
    });
  }

  private showRefusal(error: unknown): void {
    const status = error instanceof HttpErrorResponse ? error.status : 0;
    const problem = error instanceof HttpErrorResponse ? (error.error as Partial<Problem> | null) : null;
    const call = this.site.phone ? ` or call us at ${this.site.phone}` : '';
    if (status === 400 || status === 422) {
      const placed = problemOnForm(typeof problem === 'object' ? problem : null);
      this.errors.set(placed.fields);
      this.general.set(placed.general);
      return this.focusFirstError();
    }
    this.errors.set({});
    if (status === 429)
      this.general.set(
        `We have received many messages from here just now. Please wait a minute and try again${call}.`,
      );
    else if (status === 0)
      this.general.set(`We could not reach ${this.site.name}. Check your connection and try again${call}.`);
    else this.general.set(`Sorry, your message was not sent. Please try again${call}.`);
  }

  private focusFirstError(): void {
    afterNextRender(
      () => {
        const field = FIELD_ORDER.find((name) => this.errors()[name]);
        const target = field ? this.document.getElementById(`${this.id}-${field}`) : null;
        (target ?? this.document.getElementById(`${this.id}-status`))?.focus();
      },
      { injector: this.injector },
    );
  }
}
