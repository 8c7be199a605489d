import { inject, Injectable } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Permission, roleHasPermission } from '@showroom/contracts';
import { ActiveDealership } from './active-dealership';
import { Session } from './session';

/**
 * What the dealer may do in the active dealership. The services enforce the rules; the portal only
 * uses this to leave out what would be refused. Reads signals, so templates and computeds update
 * when the dealer switches dealership.
 */
@Injectable({ providedIn: 'root' })
export class Permissions {
  private readonly activeDealership = inject(ActiveDealership);

  can(permission: Permission): boolean {
    const role = this.activeDealership.role();
    return role !== null && roleHasPermission(role, permission);
  }
}

/** Keeps dealers off screens whose only purpose they may not use (a viewer on "add vehicle"). */
export function requirePermission(permission: Permission, otherwise = '/inventory'): CanActivateFn {
  return async () => {
    // inject() only works before the first await.
    const session = inject(Session);
    const permissions = inject(Permissions);
    const router = inject(Router);
    await session.load();
    return permissions.can(permission) || router.parseUrl(otherwise);
  };
}
