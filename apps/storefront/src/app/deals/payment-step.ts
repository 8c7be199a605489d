import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { DealStructure } from '@showroom/contracts';
import { RetailApi } from '../data/retail-api';
import { estimate } from '../retail/deal-structure';
import { QuoteSummary } from '../retail/quote-summary';
import { refusalOf } from '../retail/refusals';
import { DEAL_KIND_LABELS } from '../retail/retail-copy';
import { StructureFields } from '../retail/structure-fields';
import { SITE } from '../site/site';
import { DealSession } from './deal-session';
import { tradeFiguresOf } from './deal-figures';

/** The payment card: the current offer's figures; while the deal is a draft, the structure can change. */
@Component({
  selector: 'sf-payment-step',
  imports: [StructureFields, QuoteSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.deal(); as deal) {
      <h2 id="step-payment">Payment</h2>
      @if (draft(); as structure) {
        <form novalidate (submit)="save($event)" aria-labelledby="step-payment">
          @if (session.terms(); as terms) {
            <sf-structure-fields
              [retailTerms]="terms"
              [structure]="structure"
              (structureChange)="draft.set($event)"
              [disabled]="saving()"
            />
            <sf-quote-summary
              [quote]="preview()?.quote ?? null"
              [problem]="preview()?.problem ?? null"
              [disclosure]="terms.disclosure"
            />
          }
          <div aria-live="assertive">
            @if (error(); as message) {
              <p class="sf-alert">{{ message }}</p>
            }
          </div>
          <p class="actions">
            <button
              type="submit"
              class="sf-button"
              [disabled]="saving() || !preview()?.quote"
              data-testid="save-payment"
            >
              {{ saving() ? 'Saving…' : 'Save this payment' }}
            </button>
            <button type="button" class="sf-button secondary" (click)="draft.set(null)">Cancel</button>
          </p>
        </form>
      } @else {
        <p class="what">
          {{ kindLabels[deal.offer.structure.kind] }}
          @if (deal.offer.by === 'dealer') {
            · <strong>the dealership’s offer</strong>
          }
        </p>
        <sf-quote-summary [quote]="deal.offer.quote" />
        @if (session.editable() && session.terms()) {
          <button type="button" class="sf-button secondary" (click)="edit()" data-testid="change-payment">
            Change my payment
          </button>
        }
      }
    }
  `,
  styleUrl: './deal-steps.scss',
})
export class PaymentStep {
  protected readonly session = inject(DealSession);
  private readonly retail = inject(RetailApi);
  private readonly site = inject(SITE);

  protected readonly kindLabels = DEAL_KIND_LABELS;
  /** The structure being changed; null when only showing the offer. */
  protected readonly draft = signal<DealStructure | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  /** Recomputed in the browser on every change, as the vehicle page does. */
  protected readonly preview = computed(() => {
    const deal = this.session.deal();
    const terms = this.session.terms();
    const structure = this.draft();
    return deal && terms && structure
      ? estimate(deal.vehicle, structure, tradeFiguresOf(deal), terms, deal.offer.adjustments)
      : null;
  });

  protected edit(): void {
    const deal = this.session.deal();
    if (deal) this.draft.set({ ...deal.offer.structure });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const structure = this.draft();
    if (!structure || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.retail.changeStructure(this.session.dealId(), this.session.token(), structure).subscribe({
      next: (deal) => {
        this.session.replace(deal);
        this.saving.set(false);
        this.draft.set(null);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const refusal = refusalOf(error, () => null, this.site);
        this.error.set(refusal.general);
      },
    });
  }
}
