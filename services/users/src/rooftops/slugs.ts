import type { Kysely } from 'kysely';
import type { UsersDatabase } from '../database';

/** A DNS label (the slug names the platform host): at most 63 characters; room is left for "-99". */
const MAX_BASE = 56;

/** "Demo Motors – Östside" → "demo-motors-ostside". */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_BASE)
    .replace(/^-+|-+$/g, '');
  return slug || 'rooftop';
}

/** The name's slug, or the first of slug-2, slug-3 … that no dealership has. */
export async function unusedSlug(db: Kysely<UsersDatabase>, name: string): Promise<string> {
  const base = slugOf(name);
  const rows = await db
    .selectFrom('dealerships')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  const used = new Set(rows.map((row) => row.slug));
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}
