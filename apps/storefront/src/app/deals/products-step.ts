import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { ChosenProduct, ProtectionProduct } from '@showroom/contracts';
import { formatCents } from '@showroom/retail-payments';
import { RetailApi } from '../data/retail-api';
import { estimate } from '../retail/deal-structure';
import { refusalOf } from '../retail/refusals';
import { PRODUCT_KIND_LABELS } from '../retail/retail-copy';
import { SITE } from '../site/site';
import { DealSession } from './deal-session';
import { tradeFiguresOf } from './deal-figures';

/**
 * The protection products card: the dealership's menu, each with a coverage term to pick. The
 * payment is recomputed in the browser as products are ticked; "Update my payment" saves them.
 */
@Component({
  selector: 'sf-products-step',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="step-products">Protection products <span class="optional">(optional)</span></h2>
    @if (session.editable()) {
      <form novalidate (submit)="save($event)" aria-labelledby="step-products">
        <ul class="menu">
          @for (product of menu(); track product.id) {
            @let picked = termOf(product.id);
            <li>
              <label class="option">
                <input
                  type="checkbox"
                  [checked]="picked !== null"
                  (change)="toggle(product, $event)"
                  [attr.aria-describedby]="'product-' + product.id + '-about'"
                />
                <span>
                  <strong>{{ product.name }}</strong>
                  @if (kindLabels[product.kind] !== product.name) {
                    · {{ kindLabels[product.kind] }}
                  }
                </span>
              </label>
              @if (product.description) {
                <p class="hint" [id]="'product-' + product.id + '-about'">{{ product.description }}</p>
              }
              @if (picked !== null) {
                <div class="sf-field">
                  <label [for]="'product-' + product.id + '-term'">Coverage for {{ product.name }}</label>
                  <select [id]="'product-' + product.id + '-term'" (change)="choose(product.id, $event)">
                    @for (option of product.options; track option.termMonths) {
                      <option [value]="option.termMonths" [selected]="option.termMonths === picked">
                        {{ option.termMonths }} months · {{ money(option.priceCents) }}
                      </option>
                    }
                  </select>
                </div>
              }
            </li>
          }
        </ul>
        @if (changed() ? preview() : null; as p) {
          <p class="sf-note" aria-live="polite" data-testid="products-payment">
            @if (p.quote) {
              With these:
              {{
                p.quote.monthlyPaymentCents !== null
                  ? money(p.quote.monthlyPaymentCents) + ' a month'
                  : money(p.quote.dueAtSigningCents) + ' in all'
              }}
              (products {{ money(p.quote.productsCents) }})
            } @else {
              {{ p.problem }}
            }
          </p>
        }
        <div aria-live="assertive">
          @if (error(); as message) {
            <p class="sf-alert">{{ message }}</p>
          }
        </div>
        <button
          type="submit"
          class="sf-button"
          [disabled]="saving() || !changed()"
          data-testid="save-products"
        >
          {{ saving() ? 'Saving…' : 'Update my payment' }}
        </button>
      </form>
    } @else {
      @let quoted = session.deal()?.offer?.quote?.products ?? [];
      @if (quoted.length === 0) {
        <p>None chosen.</p>
      } @else {
        <ul>
          @for (product of quoted; track product.productId) {
            <li>{{ product.name }}, {{ product.termMonths }} months · {{ money(product.priceCents) }}</li>
          }
        </ul>
      }
    }
  `,
  styleUrl: './deal-steps.scss',
})
export class ProductsStep {
  protected readonly session = inject(DealSession);
  private readonly retail = inject(RetailApi);
  private readonly site = inject(SITE);

  protected readonly money = formatCents;
  protected readonly kindLabels = PRODUCT_KIND_LABELS;
  protected readonly menu = computed(() => this.session.terms()?.products ?? []);

  private readonly saved = computed(() => this.session.deal()?.offer.structure.products ?? []);
  /** The shopper's unsaved picks; null: as saved on the deal. */
  private readonly picks = signal<ChosenProduct[] | null>(null);
  protected readonly chosen = computed(() => this.picks() ?? this.saved());
  protected readonly changed = computed(
    () => JSON.stringify(sorted(this.chosen())) !== JSON.stringify(sorted(this.saved())),
  );
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly preview = computed(() => {
    const deal = this.session.deal();
    const terms = this.session.terms();
    if (!deal || !terms) return null;
    const structure = { ...deal.offer.structure, products: this.chosen() };
    return estimate(deal.vehicle, structure, tradeFiguresOf(deal), terms, deal.offer.adjustments);
  });

  protected termOf(productId: string): number | null {
    return this.chosen().find((chosen) => chosen.productId === productId)?.termMonths ?? null;
  }

  protected toggle(product: ProtectionProduct, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    const first = product.options[0];
    this.picks.update((picks) => {
      const chosen = picks ?? this.saved();
      const others = chosen.filter((c) => c.productId !== product.id);
      return on && first ? [...others, { productId: product.id, termMonths: first.termMonths }] : others;
    });
  }

  protected choose(productId: string, event: Event): void {
    const termMonths = Number((event.target as HTMLSelectElement).value);
    this.picks.set(this.chosen().map((c) => (c.productId === productId ? { ...c, termMonths } : c)));
  }

  protected save(event: Event): void {
    event.preventDefault();
    const deal = this.session.deal();
    if (!deal || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    const structure = { ...deal.offer.structure, products: this.chosen() };
    this.retail.changeStructure(this.session.dealId(), this.session.token(), structure).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.picks.set(null);
        this.session.replace(updated);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(refusalOf(error, () => null, this.site).general);
      },
    });
  }
}

const sorted = (products: readonly ChosenProduct[]) =>
  [...products].sort((a, b) => a.productId.localeCompare(b.productId));
