import type { Role } from '@showroom/contracts';

const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Manager',
  finance: 'Finance manager',
  sales: 'Sales',
  viewer: 'Viewer',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** "Jane Q. Dealer" → "JD"; falls back to the e-mail's first letter. */
export function initialsOf(name: string, email = ''): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return (email[0] ?? '?').toUpperCase();
  const first = words[0][0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1][0] ?? '') : '';
  return (first + last).toUpperCase();
}
