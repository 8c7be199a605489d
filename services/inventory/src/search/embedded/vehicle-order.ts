import type { FieldSort, SearchDocument } from '../port';

export type DocumentComparator = (a: SearchDocument, b: SearchDocument) => number;

/** Ties are always broken by id, so paging through equal prices never repeats or skips a car. */
export function byId(a: SearchDocument, b: SearchDocument): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Cars without a price come last whichever way prices are sorted: they are not the cheapest. */
function byPrice(direction: 1 | -1): DocumentComparator {
  return (a, b) => {
    if (a.priceCents === null || b.priceCents === null) {
      if (a.priceCents !== b.priceCents) return a.priceCents === null ? 1 : -1;
      return byId(a, b);
    }
    return direction * (a.priceCents - b.priceCents) || byId(a, b);
  };
}

function byNumber(field: 'year' | 'mileage' | 'listedAt', direction: 1 | -1): DocumentComparator {
  return (a, b) => direction * (a[field] - b[field]) || byId(a, b);
}

export const FIELD_ORDER: Record<FieldSort, DocumentComparator> = {
  price: byPrice(1),
  '-price': byPrice(-1),
  year: byNumber('year', 1),
  '-year': byNumber('year', -1),
  mileage: byNumber('mileage', 1),
  '-mileage': byNumber('mileage', -1),
  // Fewest days in stock = listed most recently.
  daysInStock: byNumber('listedAt', -1),
  '-daysInStock': byNumber('listedAt', 1),
};

/** Better text match first (lower score); equal matches newest on the lot first. */
export function compareRelevance(
  a: { document: SearchDocument; score: number },
  b: { document: SearchDocument; score: number },
): number {
  return a.score - b.score || FIELD_ORDER.daysInStock(a.document, b.document);
}

/**
 * A dealership's slots kept in one sort's order, so a page is read off the front instead of sorting
 * every match per search. Single changes are placed by binary search; a large batch marks the order
 * stale and it is sorted once, when next read.
 */
export class SortedSlots {
  private slots: number[] = [];
  private stale = false;

  constructor(
    private readonly documentAt: (slot: number) => SearchDocument,
    private readonly compare: DocumentComparator,
  ) {}

  markStale(): void {
    this.stale = true;
  }

  /** Call before the slot's document changes: the position is found with the old values. */
  remove(slot: number): void {
    if (this.stale) return;
    const at = this.positionOf(this.documentAt(slot));
    if (this.slots[at] === slot) this.slots.splice(at, 1);
    else this.stale = true;
  }

  insert(slot: number): void {
    if (this.stale) return;
    this.slots.splice(this.positionOf(this.documentAt(slot)), 0, slot);
  }

  inOrder(liveSlots: () => number[]): readonly number[] {
    if (this.stale) {
      this.slots = liveSlots().sort((a, b) => this.compare(this.documentAt(a), this.documentAt(b)));
      this.stale = false;
    }
    return this.slots;
  }

  private positionOf(document: SearchDocument): number {
    let low = 0;
    let high = this.slots.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.documentAt(this.slots[middle] as number), document) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
