import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { EMPLOYMENT_LABELS, EMPLOYMENT_STATUSES, HOUSING, HOUSING_LABELS } from '../retail/retail-copy';
import type { Applicant, ApplicantField, ApplicantValues, CreditErrors } from './credit-draft';

/** One field of the form: a text input, or a select when it has options. */
interface Field {
  field: ApplicantField;
  label: string;
  autocomplete: string;
  type?: 'text' | 'email' | 'tel' | 'date';
  inputmode?: 'numeric' | 'decimal';
  maxlength?: number;
  hint?: string;
  optional?: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
}
interface Group {
  name: string;
  fields: Field[];
}

const GROUPS: Group[] = [
  {
    name: 'identity',
    fields: [
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
      { field: 'dateOfBirth', label: 'Date of birth', autocomplete: 'bday', type: 'date' },
      { field: 'email', label: 'E-mail', autocomplete: 'email', type: 'email', maxlength: 254 },
      { field: 'phone', label: 'Phone', autocomplete: 'tel', type: 'tel', maxlength: 40 },
    ],
  },
  {
    name: 'home',
    fields: [
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
        field: 'housing',
        label: 'Housing',
        autocomplete: 'off',
        options: HOUSING.map((value) => ({ value, label: HOUSING_LABELS[value] })),
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
    ],
  },
  {
    name: 'work and income',
    fields: [
      {
        field: 'employmentStatus',
        label: 'Employment',
        autocomplete: 'off',
        options: EMPLOYMENT_STATUSES.map((value) => ({ value, label: EMPLOYMENT_LABELS[value] })),
      },
      { field: 'employer', label: 'Employer', autocomplete: 'organization', maxlength: 120, optional: true },
      {
        field: 'title',
        label: 'Job title',
        autocomplete: 'organization-title',
        maxlength: 80,
        optional: true,
      },
      {
        field: 'yearsEmployed',
        label: 'Years there',
        autocomplete: 'off',
        inputmode: 'numeric',
        maxlength: 2,
      },
      {
        field: 'grossMonthlyIncome',
        label: 'Monthly income before tax ($)',
        autocomplete: 'off',
        inputmode: 'decimal',
        maxlength: 14,
      },
    ],
  },
];

/** One applicant's identity, home and work, for the credit application (the co-applicant's too). */
@Component({
  selector: 'sf-credit-applicant-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups; track group.name) {
      <fieldset>
        <legend>{{ who() === 'applicant' ? 'You' : 'Co-applicant' }}: {{ group.name }}</legend>
        <div class="row">
          @for (f of group.fields; track f.field) {
            <div class="sf-field">
              <label [for]="idOf(f.field)"
                >{{ f.label }}
                @if (f.optional) {
                  <span class="optional">(optional)</span>
                }
              </label>
              @if (f.options; as options) {
                <select
                  [id]="idOf(f.field)"
                  (change)="change(f.field, $event)"
                  [attr.aria-invalid]="errorOf(f.field) ? 'true' : null"
                  [attr.aria-describedby]="describedBy(f)"
                >
                  <option value="" [selected]="valueOf(f.field) === ''">Choose…</option>
                  @for (option of options; track option.value) {
                    <option [value]="option.value" [selected]="valueOf(f.field) === option.value">
                      {{ option.label }}
                    </option>
                  }
                </select>
              } @else {
                <input
                  [id]="idOf(f.field)"
                  [type]="f.type ?? 'text'"
                  [attr.inputmode]="f.inputmode ?? null"
                  [attr.autocomplete]="who() === 'applicant' ? f.autocomplete : 'off'"
                  [attr.maxlength]="f.maxlength ?? null"
                  spellcheck="false"
                  [value]="valueOf(f.field)"
                  (input)="change(f.field, $event)"
                  [attr.aria-invalid]="errorOf(f.field) ? 'true' : null"
                  [attr.aria-describedby]="describedBy(f)"
                />
              }
              @if (f.hint) {
                <span class="hint" [id]="idOf(f.field) + '-hint'">{{ f.hint }}</span>
              }
              @if (errorOf(f.field); as error) {
                <span class="error" [id]="idOf(f.field) + '-error'">{{ error }}</span>
              }
            </div>
          }
        </div>
      </fieldset>
    }
  `,
  styleUrl: './deal-steps.scss',
})
export class CreditApplicantFields {
  readonly who = input.required<Applicant>();
  readonly values = input.required<ApplicantValues>();
  readonly errors = input.required<CreditErrors>();
  readonly changed = output<{ field: ApplicantField; value: string }>();

  protected readonly groups = GROUPS;

  /** Element ids: `credit-applicant-ssn`, `credit-coApplicant-city`, … (the step focuses errors by them). */
  protected idOf(field: ApplicantField): string {
    return creditFieldId(this.who(), field);
  }

  protected errorOf(field: ApplicantField): string | undefined {
    return this.errors()[`${this.who()}.${field}`];
  }

  protected describedBy(f: Field): string | null {
    const ids = [
      this.errorOf(f.field) ? `${this.idOf(f.field)}-error` : null,
      f.hint ? `${this.idOf(f.field)}-hint` : null,
    ].filter(Boolean);
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
