import { computed, inject, type Signal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { TeamMember } from '@showroom/contracts';
import { catchError, map, of, switchMap } from 'rxjs';
import { TeamApi } from '../../api/team-api';
import { ActiveDealership } from '../../core/active-dealership';

/**
 * The active dealership's team, read while `needed` (a manager's pickers; a salesperson has none)
 * and again when the dealer switches dealership. Empty when it cannot be read: pickers then offer
 * nobody rather than failing the page. Call in an injection context.
 */
export function teamOfActiveDealership(
  needed: Signal<boolean> = signal(true),
): Signal<readonly TeamMember[] | null> {
  const teamApi = inject(TeamApi);
  const dealershipId = inject(ActiveDealership).id;
  const wanted = computed(() => (needed() ? dealershipId() : null));
  return toSignal(
    toObservable(wanted).pipe(
      switchMap((id) =>
        id === null
          ? of(null)
          : teamApi.team().pipe(
              map((team) => team.items),
              catchError(() => of([])),
            ),
      ),
    ),
    { initialValue: null },
  );
}

/** Only salespeople take leads; the available ones first, then by name. */
export function assignableMembers(team: readonly TeamMember[] | null): TeamMember[] {
  return (team ?? [])
    .filter((member) => member.role === 'sales')
    .sort((a, b) => Number(b.available) - Number(a.available) || a.name.localeCompare(b.name));
}
