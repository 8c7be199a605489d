import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { DealKind, DealStructure } from '@showroom/contracts';
import {
  centsOfDollars,
  dollarsOfCents,
  fitStructure,
  kindsOffered,
  termsFor,
  type QuotingTerms,
} from './deal-structure';
import { DEAL_KIND_LABELS } from './retail-copy';

let nextId = 0;

/**
 * How the shopper pays: finance, lease or cash, the down payment, the term and the credit tier
 * (the dealership's own labels). Each change gives a structure fitted to the dealership's terms.
 */
@Component({
  selector: 'sf-structure-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = structure();
    <fieldset class="kinds">
      <legend>How would you like to pay?</legend>
      @for (kind of kinds(); track kind) {
        <label class="kind" [class.chosen]="s.kind === kind">
          <input
            type="radio"
            [name]="id + '-kind'"
            [value]="kind"
            [checked]="s.kind === kind"
            [disabled]="disabled()"
            (change)="setKind(kind)"
          />
          {{ kindLabels[kind] }}
        </label>
      }
    </fieldset>
    <div class="sf-field">
      <label [for]="id + '-down'">{{ s.kind === 'cash' ? 'Paying now' : 'Down payment' }} ($)</label>
      <input
        [id]="id + '-down'"
        name="downPayment"
        inputmode="decimal"
        autocomplete="off"
        maxlength="14"
        [value]="downText()"
        [disabled]="disabled()"
        (input)="setDown($event)"
        [attr.aria-invalid]="downError() ? 'true' : null"
        [attr.aria-describedby]="downError() ? id + '-down-error' : null"
      />
      @if (downError(); as error) {
        <span class="error" [id]="id + '-down-error'">{{ error }}</span>
      }
    </div>
    @if (s.kind !== 'cash') {
      <div class="pair">
        <div class="sf-field">
          <label [for]="id + '-term'">Term</label>
          <select [id]="id + '-term'" name="termMonths" [disabled]="disabled()" (change)="setTerm($event)">
            @for (months of terms(); track months) {
              <option [value]="months" [selected]="s.termMonths === months">{{ months }} months</option>
            }
          </select>
        </div>
        <div class="sf-field">
          <label [for]="id + '-tier'">Your credit</label>
          <select [id]="id + '-tier'" name="creditTier" [disabled]="disabled()" (change)="setTier($event)">
            @for (tier of retailTerms().creditTiers; track tier.tier) {
              <option [value]="tier.tier" [selected]="s.creditTier === tier.tier">{{ tier.label }}</option>
            }
          </select>
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .kinds {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.5rem;
      padding: 0;
    }
    .kind {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-height: 44px;
      padding: 0.25rem 0.9rem;
      border: 1px solid #6b7480;
      border-radius: 6px;
      cursor: pointer;
    }
    .kind.chosen {
      border: 2px solid var(--sf-brand);
      font-weight: 600;
    }
    .pair {
      display: grid;
      gap: 0 1rem;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    }
  `,
})
export class StructureFields {
  readonly retailTerms = input.required<QuotingTerms>();
  readonly structure = input.required<DealStructure>();
  /** Each change, already fitted to the terms. */
  readonly structureChange = output<DealStructure>();
  readonly disabled = input(false);

  protected readonly id = `sf${nextId++}`;
  protected readonly kindLabels = DEAL_KIND_LABELS;
  protected readonly kinds = computed(() => kindsOffered(this.retailTerms()));
  protected readonly terms = computed(() => termsFor(this.structure().kind, this.retailTerms()));

  /** What the shopper typed, shown as typed (a wrong amount keeps the structure's last good one). */
  private readonly typedDown = signal<string | null>(null);
  protected readonly downText = computed(
    () => this.typedDown() ?? dollarsOfCents(this.structure().downPaymentCents),
  );
  protected readonly downError = computed(() => {
    const typed = this.typedDown();
    return typed !== null && centsOfDollars(typed) === null ? 'Enter an amount in dollars, e.g. 2500.' : null;
  });

  protected setKind(kind: DealKind): void {
    this.change({ kind });
  }

  protected setDown(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const cents = centsOfDollars(text);
    this.typedDown.set(text);
    if (cents !== null) this.change({ downPaymentCents: cents });
  }

  protected setTerm(event: Event): void {
    this.change({ termMonths: Number((event.target as HTMLSelectElement).value) });
  }

  protected setTier(event: Event): void {
    const tier = this.retailTerms().creditTiers.find(
      (t) => t.tier === (event.target as HTMLSelectElement).value,
    );
    if (tier) this.change({ creditTier: tier.tier });
  }

  private change(part: Partial<DealStructure>): void {
    this.structureChange.emit(fitStructure({ ...this.structure(), ...part }, this.retailTerms()));
  }
}
