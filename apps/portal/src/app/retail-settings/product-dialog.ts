import { Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ProtectionProduct, ProtectionProductInput } from '@showroom/contracts';
import { PRODUCT_KIND_LABELS, PRODUCT_KIND_OPTIONS } from '../deals/shared/deal-labels';
import {
  createProductForm,
  MAX_PRODUCT_OPTIONS,
  productInputFrom,
  productOptionGroup,
} from './product-model';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

export interface ProductDialogData {
  /** null: a new product. */
  product: ProtectionProduct | null;
}

/** Adds or edits a protection product; closes with the product's input (the list saves it), or nothing. */
@Component({
  selector: 'sr-product-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.product ? 'Edit ' + data.product.name : 'New protection product' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="product-form">
      <mat-dialog-content class="content">
        <div class="pair">
          <mat-form-field>
            <mat-label>Kind</mat-label>
            <mat-select formControlName="kind" name="kind" data-testid="product-kind">
              @for (kind of kinds; track kind) {
                <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" name="name" maxlength="80" data-testid="product-name" />
            <mat-error>A name of at most 80 characters</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field class="full">
          <mat-label>Description for shoppers</mat-label>
          <textarea
            matInput
            rows="2"
            formControlName="description"
            name="description"
            maxlength="600"
            data-testid="product-description"
          ></textarea>
        </mat-form-field>
        <mat-checkbox formControlName="active" data-testid="product-active">Offered to shoppers</mat-checkbox>

        <h3 class="subtitle">Coverage and price</h3>
        <div formArrayName="options" class="options">
          @for (option of form.controls.options.controls; track option; let index = $index) {
            <div class="pair option" [formGroupName]="index" data-testid="product-option">
              <mat-form-field>
                <mat-label>Months</mat-label>
                <input
                  matInput
                  type="number"
                  min="6"
                  max="120"
                  formControlName="termMonths"
                  name="optionTerm"
                  data-testid="option-term"
                />
                <mat-error>From 6 to 120 months</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>Price</mat-label>
                <span matTextPrefix>$&nbsp;</span>
                <input
                  matInput
                  type="number"
                  min="0"
                  formControlName="price"
                  name="optionPrice"
                  data-testid="option-price"
                />
                <mat-error>From $0 to $20,000</mat-error>
              </mat-form-field>
              <button
                type="button"
                matIconButton
                [attr.aria-label]="'Remove the ' + option.controls.termMonths.value + '-month option'"
                [disabled]="form.controls.options.length === 1"
                (click)="removeOption(index)"
              >
                <mat-icon svgIcon="delete" />
              </button>
            </div>
          }
        </div>
        @if (form.controls.options.errors?.['repeatedTerm']) {
          <p class="error" role="alert" data-testid="option-repeated">Each coverage term once.</p>
        }
        @if (form.controls.options.length < maxOptions) {
          <button type="button" matButton data-testid="add-option" (click)="addOption()">
            <mat-icon svgIcon="add" /> Add an option
          </button>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button type="button" matButton mat-dialog-close>Cancel</button>
        <button type="submit" matButton="filled" data-testid="save-product">Save product</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: grid;
      gap: 4px;
    }
    .pair {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 12px;
    }
    .option {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto;
      align-items: start;
    }
    .full {
      width: 100%;
    }
    .subtitle {
      font: var(--mat-sys-title-small);
      margin: 8px 0;
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class ProductDialog {
  protected readonly data = inject<ProductDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ProductDialog, ProtectionProductInput>>(MatDialogRef);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = createProductForm(this.fb, this.data.product);
  protected readonly kinds = PRODUCT_KIND_OPTIONS;
  protected readonly kindLabels = PRODUCT_KIND_LABELS;
  protected readonly maxOptions = MAX_PRODUCT_OPTIONS;

  protected addOption(): void {
    const terms = this.form.controls.options.getRawValue().map((option) => option.termMonths);
    const next = Math.min(120, Math.max(0, ...terms) + 12);
    this.form.controls.options.push(productOptionGroup(this.fb, { termMonths: next, price: 0 }));
  }

  protected removeOption(index: number): void {
    if (this.form.controls.options.length > 1) this.form.controls.options.removeAt(index);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(productInputFrom(this.form));
  }
}
