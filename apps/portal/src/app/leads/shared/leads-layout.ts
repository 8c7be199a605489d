import { Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ActiveDealership } from '../../core/active-dealership';
import { Permissions } from '../../core/permissions';

/**
 * The frame of the inbox, the board and the activity feed: title, the links between them (drawn as
 * tabs; plain links, not Material's tab bar, whose code weighs 74 kB on every leads screen), "New lead"
 * and settings; the page's content is projected below them.
 */
@Component({
  selector: 'sr-leads-layout',
  imports: [MatButtonModule, MatIconModule, RouterLink],
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
    <nav class="tabs" aria-label="Lead views">
      <a
        class="tab"
        routerLink="/leads"
        queryParamsHandling="preserve"
        data-testid="leads-tab-inbox"
        [class.tab--active]="view() === 'inbox'"
        [attr.aria-current]="view() === 'inbox' ? 'page' : null"
        >Inbox</a
      >
      <a
        class="tab"
        routerLink="/leads/board"
        data-testid="leads-tab-board"
        [queryParams]="boardParams()"
        [class.tab--active]="view() === 'board'"
        [attr.aria-current]="view() === 'board' ? 'page' : null"
        >Board</a
      >
      <a
        class="tab"
        routerLink="/leads/activity"
        data-testid="leads-tab-activity"
        [class.tab--active]="view() === 'activity'"
        [attr.aria-current]="view() === 'activity' ? 'page' : null"
        >Activity</a
      >
    </nav>
    <div class="panel">
      <ng-content />
    </div>
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
      display: flex;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .tab {
      display: inline-flex;
      align-items: center;
      height: 44px;
      padding: 0 16px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      border-bottom: 3px solid transparent;
      margin-bottom: -1px;
    }
    .tab:hover {
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface-container-low);
    }
    .tab:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: -2px;
    }
    .tab--active {
      color: var(--mat-sys-primary);
      border-bottom-color: var(--mat-sys-primary);
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
