import {
  type AbstractControl,
  type FormArray,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import type { ValuationGrid, ValuationGridRow } from '@showroom/contracts';
import { FIRST_MODEL_YEAR, MAX_MILEAGE } from '@showroom/contracts';
import { centsToDollars, dollarsToCents } from '../core/money';

/** The trade valuation grid as an editable table: one form group per row, dollars typed, cents sent. */

export const MAX_GRID_ROWS = 1_000;

export interface GridRowControls {
  make: FormControl<string>;
  /** Empty: any model of the make. */
  model: FormControl<string>;
  yearFrom: FormControl<number>;
  yearTo: FormControl<number>;
  maxMileage: FormControl<number>;
  low: FormControl<number>;
  high: FormControl<number>;
}
export type GridRowForm = FormGroup<GridRowControls>;
export type GridForm = FormArray<GridRowForm>;

/** A row's own rules across its fields: years in order, the range not upside down. */
function rowInOrder(control: AbstractControl): ValidationErrors | null {
  const row = (control as GridRowForm).getRawValue();
  const errors: ValidationErrors = {};
  if (row.yearFrom > row.yearTo) errors['years'] = true;
  if (row.low > row.high) errors['range'] = true;
  return Object.keys(errors).length > 0 ? errors : null;
}

export function gridRowForm(fb: NonNullableFormBuilder, row: ValuationGridRow | null = null): GridRowForm {
  const thisYear = new Date().getFullYear();
  const year = [Validators.required, Validators.min(FIRST_MODEL_YEAR), Validators.max(2100)];
  const money = [Validators.required, Validators.min(0), Validators.max(10_000_000)];
  return fb.group(
    {
      make: fb.control(row?.make ?? '', [Validators.required, Validators.maxLength(40)]),
      model: fb.control(row?.model ?? '', [Validators.maxLength(60)]),
      yearFrom: fb.control(row?.yearFrom ?? thisYear - 5, year),
      yearTo: fb.control(row?.yearTo ?? thisYear, year),
      maxMileage: fb.control(row?.maxMileage ?? 100_000, [
        Validators.required,
        Validators.min(0),
        Validators.max(MAX_MILEAGE),
      ]),
      low: fb.control(row ? centsToDollars(row.lowCents) : 0, money),
      high: fb.control(row ? centsToDollars(row.highCents) : 0, money),
    },
    { validators: rowInOrder },
  );
}

export function gridRowsFrom(form: GridForm): ValuationGrid {
  return {
    rows: form.getRawValue().map((row) => ({
      make: row.make.trim(),
      model: row.model.trim() || null,
      yearFrom: row.yearFrom,
      yearTo: row.yearTo,
      maxMileage: row.maxMileage,
      lowCents: dollarsToCents(row.low),
      highCents: dollarsToCents(row.high),
    })),
  };
}

/** What is wrong with a row, in words ("Years: from must not be after to"); null when nothing. */
export function gridRowProblem(row: GridRowForm): string | null {
  if (row.valid) return null;
  const problems: string[] = [];
  const { controls } = row;
  if (controls.make.invalid) problems.push('the make is required');
  if (controls.model.invalid) problems.push('the model has at most 60 characters');
  if (controls.yearFrom.invalid || controls.yearTo.invalid)
    problems.push(`years run from ${FIRST_MODEL_YEAR}`);
  if (row.errors?.['years']) problems.push('the first year must not be after the last');
  if (controls.maxMileage.invalid) problems.push('miles must be a number from 0');
  if (controls.low.invalid || controls.high.invalid) problems.push('amounts must be from $0');
  if (row.errors?.['range']) problems.push('the high value must not be below the low');
  return problems.length > 0 ? problems.join('; ') : null;
}
