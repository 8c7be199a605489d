import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { EMPLOYMENT_LABELS, EMPLOYMENT_STATUSES, HOUSING, HOUSING_LABELS } from '../retail/retail-copy';
import type { Applicant, ApplicantField, ApplicantValues, CreditErrors } from './credit-draft';

interface TextField {
  field: ApplicantField;
  label: string;
  autocomplete: string;
  type?: 'text' | 'email' | 'tel' | 'date';
  inputmode?: 'numeric' | 'decimal';
  maxlength: number;
  hint?: string;
  optional?: boolean;
}

const IDENTITY: TextField[] = [
  { field: 'firstName', label: 'First name', autocomplete: 'given-name', maxlength: 80 },
  { field: 'lastName', label: 'Last name', autocomplete: 'family-name', maxlength: 80 },
  {
    field: 'ssn',
    label: 'Social Security number',
    autocomplete: 'off',
    inputmode: 'numeric',
    maxlength: 11,
    hint: '9 digits, as 123-45-6789. Encrypted as soon as it arrives.',
  },
  { field: 'dateOfBirth', label: 'Date of birth', autocomplete: 'bday', type: 'date', maxlength: 10 },
  { field: 'email', label: 'E-mail', autocomplete: 'email', type: 'email', maxlength: 254 },
  { field: 'phone', label: 'Phone', autocomplete: 'tel', type: 'tel', maxlength: 40 },
];
const HOME: TextField[] = [
  { field: 'street', label: 'Street address', autocomplete: 'street-address', maxlength: 120 },
  { field: 'city', label: 'City', autocomplete: 'address-level2', maxlength: 80 },
  { field: 'region', label: 'State', autocomplete: 'address-level1', maxlength: 40 },
  {
    field: 'postalCode',
    label: 'ZIP code',
    autocomplete: 'postal-code',
    inputmode: 'numeric',
    maxlength: 16,
  },
  {
    field: 'monthlyHousing',
    label: 'Monthly rent or mortgage ($)',
    autocomplete: 'off',
    inputmode: 'decimal',
    maxlength: 14,
  },
  {
    field: 'yearsAtAddress',
    label: 'Years at this address',
    autocomplete: 'off',
    inputmode: 'numeric',
    maxlength: 2,
  },
];
const WORK: TextField[] = [
  { field: 'employer', label: 'Employer', autocomplete: 'organization', maxlength: 120, optional: true },
  { field: 'title', label: 'Job title', autocomplete: 'organization-title', maxlength: 80, optional: true },
  { field: 'yearsEmployed', label: 'Years there', autocomplete: 'off', inputmode: 'numeric', maxlength: 2 },
  {
    field: 'grossMonthlyIncome',
    label: 'Monthly income before tax ($)',
    autocomplete: 'off',
    inputmode: 'decimal',
    maxlength: 14,
  },
];

/** One applicant's identity, home and work, for the credit application (the co-applicant's too). */
@Component({
  selector: 'sf-credit-applicant-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let v = values();
    <fieldset>
      <legend>{{ heading() }}: identity</legend>
      <div class="row">
        @for (f of identity; track f.field) {
          <ng-container *ngTemplateOutlet="text; context: { $implicit: f }" />
        }
      </div>
    </fieldset>
    <fieldset>
      <legend>{{ heading() }}: home</legend>
      <div class="row">
        @for (f of home; track f.field) {
          <ng-container *ngTemplateOutlet="text; context: { $implicit: f }" />
        }
        <div class="sf-field">
          <label [for]="idOf('housing')">Housing</label>
          <select
            [id]="idOf('housing')"
            (change)="change('housing', $event)"
            [attr.aria-invalid]="errorOf('housing') ? 'true' : null"
            [attr.aria-describedby]="errorIdOf('housing')"
          >
            <option value="" [selected]="v.housing === ''">Choose…</option>
            @for (housing of housings; track housing) {
              <option [value]="housing" [selected]="v.housing === housing">
                {{ housingLabels[housing] }}
              </option>
            }
          </select>
          @if (errorOf('housing'); as error) {
            <span class="error" [id]="errorIdOf('housing')">{{ error }}</span>
          }
        </div>
      </div>
    </fieldset>
    <fieldset>
      <legend>{{ heading() }}: work and income</legend>
      <div class="row">
        <div class="sf-field">
          <label [for]="idOf('employmentStatus')">Employment</label>
          <select
            [id]="idOf('employmentStatus')"
            (change)="change('employmentStatus', $event)"
            [attr.aria-invalid]="errorOf('employmentStatus') ? 'true' : null"
            [attr.aria-describedby]="errorIdOf('employmentStatus')"
          >
            <option value="" [selected]="v.employmentStatus === ''">Choose…</option>
            @for (status of statuses; track status) {
              <option [value]="status" [selected]="v.employmentStatus === status">
                {{ statusLabels[status] }}
              </option>
            }
          </select>
          @if (errorOf('employmentStatus'); as error) {
            <span class="error" [id]="errorIdOf('employmentStatus')">{{ error }}</span>
          }
        </div>
        @for (f of work; track f.field) {
          <ng-container *ngTemplateOutlet="text; context: { $implicit: f }" />
        }
      </div>
    </fieldset>

    <ng-template #text let-f>
      <div class="sf-field">
        <label [for]="idOf(f.field)"
          >{{ f.label }}
          @if (f.optional) {
            <span class="optional">(optional)</span>
          }
        </label>
        <input
          [id]="idOf(f.field)"
          [type]="f.type ?? 'text'"
          [attr.inputmode]="f.inputmode ?? null"
          [attr.autocomplete]="who() === 'applicant' ? f.autocomplete : 'off'"
          [attr.maxlength]="f.maxlength"
          spellcheck="false"
          [value]="valueOf(f.field)"
          (input)="change(f.field, $event)"
          [attr.aria-invalid]="errorOf(f.field) ? 'true' : null"
          [attr.aria-describedby]="describedBy(f)"
        />
        @if (f.hint) {
          <span class="hint" [id]="idOf(f.field) + '-hint'">{{ f.hint }}</span>
        }
        @if (errorOf(f.field); as error) {
          <span class="error" [id]="errorIdOf(f.field)">{{ error }}</span>
        }
      </div>
    </ng-template>
  `,
  styleUrl: './deal-steps.scss',
  imports: [NgTemplateOutlet],
})
export class CreditApplicantFields {
  readonly who = input.required<Applicant>();
  readonly values = input.required<ApplicantValues>();
  readonly errors = input.required<CreditErrors>();
  readonly changed = output<{ field: ApplicantField; value: string }>();

  protected readonly identity = IDENTITY;
  protected readonly home = HOME;
  protected readonly work = WORK;
  protected readonly housings = HOUSING;
  protected readonly housingLabels = HOUSING_LABELS;
  protected readonly statuses = EMPLOYMENT_STATUSES;
  protected readonly statusLabels = EMPLOYMENT_LABELS;

  protected heading(): string {
    return this.who() === 'applicant' ? 'You' : 'Co-applicant';
  }

  /** Element ids: `credit-applicant-ssn`, `credit-coApplicant-city`, … (the step focuses errors by them). */
  protected idOf(field: ApplicantField): string {
    return creditFieldId(this.who(), field);
  }

  protected errorOf(field: ApplicantField): string | undefined {
    return this.errors()[`${this.who()}.${field}`];
  }

  protected errorIdOf(field: ApplicantField): string | null {
    return this.errorOf(field) ? `${this.idOf(field)}-error` : null;
  }

  protected describedBy(f: TextField): string | null {
    const ids = [this.errorIdOf(f.field), f.hint ? `${this.idOf(f.field)}-hint` : null].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected valueOf(field: ApplicantField): string {
    return this.values()[field];
  }

  protected change(field: ApplicantField, event: Event): void {
    this.changed.emit({ field, value: (event.target as HTMLInputElement | HTMLSelectElement).value });
  }
}

export function creditFieldId(who: Applicant, field: ApplicantField): string {
  return `credit-${who}-${field}`;
}
