import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { DealLeadSummary } from '@showroom/contracts';
import { CentsPipe } from '../../deals/shared/cents.pipe';
import { DealStatusChip } from '../../deals/shared/deal-chips';
import { DEAL_KIND_LABELS, formatBps, RESERVATION_STATUS_LABELS } from '../../deals/shared/deal-labels';

/** The online deal a lead came with (no credit data, only whether there is an application), linking to its desk. */
@Component({
  selector: 'sr-lead-deal-card',
  imports: [CentsPipe, DealStatusChip, MatButtonModule, MatIconModule, RouterLink],
  template: `
    @let d = deal();
    <div class="head">
      <span data-testid="lead-deal-kind">{{ kindLabels[d.kind] }}</span>
      <sr-deal-status-chip [status]="d.status" />
    </div>
    <dl class="facts">
      <dt>Price</dt>
      <dd>{{ d.sellingPriceCents | cents }}</dd>
      @if (d.monthlyPaymentCents !== null) {
        <dt>Monthly</dt>
        <dd data-testid="lead-deal-monthly">
          {{ d.monthlyPaymentCents | cents }}{{ d.termMonths ? ' × ' + d.termMonths + ' mo' : '' }}
          {{ d.aprBps !== null ? '· ' + rate(d.aprBps) : '' }}
        </dd>
      }
      <dt>Down</dt>
      <dd>{{ d.downPaymentCents | cents }}</dd>
      <dt>Due at signing</dt>
      <dd>{{ d.dueAtSigningCents | cents }}</dd>
      @if (d.tradeValueCents !== null) {
        <dt>Trade</dt>
        <dd>{{ d.tradeValueCents | cents }} (payoff {{ d.tradePayoffCents ?? 0 | cents }})</dd>
      }
      @if (d.products.length > 0) {
        <dt>Products</dt>
        <dd>{{ d.products.join(', ') }}</dd>
      }
      <dt>Credit app</dt>
      <dd data-testid="lead-deal-credit">
        {{
          d.creditApplication === 'none'
            ? 'None'
            : d.creditApplication === 'received'
              ? 'Received'
              : 'Deleted'
        }}
      </dd>
      @if (d.reservationStatus) {
        <dt>Reservation</dt>
        <dd>
          {{ reservationLabels[d.reservationStatus]
          }}{{ d.depositCents ? ' · ' + (d.depositCents | cents) : '' }}
        </dd>
      }
    </dl>
    @if (canOpen()) {
      <a matButton="tonal" data-testid="lead-deal-link" [routerLink]="['/deals', d.dealId]">
        Open the deal desk
        <mat-icon svgIcon="arrow-forward" iconPositionEnd />
      </a>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      font: var(--mat-sys-title-small);
    }
    .facts {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 2px 12px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    a {
      justify-self: start;
    }
  `,
})
export class LeadDealCard {
  readonly deal = input.required<DealLeadSummary>();
  /** deals:read: the desk is theirs to open. */
  readonly canOpen = input(false);
  protected readonly kindLabels = DEAL_KIND_LABELS;
  protected readonly reservationLabels = RESERVATION_STATUS_LABELS;
  protected readonly rate = formatBps;
}
