import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
} from '@angular/core';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { RetailApi } from '../data/retail-api';
import { announcementOf, refusalOf } from '../retail/refusals';
import { CREDIT_CONSENT_TEXT } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { CreditApplicantFields, creditFieldId } from './credit-applicant-fields';
import {
  APPLICANT_FIELDS,
  checkApplicant,
  creditApplicationOf,
  creditFieldOf,
  emptyApplicant,
  type Applicant,
  type ApplicantField,
  type ApplicantValues,
  type CreditErrorKey,
  type CreditErrors,
} from './credit-draft';
import { DealSession } from './deal-session';

/** The form while it is open; null otherwise. Nothing of it outlives sending. */
interface CreditForm {
  applicant: ApplicantValues;
  coApplicant: ApplicantValues | null;
  consent: boolean;
}

/**
 * The credit application card. Once sent, the page shows only that it was received: the
 * application is never read back, and the typed values are dropped from memory at once.
 */
@Component({
  selector: 'sf-credit-step',
  imports: [CreditApplicantFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './credit-step.html',
  styleUrl: './deal-steps.scss',
})
export class CreditStep {
  protected readonly session = inject(DealSession);
  private readonly retail = inject(RetailApi);
  protected readonly site = inject(SITE);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly analytics = inject(ShopperAnalytics);

  protected readonly consentText = CREDIT_CONSENT_TEXT;
  protected readonly summary = computed(() => this.session.deal()?.creditApplication ?? null);
  protected readonly form = signal<CreditForm | null>(null);
  protected readonly errors = signal<CreditErrors>({});
  protected readonly general = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly announcement = computed(() =>
    announcementOf(Object.keys(this.errors()).length, this.general()),
  );

  protected open(): void {
    this.analytics.formStart('credit', this.session.deal()?.vehicle.vehicleId);
    this.form.set({ applicant: emptyApplicant(), coApplicant: null, consent: false });
    afterNextRender(() => this.document.getElementById(creditFieldId('applicant', 'firstName'))?.focus(), {
      injector: this.injector,
    });
  }

  protected close(): void {
    this.clear();
  }

  protected change(who: Applicant, change: { field: ApplicantField; value: string }): void {
    this.form.update((form) => {
      const values = form?.[who];
      return form && values ? { ...form, [who]: { ...values, [change.field]: change.value } } : form;
    });
    this.fixed(`${who}.${change.field}`);
  }

  protected withCoApplicant(event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.form.update((form) => (form ? { ...form, coApplicant: on ? emptyApplicant() : null } : form));
    if (!on) {
      this.errors.update((errors) =>
        Object.fromEntries(Object.entries(errors).filter(([key]) => !key.startsWith('coApplicant.'))),
      );
    }
  }

  protected consent(event: Event): void {
    const accepted = (event.target as HTMLInputElement).checked;
    this.form.update((form) => (form ? { ...form, consent: accepted } : form));
    this.fixed('consent');
  }

  protected send(event: Event): void {
    event.preventDefault();
    const form = this.form();
    if (!form || this.sending()) return;
    const today = new Date();
    const errors: CreditErrors = {
      ...checkApplicant(form.applicant, 'applicant', today),
      ...(form.coApplicant ? checkApplicant(form.coApplicant, 'coApplicant', today) : {}),
      ...(form.consent ? {} : { consent: 'Tick the box to agree, or the application cannot be sent.' }),
    };
    this.general.set(null);
    this.errors.set(errors);
    if (Object.keys(errors).length > 0) return this.focusFirstError();

    this.sending.set(true);
    this.retail
      .applyForCredit(
        this.session.dealId(),
        this.session.token(),
        creditApplicationOf(form.applicant, form.coApplicant),
      )
      .subscribe({
        next: (summary) => {
          this.analytics.formSubmit('credit', this.session.deal()?.vehicle.vehicleId);
          this.clear();
          const deal = this.session.deal();
          if (deal) this.session.replace({ ...deal, creditApplication: summary });
          afterNextRender(() => this.document.getElementById('credit-received')?.focus(), {
            injector: this.injector,
          });
        },
        error: (error: unknown) => {
          this.sending.set(false);
          const refusal = refusalOf(error, creditFieldOf, this.site);
          this.errors.set(refusal.fields);
          this.general.set(refusal.general);
          this.focusFirstError();
        },
      });
  }

  protected received(iso: string): string {
    return this.session.timeText(iso);
  }

  /** Drops everything typed: the form's values and any message that named a field. */
  private clear(): void {
    this.form.set(null);
    this.errors.set({});
    this.general.set(null);
    this.sending.set(false);
  }

  private fixed(key: CreditErrorKey): void {
    if (this.errors()[key]) this.errors.update(({ [key]: _, ...rest }) => rest);
  }

  private focusFirstError(): void {
    afterNextRender(
      () => {
        const errors = this.errors();
        const order: CreditErrorKey[] = [
          ...APPLICANT_FIELDS.map((field) => `applicant.${field}` as const),
          ...APPLICANT_FIELDS.map((field) => `coApplicant.${field}` as const),
          'consent',
        ];
        const first = order.find((key) => errors[key]);
        const id =
          first === 'consent'
            ? 'credit-consent'
            : first
              ? creditFieldId(first.split('.')[0] as Applicant, first.split('.')[1] as ApplicantField)
              : 'credit-status';
        this.document.getElementById(id)?.focus();
      },
      { injector: this.injector },
    );
  }
}
