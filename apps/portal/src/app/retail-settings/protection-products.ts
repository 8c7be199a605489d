import { Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ProtectionProduct, ProtectionProductInput } from '@showroom/contracts';
import { filter, type Observable, switchMap, tap } from 'rxjs';
import { RetailSettingsApi } from '../api/retail-settings-api';
import { ActiveDealership } from '../core/active-dealership';
import { problemOf } from '../core/problem';
import { ConfirmDialog, type ConfirmDialogData } from '../shared/confirm-dialog';
import { LoadState } from '../shared/load-state';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { CentsPipe } from '../deals/shared/cents.pipe';
import { PRODUCT_KIND_LABELS } from '../deals/shared/deal-labels';
import { ProductDialog, type ProductDialogData } from './product-dialog';
import { withActive } from './product-model';

/**
 * The dealership's protection product menu: add, edit, deactivate (kept on the deals that have it,
 * no longer offered) or delete. Each change is saved at once.
 */
@Component({
  selector: 'sr-protection-products',
  imports: [CentsPipe, MatButtonModule, MatIconModule, MatProgressSpinnerModule, ProblemTextPipe],
  template: `
    <div class="bar">
      <p class="help">What shoppers may add to a deal, with a price per coverage term.</p>
      <button type="button" matButton="filled" data-testid="add-product" (click)="edit(null)">
        <mat-icon svgIcon="add" /> Add product
      </button>
    </div>
    @switch (status()) {
      @case ('loading') {
        <div class="state" role="status"><mat-spinner diameter="32" /> Loading products…</div>
      }
      @case ('failed') {
        <div class="state" role="alert" data-testid="products-error">
          <p>The products could not be loaded: {{ problem() | problemText }}</p>
          <button type="button" matButton="filled" (click)="reload()">Try again</button>
        </div>
      }
      @default {
        <ul class="products">
          @for (product of products(); track product.id) {
            <li
              class="product"
              data-testid="product"
              [attr.data-product-id]="product.id"
              [class.product--inactive]="!product.active"
            >
              <div class="product__text">
                <div class="product__name">
                  <strong data-testid="product-name">{{ product.name }}</strong>
                  <span class="kind">{{ kindLabels[product.kind] }}</span>
                  @if (!product.active) {
                    <span class="inactive" data-testid="product-inactive">Not offered</span>
                  }
                </div>
                @if (product.description) {
                  <div class="description">{{ product.description }}</div>
                }
                <div class="options" data-testid="product-options">
                  @for (option of product.options; track option.termMonths) {
                    <span>{{ option.termMonths }} mo · {{ option.priceCents | cents }}</span>
                  }
                </div>
              </div>
              <div class="product__actions">
                <button
                  type="button"
                  matButton
                  data-testid="edit-product"
                  [disabled]="busy() === product.id"
                  (click)="edit(product)"
                >
                  Edit
                </button>
                <button
                  type="button"
                  matButton
                  data-testid="toggle-product"
                  [disabled]="busy() === product.id"
                  (click)="save(product, withActive(product, !product.active))"
                >
                  {{ product.active ? 'Deactivate' : 'Activate' }}
                </button>
                <button
                  type="button"
                  matIconButton
                  data-testid="delete-product"
                  [attr.aria-label]="'Delete ' + product.name"
                  [disabled]="busy() === product.id"
                  (click)="remove(product)"
                >
                  <mat-icon svgIcon="delete" />
                </button>
              </div>
            </li>
          } @empty {
            <li class="empty" data-testid="products-empty">No protection products yet.</li>
          }
        </ul>
      }
    }
  `,
  styles: `
    @use 'page';

    :host {
      display: grid;
      gap: 12px;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
    }
    .help,
    .empty {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .state {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 16px 0;
    }
    .products {
      @include page.surface;
      list-style: none;
      margin: 0;
      padding: 0 16px;
    }
    .product,
    .empty {
      display: flex;
      gap: 12px;
      justify-content: space-between;
      align-items: center;
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .product:last-child {
      border-bottom: 0;
    }
    .product--inactive .product__text {
      opacity: 0.7;
    }
    .product__name {
      display: flex;
      gap: 8px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .kind,
    .inactive,
    .description,
    .options {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .inactive {
      font-weight: 600;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
    }
    .product__actions {
      display: flex;
      flex-shrink: 0;
      flex-wrap: nowrap;
      gap: 4px;
      justify-content: flex-end;
    }
  `,
})
export class ProtectionProducts {
  private readonly api = inject(RetailSettingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly problem = this.loadState.problem;
  protected readonly products = signal<ProtectionProduct[]>([]);
  /** The product a change is being saved for. */
  protected readonly busy = signal<string | null>(null);
  protected readonly kindLabels = PRODUCT_KIND_LABELS;
  protected readonly withActive = withActive;

  constructor() {
    toObservable(inject(ActiveDealership).id)
      .pipe(
        filter((id) => id !== null),
        switchMap(() => this.load()),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected reload(): void {
    this.load().pipe(takeUntilDestroyed(this.destroyRef)).subscribe();
  }

  protected edit(product: ProtectionProduct | null): void {
    this.dialog
      .open<ProductDialog, ProductDialogData, ProtectionProductInput>(ProductDialog, {
        data: { product },
        maxWidth: '560px',
        width: '100%',
      })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((input) => {
        if (input) this.save(product, input);
      });
  }

  /** Creates (`product` null) or replaces the product. */
  protected save(product: ProtectionProduct | null, input: ProtectionProductInput): void {
    this.busy.set(product?.id ?? 'new');
    const request = product ? this.api.updateProduct(product.id, input) : this.api.createProduct(input);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => {
        this.busy.set(null);
        this.products.update((products) =>
          product ? products.map((item) => (item.id === saved.id ? saved : item)) : [...products, saved],
        );
        this.snackBar.open(`${saved.name} saved`, undefined, { duration: 3000 });
      },
      error: (error: unknown) => this.failed(error, 'The product was not saved'),
    });
  }

  protected remove(product: ProtectionProduct): void {
    const data: ConfirmDialogData = {
      title: `Delete ${product.name}?`,
      message:
        'It is no longer offered, and it goes from the menu for good. Deals that already have it keep it. ' +
        'To stop offering it for a while, deactivate it instead.',
      confirmLabel: 'Delete product',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.busy.set(product.id);
          return this.api.deleteProduct(product.id);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.busy.set(null);
          this.products.update((products) => products.filter((item) => item.id !== product.id));
          this.snackBar.open(`${product.name} deleted`, undefined, { duration: 3000 });
        },
        error: (error: unknown) => this.failed(error, 'The product was not deleted'),
      });
  }

  private failed(error: unknown, what: string): void {
    this.busy.set(null);
    const problem = problemOf(error);
    const fields = (problem.invalidParams ?? []).map((param) => `${param.name}: ${param.reason}`).join('; ');
    this.snackBar.open(`${what}: ${fields || problem.detail || problem.title}`, 'OK', { duration: 8000 });
  }

  private load(): Observable<ProtectionProduct[]> {
    return this.loadState.track(this.api.products().pipe(tap((products) => this.products.set(products))));
  }
}
