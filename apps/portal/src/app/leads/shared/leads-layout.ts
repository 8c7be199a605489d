import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { ActiveDealership } from '../../core/active-dealership';
import { Permissions } from '../../core/permissions';

/**
 * The frame of the inbox, the board and the activity feed: title, the tabs between them, "New lead" and settings;
 * the page's content is projected into the tab panel.
 */
@Component({
  selector: 'sr-leads-layout',
  imports: [MatButtonModule, MatIconModule, MatTabsModule, RouterLink],
  template: `
    <header class="page-header">
      <div class="page-header__text">
        <h1 class="page-title">Leads</h1>
        <p class="page-subtitle">{{ dealershipName() }}</p>
      </div>
      <div class="page-header__actions">
        @if (canConfigure()) {
          <a matButton routerLink="/leads/settings" data-testid="leads-settings-link">
            <mat-icon svgIcon="settings" />
            Settings
          </a>
        }
        @if (canWork()) {
          <a matButton="filled" routerLink="/leads/new" data-testid="new-lead">
            <mat-icon svgIcon="add" />
            New lead
          </a>
        }
      </div>
    </header>
    <nav
      mat-tab-nav-bar
      class="tabs"
      mat-stretch-tabs="false"
      mat-align-tabs="start"
      aria-label="Lead views"
      [tabPanel]="panel"
    >
      <a
        mat-tab-link
        routerLink="/leads"
        queryParamsHandling="preserve"
        data-testid="leads-tab-inbox"
        [active]="view() === 'inbox'"
        >Inbox</a
      >
      <a
        mat-tab-link
        routerLink="/leads/board"
        [queryParams]="boardParams()"
        data-testid="leads-tab-board"
        [active]="view() === 'board'"
        >Board</a
      >
      <a
        mat-tab-link
        routerLink="/leads/activity"
        data-testid="leads-tab-activity"
        [active]="view() === 'activity'"
        >Activity</a
      >
    </nav>
    <mat-tab-nav-panel #panel class="panel">
      <ng-content />
    </mat-tab-nav-panel>
  `,
  styles: `
    @use 'page';

    :host {
      display: grid;
      gap: 8px;
    }
    @include page.list-header;
    .page-header__actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .panel {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 16px;
      padding-top: 8px;
    }
    .tabs {
      --mat-tab-container-height: 44px;
      background: transparent;
    }
  `,
})
export class LeadsLayout {
  readonly view = input.required<'inbox' | 'board' | 'activity'>();
  /** The board keeps only the assignee filter of the inbox. */
  readonly assignee = input<string | null>(null);

  private readonly permissions = inject(Permissions);
  private readonly activeDealership = inject(ActiveDealership);
  protected readonly canWork = computed(() => this.permissions.can('leads:work'));
  protected readonly canConfigure = computed(() => this.permissions.can('leads:configure'));
  protected readonly dealershipName = computed(
    () => this.activeDealership.membership()?.dealership.name ?? '',
  );
  protected readonly boardParams = computed(() => (this.assignee() ? { assignee: this.assignee() } : {}));
}
