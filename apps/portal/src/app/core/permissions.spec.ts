import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, UrlTree } from '@angular/router';
import type { Role } from '@showroom/contracts';
import { of } from 'rxjs';
import { UsersApi } from '../api/users-api';
import { me, membership, NORTH, SOUTH } from '../../testing/fixtures';
import { ActiveDealership } from './active-dealership';
import { Permissions, requirePermission } from './permissions';

describe('Permissions', () => {
  beforeEach(() => localStorage.clear());

  it.each<[Role, boolean, boolean]>([
    ['owner', true, true],
    ['manager', true, true],
    ['sales', true, false],
    ['viewer', false, false],
  ])('a %s may write: %s, may delete and syndicate: %s', (role, write, remove) => {
    TestBed.inject(ActiveDealership).setMemberships([membership(NORTH, role)]);
    const permissions = TestBed.inject(Permissions);
    expect(permissions.can('inventory:write')).toBe(write);
    expect(permissions.can('inventory:delete')).toBe(remove);
    // The feeds' settings and secret addresses are the owners' and managers'.
    expect(permissions.can('inventory:syndicate')).toBe(remove);
    expect(permissions.can('inventory:read')).toBe(true);
  });

  it('follows the role of the active dealership when the dealer switches', () => {
    const active = TestBed.inject(ActiveDealership);
    active.setMemberships([membership(NORTH, 'owner'), membership(SOUTH, 'viewer')]);
    const permissions = TestBed.inject(Permissions);
    expect(permissions.can('inventory:delete')).toBe(true);
    active.select(SOUTH);
    expect(permissions.can('inventory:write')).toBe(false);
  });

  it('allows nothing before the memberships are known', () => {
    expect(TestBed.inject(Permissions).can('inventory:read')).toBe(false);
  });
});

describe('requirePermission', () => {
  function guardFor(role: Role) {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: UsersApi, useValue: { me: () => of(me([membership(NORTH, role)])) } },
      ],
    });
    return TestBed.runInInjectionContext(() =>
      requirePermission('inventory:write')({} as never, {} as never),
    );
  }

  beforeEach(() => localStorage.clear());

  it('when a viewer opens "add vehicle", then they are sent to the inventory list', async () => {
    const result = await guardFor('viewer');
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/inventory');
  });

  it('lets a salesperson in', async () => {
    expect(await guardFor('sales')).toBe(true);
  });
});
