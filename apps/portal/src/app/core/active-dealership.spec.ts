import { TestBed } from '@angular/core/testing';
import type { Membership } from '@showroom/contracts';
import { membership, NORTH, SOUTH } from '../../testing/fixtures';
import { ActiveDealership } from './active-dealership';

const GROUP = '5b0d6f3e-1c1a-4d47-9a55-0a1d2b3c4d01';
const WEST = '6f1c7d7e-6c0e-4f43-9d64-2d8f0d1a0a03';

function inGroup(m: Membership, groupId = GROUP): Membership {
  return {
    ...m,
    dealership: { ...m.dealership, dealerGroupId: groupId, dealerGroupName: 'Demo Motor Group' },
  };
}

describe('ActiveDealership.group', () => {
  beforeEach(() => localStorage.clear());

  function working(memberships: Membership[]): ActiveDealership {
    const active = TestBed.inject(ActiveDealership);
    active.setMemberships(memberships);
    return active;
  }

  it('is the active rooftop’s group when the dealer works at two of its rooftops', () => {
    const active = working([inGroup(membership(NORTH, 'owner')), inGroup(membership(SOUTH, 'sales'))]);
    expect(active.group()).toEqual({ id: GROUP, name: 'Demo Motor Group' });
  });

  it('is null for a dealer of one rooftop of a group, or of rooftops of different groups', () => {
    expect(working([inGroup(membership(NORTH, 'owner'))]).group()).toBeNull();
    const apart = working([inGroup(membership(NORTH, 'owner')), inGroup(membership(SOUTH, 'owner'), WEST)]);
    expect(apart.group()).toBeNull();
  });

  it('follows the active rooftop: a dealership outside any group offers no group search', () => {
    const active = working([
      inGroup(membership(NORTH, 'owner')),
      inGroup(membership(SOUTH, 'owner')),
      membership(WEST, 'owner'),
    ]);
    active.select(WEST);
    expect(active.group()).toBeNull();
    active.select(SOUTH);
    expect(active.group()?.id).toBe(GROUP);
  });
});
