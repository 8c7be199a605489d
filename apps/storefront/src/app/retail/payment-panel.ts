import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DealStructure, PublicVehicleDetail, RetailTerms, TradeFigures } from '@showroom/contracts';
import { ShopperAnalytics } from '../analytics/shopper-analytics';
import { vehiclePath } from '../data/vehicle-paths';
import { centsOfDollars, defaultStructure, estimate, structureParams } from './deal-structure';
import { QuoteSummary } from './quote-summary';
import { StructureFields } from './structure-fields';

let nextId = 0;

/**
 * "Estimate your payment" on a vehicle page: every change is quoted at once in the browser by
 * @showroom/retail-payments from the dealership's terms (read by the server with the page), so
 * no request goes out per keystroke. "Buy this car online" takes the structure to the buy page.
 */
@Component({
  selector: 'sf-payment-panel',
  imports: [RouterLink, StructureFields, QuoteSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" [attr.aria-labelledby]="id + '-heading'" data-testid="payment-panel">
      <h2 [id]="id + '-heading'">Estimate your payment</h2>
      <sf-structure-fields
        [retailTerms]="terms()"
        [structure]="structure()"
        (structureChange)="choose($event)"
      />
      <details class="trade" [open]="tradeOpen()" (toggle)="tradeOpen.set($any($event.target).open)">
        <summary>Trading in a car? <span class="optional">(optional)</span></summary>
        <div class="pair">
          <div class="sf-field">
            <label [for]="id + '-trade'">Its value ($)</label>
            <input
              [id]="id + '-trade'"
              inputmode="decimal"
              autocomplete="off"
              maxlength="14"
              [value]="tradeValue()"
              (input)="tradeValue.set($any($event.target).value); used()"
              [attr.aria-invalid]="tradeValueCents() === null ? 'true' : null"
              [attr.aria-describedby]="tradeValueCents() === null ? id + '-trade-error' : null"
            />
            @if (tradeValueCents() === null) {
              <span class="error" [id]="id + '-trade-error'">Enter an amount in dollars, e.g. 8000.</span>
            }
          </div>
          <div class="sf-field">
            <label [for]="id + '-payoff'">Still owed on it ($)</label>
            <input
              [id]="id + '-payoff'"
              inputmode="decimal"
              autocomplete="off"
              maxlength="14"
              [value]="tradePayoff()"
              (input)="tradePayoff.set($any($event.target).value); used()"
              [attr.aria-invalid]="tradePayoffCents() === null ? 'true' : null"
              [attr.aria-describedby]="tradePayoffCents() === null ? id + '-payoff-error' : null"
            />
            @if (tradePayoffCents() === null) {
              <span class="error" [id]="id + '-payoff-error'">Enter an amount in dollars, e.g. 3000.</span>
            }
          </div>
        </div>
      </details>
      <sf-quote-summary
        [quote]="quoted().quote"
        [problem]="quoted().problem"
        [disclosure]="terms().disclosure"
      />
      <a class="sf-button buy" [routerLink]="buyPath()" [queryParams]="buyParams()" data-testid="buy-online"
        >Buy this car online</a
      >
    </section>
  `,
  styles: `
    .panel {
      border: 1px solid var(--sf-line);
      border-radius: 8px;
      padding: 1rem;
      margin: 1rem 0;
    }
    h2 {
      margin-top: 0;
    }
    .trade {
      margin-bottom: 1rem;
    }
    .trade summary {
      min-height: 44px;
      display: flex;
      align-items: center;
      gap: 0.25rem;
      cursor: pointer;
      font-weight: 600;
    }
    .optional {
      font-weight: 400;
      color: var(--sf-muted);
    }
    .pair {
      display: grid;
      gap: 0 1rem;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    }
    .buy {
      width: 100%;
      margin-top: 1rem;
    }
  `,
})
export class PaymentPanel {
  readonly vehicle = input.required<PublicVehicleDetail & { priceCents: number }>();
  readonly terms = input.required<RetailTerms>();

  protected readonly id = `pp${nextId++}`;
  /** What the shopper chose; null: the default for the car and terms. */
  protected readonly chosen = signal<DealStructure | null>(null);
  protected readonly structure = computed(
    () => this.chosen() ?? defaultStructure(this.vehicle(), this.terms()),
  );
  protected readonly tradeOpen = signal(false);
  protected readonly tradeValue = signal('');
  protected readonly tradePayoff = signal('');
  protected readonly tradeValueCents = computed(() => centsOfDollars(this.tradeValue()));
  protected readonly tradePayoffCents = computed(() => centsOfDollars(this.tradePayoff()));

  private readonly trade = computed((): TradeFigures | null => {
    const valueCents = this.tradeValueCents() ?? 0;
    const payoffCents = this.tradePayoffCents() ?? 0;
    return valueCents > 0 || payoffCents > 0 ? { valueCents, payoffCents } : null;
  });

  protected readonly quoted = computed(() =>
    estimate(this.vehicle(), this.structure(), this.trade(), this.terms()),
  );
  protected readonly buyPath = computed(() => `${vehiclePath(this.vehicle())}/buy`);
  protected readonly buyParams = computed(() => structureParams(this.structure()));

  private readonly analytics = inject(ShopperAnalytics);
  private counted = false;

  protected choose(structure: DealStructure): void {
    this.chosen.set(structure);
    this.used();
  }

  /** The calculator's first change on this car's page (later changes are the same use). */
  protected used(): void {
    if (this.counted) return;
    this.counted = true;
    this.analytics.calculatorUse(this.vehicle().id, this.structure().kind);
  }
}
