import { roleHasPermission } from '@showroom/contracts';
import type { Tenant } from '@showroom/server-kit';

/** Whose leads a caller may see: every lead of the dealership, or only those assigned to them. */
export interface LeadViewer {
  dealershipId: string;
  userId: string;
  name: string;
  seesAll: boolean;
  canAssign: boolean;
}

export function leadViewerOf(tenant: Tenant): LeadViewer {
  return {
    dealershipId: tenant.dealershipId,
    userId: tenant.principal.userId,
    name: tenant.principal.name ?? tenant.principal.email ?? tenant.principal.userId,
    seesAll: roleHasPermission(tenant.role, 'leads:read-all'),
    canAssign: roleHasPermission(tenant.role, 'leads:assign'),
  };
}
