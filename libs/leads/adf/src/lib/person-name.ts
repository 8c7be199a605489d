import { keyword, textOf, type XmlNode } from './xml-node';

export interface PersonName {
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
}

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v']);
const SURNAME_PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'di',
  'da',
  'du',
  'la',
  'le',
  'van',
  'von',
  'st.',
]);

/**
 * Reads `<name part="first|middle|last|suffix|full">` elements; a name without `part` counts as
 * `full`. When there is no first or last part, the full name is split.
 */
export function readPersonName(names: readonly XmlNode[]): PersonName {
  const parts = new Map<string, string>();
  for (const name of names) {
    const text = textOf(name);
    const part = keyword(name, 'part') ?? 'full';
    if (text !== null && !parts.has(part)) parts.set(part, text);
  }
  const first = parts.get('first') ?? null;
  const last = parts.get('last') ?? null;
  const full = parts.get('full') ?? null;
  if (first !== null || last !== null) {
    const joined = [first, parts.get('middle'), last, parts.get('suffix')].filter(Boolean).join(' ');
    return { firstName: first, lastName: last, fullName: full ?? joined };
  }
  if (full === null) return { firstName: null, lastName: null, fullName: null };
  return { ...splitFullName(full), fullName: full };
}

/**
 * "Jane Doe" → Jane / Doe; "Doe, Jane" → Jane / Doe; "Juan de la Cruz" → Juan / de la Cruz;
 * "John Smith Jr." → John / Smith Jr.; a single word is a first name.
 */
export function splitFullName(full: string): { firstName: string | null; lastName: string | null } {
  const comma = full.split(',');
  if (comma.length === 2 && !SUFFIXES.has((comma[1] ?? '').trim().toLowerCase())) {
    const [last, first] = comma.map((part) => part.trim());
    return { firstName: first || null, lastName: last || null };
  }
  const words = full.split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? null, lastName: null };
  let lastStart = words.length - 1;
  if (lastStart > 1 && SUFFIXES.has((words[lastStart] ?? '').toLowerCase())) lastStart--;
  while (lastStart > 1 && SURNAME_PARTICLES.has(words[lastStart - 1] ?? '')) lastStart--;
  return { firstName: words.slice(0, lastStart).join(' '), lastName: words.slice(lastStart).join(' ') };
}
