/**
 * One value facet of a dealership's vehicles: each distinct value (compared without case) gets a
 * small number, and each slot holds its vehicle's number, so counting a facet is one pass of
 * integer increments.
 */
export class FacetColumn {
  private readonly idByKey = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly valueIdAt: number[] = [];

  set(slot: number, value: string | null): void {
    if (value === null) {
      this.valueIdAt[slot] = -1;
      return;
    }
    const key = value.toLowerCase();
    let id = this.idByKey.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.idByKey.set(key, id);
      this.values.push(value);
    }
    this.valueIdAt[slot] = id;
  }

  valueIdOf(slot: number): number {
    return this.valueIdAt[slot] ?? -1;
  }

  /** The value numbers a filter accepts; values no vehicle has are left out. */
  idsOf(values: readonly string[]): Set<number> {
    const ids = new Set<number>();
    for (const value of values) {
      const id = this.idByKey.get(value.toLowerCase());
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  newCounter(): Int32Array {
    return new Int32Array(this.values.length);
  }

  /** Non-zero counts as (case-free key, value as first seen, count). */
  countsOf(counter: Int32Array): FacetTally[] {
    const tallies: FacetTally[] = [];
    counter.forEach((count, id) => {
      const value = this.values[id] as string;
      if (count > 0) tallies.push({ key: value.toLowerCase(), value, count });
    });
    return tallies;
  }
}

export interface FacetTally {
  key: string;
  value: string;
  count: number;
}
