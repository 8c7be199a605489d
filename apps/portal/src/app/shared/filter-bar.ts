import { Directive, effect, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { FormControl, FormGroup } from '@angular/forms';
import { debounceTime, map } from 'rxjs';

/** Every list's filters have the search text. */
export interface SearchFilters {
  q: string | null;
}

/**
 * What the filter bars of the list pages (inventory, lead inbox) share. A bar shows the state it is
 * given (the URL's) and reports what the dealer changes; selects apply at once, the search text after
 * a pause so the list does not reload on every key. Each bar has its own fields, inside the
 * `FilterBarFrame` every bar shares (search box, phone layout).
 *
 * S: the list's state; F: the part of it the bar edits.
 */
@Directive()
export abstract class FilterBar<S extends F, F extends SearchFilters> {
  readonly state = input.required<S>();
  /** On phones the bar starts folded behind a "Filters" button (`FilterBarFrame`). */
  readonly compact = input(false);
  readonly filtersChange = output<Partial<F>>();
  readonly clearAll = output<void>();

  /** The bar's form; `q` is its search box. */
  protected abstract readonly form: FormGroup;

  private get search(): FormControl<string | null> {
    return this.form.controls['q'] as FormControl<string | null>;
  }

  /** The last change this bar reported: when the URL echoes it back, the control keeps what the
   * dealer has typed since (the echo may be older than their latest keystrokes). */
  private echo: Partial<F> = {};

  /**
   * Call from the constructor, once the form exists: the URL is the source of truth, shown in the
   * form (as `formValue` puts it) without echoing it back as a change; typed search applies after a
   * pause of `searchPauseMs` (short where the list answers as the dealer types).
   */
  protected followState(
    formValue: (state: S) => Record<string, unknown>,
    { searchPauseMs = 350 }: { searchPauseMs?: number } = {},
  ): void {
    effect(() => {
      const s = this.state();
      const value = formValue(s);
      for (const [name, echoed] of Object.entries(this.echo)) {
        if (echoed === s[name as keyof S]) delete value[name];
      }
      this.echo = {};
      this.form.patchValue(value, { emitEvent: false });
    });

    this.search.valueChanges
      .pipe(
        debounceTime(searchPauseMs),
        map((q) => q?.trim() || null),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        if (q !== this.state().q) this.report({ q } as Partial<F>);
      });
  }

  protected select(change: Partial<F>): void {
    this.report(change);
  }

  /** A `FilterSelect` was picked: its control (`name`, one of the bar's filters) holds the new value. */
  protected pick(name: string): void {
    this.report({ [name]: this.form.controls[name]?.value } as Partial<F>);
  }

  protected report(change: Partial<F>): void {
    this.echo = change;
    this.filtersChange.emit(change);
  }

  /** Enter in the search box applies at once instead of waiting for the pause. */
  protected applySearchNow(): void {
    const q = this.search.value?.trim() || null;
    if (q !== this.state().q) this.report({ q } as Partial<F>);
  }

  protected clearSearch(): void {
    this.search.setValue('', { emitEvent: false });
    if (this.state().q !== null) this.report({ q: null } as Partial<F>);
  }
}
