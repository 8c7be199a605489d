import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import type { Membership } from '@showroom/contracts';
import { roleLabel } from '../core/labels';

/** Picks the dealership to work in. Only rendered for dealers with more than one membership. */
@Component({
  selector: 'sr-dealership-switcher',
  imports: [MatButtonModule, MatIconModule, MatMenuModule],
  template: `
    <button
      type="button"
      matButton="outlined"
      class="trigger"
      data-testid="dealership-switcher"
      [matMenuTriggerFor]="dealerships"
      [attr.aria-label]="'Dealership: ' + (active()?.dealership?.name ?? 'none') + '. Switch dealership'"
    >
      <mat-icon svgIcon="store" />
      <span class="trigger__name">{{ active()?.dealership?.name }}</span>
      <span class="trigger__caret" aria-hidden="true">▾</span>
    </button>
    <mat-menu #dealerships="matMenu" xPosition="before">
      @for (membership of memberships(); track membership.dealership.id) {
        <button
          type="button"
          mat-menu-item
          data-testid="dealership-option"
          [attr.aria-current]="membership.dealership.id === activeId() ? 'true' : null"
          (click)="selected.emit(membership.dealership.id)"
        >
          <span class="option">
            <span class="option__name">
              {{ membership.dealership.name }}
              @if (membership.dealership.id === activeId()) {
                <mat-icon svgIcon="check" class="option__check" aria-label="current" />
              }
            </span>
            <span class="option__meta">
              {{ placeOf(membership) }}{{ placeOf(membership) ? ' · ' : '' }}{{ roleLabel(membership.role) }}
            </span>
          </span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    :host {
      display: inline-block;
      min-width: 0;
      max-width: 100%;
    }
    .trigger {
      max-width: 100%;
    }
    .trigger__name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .trigger__caret {
      margin-left: 4px;
    }
    .option {
      display: flex;
      flex-direction: column;
      line-height: 1.3;
      padding: 4px 0;
    }
    .option__name {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .option__check {
      width: 18px;
      height: 18px;
      color: var(--mat-sys-primary);
    }
    .option__meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DealershipSwitcher {
  readonly memberships = input.required<readonly Membership[]>();
  readonly activeId = input.required<string | null>();
  readonly selected = output<string>();

  protected readonly active = computed(
    () => this.memberships().find((m) => m.dealership.id === this.activeId()) ?? null,
  );
  protected readonly roleLabel = roleLabel;

  protected placeOf(membership: Membership): string {
    const { city, region } = membership.dealership;
    return [city, region].filter(Boolean).join(', ');
  }
}
