import { SlotSet } from './slot-set';

/** The value number of a vehicle without a value: counted in its own cell that is never reported. */
const NO_VALUE = 0;

/**
 * One value field of a dealership's vehicles (a facet, or the status). Each distinct value (compared
 * without case) gets a small number; each slot holds its vehicle's number, so counting a facet is one
 * integer increment per matching vehicle, and each value keeps the set of slots holding it, so a
 * filter is the union of a few bit sets.
 */
export class FacetColumn {
  private readonly idByKey = new Map<string, number>();
  /** By value number; index 0 stands for "no value". */
  private readonly values: string[] = [''];
  private readonly keys: string[] = [''];
  private readonly slotsByValue: SlotSet[] = [new SlotSet()];
  private valueIdAt = new Int32Array(64);
  /** Reused by every search: searches are synchronous, so one counter per column is enough. */
  private counter = new Int32Array(8);

  /** Value numbers by slot (0 for none); valid until the column next grows. */
  get ids(): Int32Array {
    return this.valueIdAt;
  }

  set(slot: number, value: string | null): void {
    const id = value === null ? NO_VALUE : this.idFor(value);
    if (slot >= this.valueIdAt.length) this.grow(slot + 1);
    (this.slotsByValue[this.valueIdAt[slot] as number] as SlotSet).delete(slot);
    this.valueIdAt[slot] = id;
    if (id !== NO_VALUE) (this.slotsByValue[id] as SlotSet).add(slot);
  }

  /** Forgets the slot's value, when its vehicle leaves. */
  clear(slot: number): void {
    this.set(slot, null);
  }

  /** Adds to `into` every slot holding one of `values` (without regard to case). */
  addSlotsWithAny(values: readonly string[], into: SlotSet): void {
    for (const value of values) {
      const id = this.idByKey.get(value.toLowerCase());
      if (id !== undefined) into.unionWith(this.slotsByValue[id] as SlotSet);
    }
  }

  /** The column's counter, zeroed, with a cell for every value number. */
  startCounting(): Int32Array {
    if (this.counter.length < this.values.length) this.counter = new Int32Array(this.values.length * 2);
    else this.counter.fill(0, 0, this.values.length);
    return this.counter;
  }

  /** Non-zero counts of the counter `startCounting` gave, as (case-free key, value as first seen, count). */
  tallies(): FacetTally[] {
    const tallies: FacetTally[] = [];
    const counter = this.counter;
    for (let id = 1; id < this.values.length; id++) {
      const count = counter[id] as number;
      if (count > 0) tallies.push({ key: this.keys[id] as string, value: this.values[id] as string, count });
    }
    return tallies;
  }

  private idFor(value: string): number {
    const key = value.toLowerCase();
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.idByKey.set(key, id);
      this.values.push(value);
      this.keys.push(key);
      this.slotsByValue.push(new SlotSet());
    }
    return id;
  }

  private grow(capacity: number): void {
    const grown = new Int32Array(Math.max(capacity, this.valueIdAt.length * 2));
    grown.set(this.valueIdAt);
    this.valueIdAt = grown;
  }
}

export interface FacetTally {
  key: string;
  value: string;
  count: number;
}
