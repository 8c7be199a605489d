import { Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import { filter } from 'rxjs';
import { ActiveDealership } from '../core/active-dealership';
import { Permissions } from '../core/permissions';
import { ProtectionProducts } from './protection-products';
import { RetailTermsForm } from './retail-terms-form';
import { ValuationGridEditor } from './valuation-grid-editor';

/**
 * `/retail-settings` (retail:configure): what the dealership's online deals are computed with — the
 * terms (fees, tax, tiers, residuals, reservation, retention), the protection products, and the trade
 * valuation grid. Each tab loads and saves its own part when it is first shown.
 */
@Component({
  selector: 'sr-retail-settings-page',
  imports: [MatTabsModule, ProtectionProducts, RetailTermsForm, ValuationGridEditor],
  template: `
    <header class="page-header">
      <div>
        <h1 class="page-title">Retail settings</h1>
        <p class="page-subtitle">How {{ dealershipName() }}'s online deals are priced</p>
      </div>
    </header>
    <mat-tab-group
      mat-stretch-tabs="false"
      mat-align-tabs="start"
      animationDuration="0ms"
      data-testid="retail-settings-tabs"
    >
      <mat-tab label="Terms">
        <ng-template matTabContent>
          <sr-retail-terms-form class="tab" />
        </ng-template>
      </mat-tab>
      <mat-tab label="Protection products">
        <ng-template matTabContent>
          <sr-protection-products class="tab" />
        </ng-template>
      </mat-tab>
      <mat-tab label="Valuation grid">
        <ng-template matTabContent>
          <sr-valuation-grid-editor class="tab" />
        </ng-template>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `
    @use 'page';

    :host {
      display: grid;
      gap: 8px;
      max-width: 1040px;
    }
    @include page.list-header;
    .tab {
      padding-top: 16px;
    }
  `,
})
export class RetailSettingsPage {
  private readonly activeDealership = inject(ActiveDealership);
  private readonly permissions = inject(Permissions);
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? 'the dealership',
  );

  constructor() {
    // Switched to a dealership where the dealer may not configure retail: back to the deals or the inventory.
    const router = inject(Router);
    toObservable(this.activeDealership.id)
      .pipe(
        filter((id) => id !== null && !this.permissions.can('retail:configure')),
        takeUntilDestroyed(),
      )
      .subscribe(
        () => void router.navigateByUrl(this.permissions.can('deals:read') ? '/deals' : '/inventory'),
      );
  }
}
