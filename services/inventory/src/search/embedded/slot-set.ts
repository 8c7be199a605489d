/**
 * A set of a dealership index's slots as a bit set (32 slots per word). Filters, text matches and
 * the vehicles holding each facet value are all slot sets, so a search combines them a word at a
 * time instead of checking vehicles one by one. Sets grow as slots are added; a set shorter than
 * another simply holds none of the slots beyond its end.
 */
export class SlotSet {
  private bits: Uint32Array;

  constructor(capacity = 0) {
    this.bits = new Uint32Array(wordsFor(capacity));
  }

  /** The raw words, for the tight loops of a search; valid until the set next grows. */
  get words(): Uint32Array {
    return this.bits;
  }

  add(slot: number): void {
    const at = slot >>> 5;
    if (at >= this.bits.length) this.grow(at + 1);
    this.bits[at] = (this.bits[at] as number) | (1 << (slot & 31));
  }

  addAll(slots: readonly number[]): void {
    for (let i = 0; i < slots.length; i++) this.add(slots[i] as number);
  }

  delete(slot: number): void {
    const at = slot >>> 5;
    if (at < this.bits.length) this.bits[at] = (this.bits[at] as number) & ~(1 << (slot & 31));
  }

  has(slot: number): boolean {
    return ((this.bits[slot >>> 5] ?? 0) & (1 << (slot & 31))) !== 0;
  }

  /** Empties the set and makes room for `capacity` slots, keeping its memory when that is enough. */
  reset(capacity: number): void {
    const words = wordsFor(capacity);
    if (words > this.bits.length) this.bits = new Uint32Array(words);
    else this.bits.fill(0);
  }

  copyFrom(other: SlotSet): void {
    const from = other.bits;
    if (from.length > this.bits.length) this.bits = new Uint32Array(from.length);
    this.bits.set(from);
    this.bits.fill(0, from.length);
  }

  unionWith(other: SlotSet): void {
    const from = other.bits;
    if (from.length > this.bits.length) this.grow(from.length);
    const bits = this.bits;
    for (let i = 0; i < from.length; i++) bits[i] = (bits[i] as number) | (from[i] as number);
  }

  intersectWith(other: SlotSet): void {
    const from = other.bits;
    const bits = this.bits;
    const shared = Math.min(bits.length, from.length);
    for (let i = 0; i < shared; i++) bits[i] = (bits[i] as number) & (from[i] as number);
    bits.fill(0, shared);
  }

  /** Keeps only the slots `other` does not hold. */
  subtract(other: SlotSet): void {
    const from = other.bits;
    const bits = this.bits;
    const shared = Math.min(bits.length, from.length);
    for (let i = 0; i < shared; i++) bits[i] = (bits[i] as number) & ~(from[i] as number);
  }

  forEach(visit: (slot: number) => void): void {
    const bits = this.bits;
    for (let i = 0; i < bits.length; i++) {
      let word = bits[i] as number;
      while (word !== 0) {
        const lowest = word & -word;
        visit((i << 5) + 31 - Math.clz32(lowest));
        word ^= lowest;
      }
    }
  }

  private grow(words: number): void {
    const grown = new Uint32Array(Math.max(words, this.bits.length * 2));
    grown.set(this.bits);
    this.bits = grown;
  }
}

function wordsFor(capacity: number): number {
  return (capacity + 31) >>> 5;
}

/**
 * Slot sets a search borrows and gives back all at once when the next search starts (searches are
 * synchronous), so matching the words of a text allocates no bit sets once warm.
 */
export class SlotSetPool {
  private readonly sets: SlotSet[] = [];
  private used = 0;

  releaseAll(): void {
    this.used = 0;
  }

  /** An empty set with room for `capacity` slots, valid until `releaseAll`. */
  take(capacity: number): SlotSet {
    let set = this.sets[this.used];
    if (set) set.reset(capacity);
    else this.sets.push((set = new SlotSet(capacity)));
    this.used++;
    return set;
  }
}
