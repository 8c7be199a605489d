/**
 * One numeric field of a dealership's vehicles by slot (year, price, mileage), with NaN for "none":
 * a range check or a min/max reads one typed array in a tight loop instead of each vehicle's object,
 * and NaN fails every comparison, so a vehicle without a price never passes a price bound.
 */
export class NumberColumn {
  private valueAt = new Float64Array(64);

  /** Values by slot; valid until the column next grows. */
  get values(): Float64Array {
    return this.valueAt;
  }

  set(slot: number, value: number | null): void {
    if (slot >= this.valueAt.length) {
      const grown = new Float64Array(Math.max(slot + 1, this.valueAt.length * 2));
      grown.set(this.valueAt);
      this.valueAt = grown;
    }
    this.valueAt[slot] = value ?? NaN;
  }
}
