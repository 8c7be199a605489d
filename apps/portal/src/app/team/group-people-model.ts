import type { GroupPeople, GroupPerson, MemberStatus, Role } from '@showroom/contracts';
import { roleLabel } from '../core/labels';
import { MEMBER_STATUS_LABELS } from './team-model';

/**
 * The group owner's view of everyone across the group's rooftops (`/team/group`): one row per person,
 * one cell per rooftop. A change is made on the person's page at one rooftop, which acts for the
 * active dealership: a cell's link names its rooftop (`?dealership=`, see `dealershipFromUrl`), and
 * opening it switches there first.
 */

export interface RooftopRef {
  id: string;
  name: string;
}

/** A person at one rooftop: their role and status there, or null where they do not work. */
export interface GroupCell {
  rooftop: RooftopRef;
  membership: { role: Role; status: MemberStatus } | null;
}

export interface GroupRow {
  person: GroupPerson;
  /** By rooftop id, for every rooftop of the group. */
  cells: Readonly<Record<string, GroupCell>>;
}

/** The rows in the service's order (by name), each with a cell for every rooftop of the group. */
export function groupRows(group: GroupPeople): GroupRow[] {
  return group.people.map((person) => {
    const cells: Record<string, GroupCell> = {};
    for (const rooftop of group.rooftops) {
      const membership = person.memberships.find((m) => m.dealershipId === rooftop.id);
      cells[rooftop.id] = {
        rooftop,
        membership: membership ? { role: membership.role, status: membership.status } : null,
      };
    }
    return { person, cells };
  });
}

/** What a cell says to a screen reader: "Sam Seller at Southside Toyota: Viewer, deactivated". */
export function cellDescription(person: GroupPerson, cell: GroupCell): string {
  const where = `${person.name} at ${cell.rooftop.name}`;
  if (!cell.membership) return `${where}: does not work there`;
  const { role, status } = cell.membership;
  return `${where}: ${roleLabel(role)}, ${MEMBER_STATUS_LABELS[status].toLowerCase()}`;
}

/** "Demo Motor Group · 2 rooftops · 4 people". */
export function groupSummary(group: GroupPeople): string {
  const rooftops = group.rooftops.length;
  const people = group.people.length;
  return [
    group.groupName,
    `${rooftops} ${rooftops === 1 ? 'rooftop' : 'rooftops'}`,
    `${people} ${people === 1 ? 'person' : 'people'}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
