import type { ValueFacet } from '@showroom/contracts';
import type { SearchDocument, SearchFilters } from '../port';
import type { FacetTally } from './facet-column';
import { NearMisses } from './near-misses';
import { SlotSet, SlotSetPool } from './slot-set';
import { SortedTerms } from './sorted-terms';
import type { QueryWord, TextQuery } from './text-query';
import { FIELD_SORTS, type FieldSort } from '../port';
import { FIELD_ORDER, SortedSlots } from './vehicle-order';
import { VehicleColumns, type Ranges } from './vehicle-columns';
import { vehicleTerms } from './vehicle-terms';

export interface RankedVehicle {
  document: SearchDocument;
  /** Quality of the text match, lower is better (0 = every word exact). */
  score: number;
}

export interface DealershipMatches {
  total: number;
  /** The first `limit` matches in the requested order. */
  first: RankedVehicle[];
  facets: Partial<Record<ValueFacet, FacetTally[]>>;
  ranges: Ranges;
}

export interface DealershipQuery {
  text: TextQuery | null;
  filters: SearchFilters;
  /** `relevance` only with text. */
  sort: FieldSort | 'relevance';
  limit: number;
  facets: readonly ValueFacet[];
}

/** A match of one query word, from strictest to loosest: each set includes the one before. */
interface WordMatch {
  exact: SlotSet;
  prefixed: SlotSet;
  any: SlotSet;
}

const EXACT = 0;
const PREFIX = 1;
const TYPO = 2;

/**
 * The search index of one dealership (rooftop). Vehicles live in numbered slots; words map to the
 * slots that contain them, and every query narrows a bit set of slots — by the text, then by the
 * value filters' bit sets — before one pass over it applies the numeric filters, counts the facets
 * and finds the ranges (`VehicleColumns`); the page is then read off a kept sort order.
 */
export class DealershipIndex {
  private readonly slotById = new Map<string, number>();
  private readonly documents: (SearchDocument | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly typoPostings = new Map<string, number[]>();
  private readonly sortedTerms = new SortedTerms(() => this.postings.keys());
  private readonly columns = new VehicleColumns();
  /** The slots of the search under way, reused by every search (searches are synchronous). */
  private readonly matched = new SlotSet();
  /** The bit sets of the text search under way, taken afresh by each search. */
  private readonly textSets = new SlotSetPool();
  private readonly orders = Object.fromEntries(
    FIELD_SORTS.map((sort) => [sort, new SortedSlots((slot) => this.documentAt(slot), FIELD_ORDER[sort])]),
  ) as Record<FieldSort, SortedSlots>;
  private readonly allOrders = Object.values(this.orders);

  /** `nearMisses` is shared by the rooftops of one engine (see `NearMisses`). */
  constructor(private readonly nearMisses = new NearMisses()) {}

  get size(): number {
    return this.slotById.size;
  }

  /** Before a large batch: orders and the vocabulary are rebuilt once when next read. */
  startBulkChange(): void {
    for (const order of this.allOrders) order.markStale();
    this.sortedTerms.markStale();
  }

  /** Sorts what a bulk change left stale, so the first searches after a build do not pay for it. */
  prepare(): void {
    for (const order of this.allOrders) order.inOrder(() => this.liveSlots());
    this.sortedTerms.prepare();
  }

  upsert(document: SearchDocument): void {
    let slot = this.slotById.get(document.id);
    if (slot !== undefined) {
      this.unindex(slot);
    } else {
      slot = this.freeSlots.pop() ?? this.documents.length;
      this.slotById.set(document.id, slot);
    }
    this.documents[slot] = document;
    const { terms, typoTerms } = vehicleTerms(document);
    for (const term of terms) if (this.addPosting(this.postings, term, slot)) this.sortedTerms.add(term);
    for (const term of typoTerms)
      if (this.addPosting(this.typoPostings, term, slot)) this.nearMisses.addName(term);
    this.columns.set(slot, document);
    for (const order of this.allOrders) order.insert(slot);
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.unindex(slot);
    this.columns.clear(slot);
    this.slotById.delete(id);
    this.documents[slot] = undefined;
    this.freeSlots.push(slot);
  }

  search(query: DealershipQuery): DealershipMatches {
    const text = query.text ? this.matchText(query.text) : null;
    const matched = this.matched;
    matched.copyFrom(text ? text.slots : this.columns.live);
    this.columns.applyValueFilters(matched, query.filters, this.documents.length);
    const { total, facets, ranges } = this.columns.tally(matched, query.filters, query.facets);
    const first =
      query.sort === 'relevance' && text
        ? this.firstByRelevance(matched, text.scoreOf, query.limit)
        : this.firstInOrder(query.sort === 'relevance' ? 'daysInStock' : query.sort, matched, query.limit);
    return { total, first, facets, ranges };
  }

  private firstInOrder(sort: FieldSort, matched: SlotSet, limit: number): RankedVehicle[] {
    const first: RankedVehicle[] = [];
    for (const slot of this.orders[sort].inOrder(() => this.liveSlots())) {
      if (first.length >= limit) break;
      if (matched.has(slot)) first.push({ document: this.documentAt(slot), score: 0 });
    }
    return first;
  }

  /**
   * Best score first, newest first within a score: the newest-first order is walked once, sorting
   * matches into one bucket per score, and stops as soon as the best bucket fills the page.
   */
  private firstByRelevance(
    matched: SlotSet,
    scoreOf: (slot: number) => number,
    limit: number,
  ): RankedVehicle[] {
    const byScore: RankedVehicle[][] = [];
    for (const slot of this.orders.daysInStock.inOrder(() => this.liveSlots())) {
      if (!matched.has(slot)) continue;
      const score = scoreOf(slot);
      (byScore[score] ??= []).push({ document: this.documentAt(slot), score });
      if (score === 0 && (byScore[0] as RankedVehicle[]).length >= limit) break;
    }
    return byScore.flatMap((bucket) => bucket ?? []).slice(0, limit);
  }

  /** The slots matching every unit of the text, and how well each matched. */
  private matchText(query: TextQuery): { slots: SlotSet; scoreOf(slot: number): number } {
    this.textSets.releaseAll();
    const unitMatches = query.units.map((alternatives) => {
      const unit = this.emptyMatch();
      for (const alternative of alternatives) {
        const words = alternative.map((word) => this.matchWord(word));
        const all = words.reduce((together, word) => intersect(together, word));
        unit.exact.unionWith(all.exact);
        unit.prefixed.unionWith(all.prefixed);
        unit.any.unionWith(all.any);
      }
      return unit;
    });
    const slots = this.textSets.take(this.documents.length);
    slots.unionWith((unitMatches[0] as WordMatch).any);
    for (const unit of unitMatches.slice(1)) slots.intersectWith(unit.any);
    return {
      slots,
      scoreOf: (slot) => {
        let score = 0;
        for (const unit of unitMatches)
          score += unit.exact.has(slot) ? EXACT : unit.prefixed.has(slot) ? PREFIX : TYPO;
        return score;
      },
    };
  }

  private matchWord(word: QueryWord): WordMatch {
    const match = this.emptyMatch();
    const exact = this.postings.get(word.word);
    if (exact) {
      match.exact.addAll(exact);
      match.prefixed.addAll(exact);
      match.any.addAll(exact);
    }
    if (word.prefix) {
      for (const term of this.sortedTerms.startingWith(word.word)) {
        const slots = this.postings.get(term) as number[];
        match.prefixed.addAll(slots);
        match.any.addAll(slots);
      }
    }
    if (word.typos > 0) {
      for (const term of this.nearMisses.of(word)) {
        const slots = this.typoPostings.get(term);
        if (slots) match.any.addAll(slots);
      }
    }
    return match;
  }

  private emptyMatch(): WordMatch {
    const capacity = this.documents.length;
    const sets = this.textSets;
    return { exact: sets.take(capacity), prefixed: sets.take(capacity), any: sets.take(capacity) };
  }

  private unindex(slot: number): void {
    const old = this.documentAt(slot);
    for (const order of this.allOrders) order.remove(slot);
    const { terms, typoTerms } = vehicleTerms(old);
    for (const term of terms)
      if (this.removePosting(this.postings, term, slot)) this.sortedTerms.delete(term);
    for (const term of typoTerms) this.removePosting(this.typoPostings, term, slot);
  }

  /** Adds the slot to the term's postings; true when the term is new. */
  private addPosting(postings: Map<string, number[]>, term: string, slot: number): boolean {
    const slots = postings.get(term);
    if (slots) {
      slots.push(slot);
      return false;
    }
    postings.set(term, [slot]);
    return true;
  }

  /** Takes the slot out of the term's postings; true when no slot holds the term any more. */
  private removePosting(postings: Map<string, number[]>, term: string, slot: number): boolean {
    const slots = postings.get(term);
    if (!slots) return false;
    const at = slots.indexOf(slot);
    if (at < 0) return false;
    slots[at] = slots[slots.length - 1] as number;
    slots.pop();
    if (slots.length > 0) return false;
    postings.delete(term);
    return true;
  }

  private documentAt(slot: number): SearchDocument {
    return this.documents[slot] as SearchDocument;
  }

  private liveSlots(): number[] {
    return [...this.slotById.values()];
  }
}

function intersect(a: WordMatch, b: WordMatch): WordMatch {
  a.exact.intersectWith(b.exact);
  a.prefixed.intersectWith(b.prefixed);
  a.any.intersectWith(b.any);
  return a;
}
