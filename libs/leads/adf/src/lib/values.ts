const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO-8601 date or date-time as ISO-8601 UTC (`2026-11-20T13:30:00.000Z`). A value without a
 * zone is read as UTC: guessing the provider's zone would be worse. Anything else — US-style
 * `11/20/2026`, impossible dates like `2026-02-30` — gives `null`.
 */
export function toIsoUtc(text: string | null): string | null {
  const match = text === null ? null : ISO_8601.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(local).getUTCDate() !== day) return null;
  return new Date(local - zoneOffsetMinutes(zone) * 60_000).toISOString();
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

const MONEY = /^(\d{1,13})(?:\.(\d+))?$/;

/**
 * ADF prices are dollars (`24995`, `24,995.50`, `$24,995`); money is kept in integer cents.
 * Computed on the digits, not through floating point, and rounded half up to the cent.
 */
export function dollarsToCents(text: string | null): number | null {
  if (text === null) return null;
  const cleaned = text.replace(/^\s*(?:USD|US\$|\$)\s*/i, '').replace(/\s*USD\s*$/i, '');
  const match = MONEY.exec(stripThousands(cleaned));
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const cents = Number(match[1]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** A whole number (`30211`, `30,211`, `30211.4` rounded); `null` for anything else. */
export function toWholeNumber(text: string | null): number | null {
  if (text === null) return null;
  const cleaned = stripThousands(text.trim());
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const value = Math.round(Number(cleaned));
  return Number.isSafeInteger(value) ? value : null;
}

/** A model year: four digits. */
export function toYear(text: string | null): number | null {
  return text !== null && /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

function stripThousands(text: string): string {
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text) ? text.replaceAll(',', '') : text;
}
