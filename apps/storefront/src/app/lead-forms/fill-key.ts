/**
 * The Idempotency-Key of one form fill. The same body sent again (a double click, a retry after a
 * lost answer) carries the same key, so the dealership gets one lead; once the shopper changes
 * what they send, it is a new request with a new key (the API refuses an old key with a new body).
 */
export class FillKey {
  private current: { body: string; key: string } | null = null;

  constructor(private readonly newKey: () => string = randomKey) {}

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.current?.body !== text) this.current = { body: text, key: this.newKey() };
    return this.current.key;
  }
}

/** A v4 UUID; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
