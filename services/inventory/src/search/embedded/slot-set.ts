/** A set of a dealership index's slots as a bit set: text matches are combined word by word with it. */
export class SlotSet {
  private readonly bits: Uint32Array;

  constructor(readonly capacity: number) {
    this.bits = new Uint32Array((capacity + 31) >>> 5);
  }

  add(slot: number): void {
    this.bits[slot >>> 5] = (this.bits[slot >>> 5] as number) | (1 << (slot & 31));
  }

  addAll(slots: Iterable<number>): void {
    for (const slot of slots) this.add(slot);
  }

  has(slot: number): boolean {
    return ((this.bits[slot >>> 5] as number) & (1 << (slot & 31))) !== 0;
  }

  unionWith(other: SlotSet): void {
    for (let i = 0; i < this.bits.length; i++)
      this.bits[i] = (this.bits[i] as number) | (other.bits[i] as number);
  }

  intersectWith(other: SlotSet): void {
    for (let i = 0; i < this.bits.length; i++)
      this.bits[i] = (this.bits[i] as number) & (other.bits[i] as number);
  }

  forEach(visit: (slot: number) => void): void {
    for (let i = 0; i < this.bits.length; i++) {
      let word = this.bits[i] as number;
      while (word !== 0) {
        const lowest = word & -word;
        visit((i << 5) + 31 - Math.clz32(lowest));
        word ^= lowest;
      }
    }
  }
}
