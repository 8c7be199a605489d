import { roleHasPermission, type ReportQuery } from '@showroom/contracts';
import { problems, type Tenant } from '@showroom/server-kit';

/** Whose figures a report shows: which rooftops, and one salesperson's or everyone's. */
export interface ReportAudience {
  /** The active dealership first, then the group's other rooftops (sorted) for `scope=group`. */
  dealershipIds: string[];
  /** Set when the figures are one salesperson's (always, for someone who may not read everyone's). */
  salespersonId: string | null;
}

const READ_ALL = 'analytics:read-all';

/**
 * Applies the roles to a query. Someone without analytics:read-all (a salesperson) sees only their
 * own figures at the dealership they act for: asking for the group or for someone else is refused,
 * not quietly narrowed, so a dashboard never shows a figure under a label it is not. Managers,
 * owners and viewers see everyone's, narrowed to one salesperson when they ask, and the group means
 * every rooftop where their role lets them read everyone's (never a dealership they are not in).
 */
export function audienceOf(
  tenant: Tenant,
  query: Pick<ReportQuery, 'scope' | 'salespersonId'>,
): ReportAudience {
  const readsAll = roleHasPermission(tenant.role, READ_ALL);
  if (!readsAll) {
    if (query.scope === 'group') {
      throw problems.forbidden(
        `Your role (${tenant.role}) shows your own figures only: the group view needs ${READ_ALL}.`,
      );
    }
    const own = tenant.principal.userId;
    if (query.salespersonId !== undefined && query.salespersonId !== own) {
      throw problems.forbidden(
        `Your role (${tenant.role}) shows your own figures only, not another salesperson’s.`,
      );
    }
    return { dealershipIds: [tenant.dealershipId], salespersonId: own };
  }
  const group =
    query.scope === 'group'
      ? tenant.principal.memberships
          .filter((m) => m.dealershipId !== tenant.dealershipId && roleHasPermission(m.role, READ_ALL))
          .map((m) => m.dealershipId)
      : [];
  return {
    dealershipIds: [tenant.dealershipId, ...[...new Set(group)].sort()],
    salespersonId: query.salespersonId ?? null,
  };
}
