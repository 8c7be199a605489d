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

/** The slug itself, or the first of slug-2, slug-3 … not among those already used. */
export function unusedSlug(base: string, used: ReadonlySet<string>): string {
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}
