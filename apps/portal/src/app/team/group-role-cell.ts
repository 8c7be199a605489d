import { Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GroupPerson } from '@showroom/contracts';
import { DEALERSHIP_PARAM } from '../core/dealership-from-url';
import { roleLabel } from '../core/labels';
import { cellDescription, type GroupCell } from './group-people-model';
import { MemberStatusChip } from './team-chips';

/**
 * A person's role and status at one rooftop of the group, as a link to their page there: the link
 * names the rooftop, and following it makes that rooftop the active dealership (`dealershipFromUrl`),
 * in this tab or a new one. "—" where they do not work.
 */
@Component({
  selector: 'sr-group-role-cell',
  imports: [MemberStatusChip, RouterLink],
  template: `
    @if (cell().membership; as membership) {
      @if (reachable()) {
        <a
          class="role role--link"
          data-testid="group-role-link"
          [class.role--deactivated]="membership.status === 'deactivated'"
          [routerLink]="['/team', person().id]"
          [queryParams]="queryParams()"
          [attr.aria-label]="description()"
          (click)="clicked($event)"
        >
          <span class="role__name" data-testid="group-role">{{ roleLabel(membership.role) }}</span>
          <sr-member-status-chip [status]="membership.status" />
        </a>
      } @else {
        <!-- The session does not know the dealer works there yet (a rooftop added since): no link that
             would open the person in the wrong dealership. -->
        <span
          class="role"
          data-testid="group-role-unreachable"
          [attr.title]="'Sign in again to work in ' + cell().rooftop.name + ' and open this page there'"
        >
          <span class="role__name" data-testid="group-role">{{ roleLabel(membership.role) }}</span>
          <sr-member-status-chip [status]="membership.status" />
        </span>
      }
    } @else {
      <span class="none" data-testid="group-role-none"
        ><span aria-hidden="true">—</span><span class="cdk-visually-hidden">{{ description() }}</span></span
      >
    }
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .role {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
      min-height: 40px;
    }
    .role--link {
      color: var(--mat-sys-primary);
      font-weight: 500;
      text-decoration: none;
      border-radius: 8px;
    }
    .role--link:hover .role__name,
    .role--link:focus-visible .role__name {
      text-decoration: underline;
    }
    .role--link:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .role--deactivated .role__name {
      color: var(--mat-sys-on-surface-variant);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GroupRoleCell {
  readonly person = input.required<GroupPerson>();
  readonly cell = input.required<GroupCell>();
  /** Whether the dealer works at the cell's rooftop (they can switch to it). */
  readonly reachable = input(true);
  /** Followed in this tab (a plain click): the page says which dealership the dealer now works in. */
  readonly followed = output<GroupCell>();

  protected readonly description = computed(() => cellDescription(this.person(), this.cell()));
  protected readonly queryParams = computed(() => ({ [DEALERSHIP_PARAM]: this.cell().rooftop.id }));
  protected readonly roleLabel = roleLabel;

  protected clicked(event: MouseEvent): void {
    if (event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
      this.followed.emit(this.cell());
    }
  }
}
