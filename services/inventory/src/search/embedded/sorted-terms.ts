/** A dealership's vocabulary in order, so the searcher's last word finds every word it starts. */
export class SortedTerms {
  private terms: string[] = [];
  private stale = false;

  constructor(private readonly allTerms: () => Iterable<string>) {}

  markStale(): void {
    this.stale = true;
  }

  add(term: string): void {
    if (this.stale) return;
    this.terms.splice(this.lowerBound(term), 0, term);
  }

  delete(term: string): void {
    if (this.stale) return;
    const at = this.lowerBound(term);
    if (this.terms[at] === term) this.terms.splice(at, 1);
  }

  /** Sorts a stale vocabulary now rather than in the next search. */
  prepare(): void {
    if (!this.stale) return;
    this.terms = [...this.allTerms()].sort();
    this.stale = false;
  }

  *startingWith(prefix: string): Generator<string> {
    this.prepare();
    for (let at = this.lowerBound(prefix); at < this.terms.length; at++) {
      const term = this.terms[at] as string;
      if (!term.startsWith(prefix)) return;
      yield term;
    }
  }

  private lowerBound(term: string): number {
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.terms[middle] as string) < term) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
