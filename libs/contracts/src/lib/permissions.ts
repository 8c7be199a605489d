import type { Role } from './identity';

export const PERMISSIONS = [
  'inventory:read',
  'inventory:write',
  'inventory:delete',
  'team:read',
  'team:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who may do what. Services enforce this; the portal only uses it to hide what would be refused. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  manager: ['inventory:read', 'inventory:write', 'inventory:delete', 'team:read', 'team:manage'],
  sales: ['inventory:read', 'inventory:write', 'team:read'],
  viewer: ['inventory:read', 'team:read'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
