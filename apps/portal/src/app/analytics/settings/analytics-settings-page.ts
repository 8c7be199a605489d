import { Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { filter } from 'rxjs';
import { ActiveDealership } from '../../core/active-dealership';
import { Permissions } from '../../core/permissions';
import { AnalyticsSettingsForm } from './analytics-settings-form';
import { SourceCostsEditor } from './source-costs-editor';

/**
 * `/analytics/settings` (analytics:configure): the first-response target, how the website counts
 * shoppers (consent, sample rate), and what each lead source cost per month. Each part loads and
 * saves on its own.
 */
@Component({
  selector: 'sr-analytics-settings-page',
  imports: [AnalyticsSettingsForm, MatButtonModule, MatIconModule, RouterLink, SourceCostsEditor],
  template: `
    <a matButton routerLink="/analytics" class="back" data-testid="back-to-analytics">
      <mat-icon svgIcon="arrow-back" />
      Analytics
    </a>
    <header class="page-header">
      <div>
        <h1 class="page-title">Analytics settings</h1>
        <p class="page-subtitle">What {{ dealershipName() }}'s dashboard measures against</p>
      </div>
    </header>
    <sr-analytics-settings-form />
    <sr-source-costs-editor />
  `,
  styles: `
    @use 'page';

    :host {
      display: grid;
      gap: 16px;
      max-width: 760px;
    }
    @include page.list-header;
    @include page.back-link;
  `,
})
export class AnalyticsSettingsPage {
  private readonly activeDealership = inject(ActiveDealership);
  private readonly permissions = inject(Permissions);
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? 'the dealership',
  );

  constructor() {
    // Switched to a rooftop where the dealer may not configure analytics: back to its dashboard.
    const router = inject(Router);
    toObservable(this.activeDealership.id)
      .pipe(
        filter((id) => id !== null && !this.permissions.can('analytics:configure')),
        takeUntilDestroyed(),
      )
      .subscribe(() => void router.navigateByUrl('/analytics'));
  }
}
