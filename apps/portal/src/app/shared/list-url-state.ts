import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { PageEvent } from '@angular/material/paginator';
import { ActivatedRoute, type ParamMap, type Params, Router } from '@angular/router';
import { map, type Observable } from 'rxjs';

/**
 * What a list page shows (the inventory, the lead inbox) lives in the URL's query parameters, so
 * reload, back/forward and a shared link all show the same list. This file holds what every list's
 * state has in common: paging, reading the URL forgivingly, writing only what differs from the
 * defaults; each list names its own filters.
 */

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** The most values one free-text filter takes (the services refuse more). */
export const MAX_TEXT_VALUES = 20;

export interface Paging {
  /** From 1. */
  page: number;
  pageSize: number;
}

/** How a list's state goes into the URL and comes back out of it. */
export interface UrlStateCodec<S> {
  empty: S;
  fromParams(params: ParamMap): S;
  toParams(state: S): Params;
}

/**
 * The list's state as the URL has it, and `navigate` to show another. Call in an injection context
 * (a list page's field initializer).
 */
export function listUrlState<S>(codec: UrlStateCodec<S>): {
  /** Emits the state at once, then on every change of the URL. */
  changes: Observable<S>;
  current: Signal<S>;
  /** `replace`: the new state takes the place of the current history entry (each search keystroke). */
  navigate(state: S, options?: { replace?: boolean }): void;
} {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const changes = route.queryParamMap.pipe(map((params) => codec.fromParams(params)));
  return {
    changes,
    current: toSignal(changes, { initialValue: codec.empty }),
    navigate: (state, { replace = false } = {}) =>
      void router.navigate([], {
        relativeTo: route,
        queryParams: codec.toParams(state),
        replaceUrl: replace,
      }),
  };
}

/** Reads the URL forgivingly: a hand-edited or outdated value is dropped (`null`), never an error page. */
export class UrlParamReader {
  constructor(private readonly params: ParamMap) {}

  get(name: string): string | null {
    return this.params.get(name);
  }

  /** Trimmed and cut to `max` characters; `null` when empty. */
  text(name: string, max: number): string | null {
    const value = this.params.get(name)?.trim();
    return value ? value.slice(0, max) : null;
  }

  /**
   * A comma-separated list of free text (makes, colours): each value trimmed and cut to `max`
   * characters, blanks and repeats dropped, at most `MAX_TEXT_VALUES` of them.
   */
  texts(name: string, max: number): string[] {
    const values = (this.params.get(name) ?? '')
      .split(',')
      .map((part) => part.trim().slice(0, max))
      .filter(Boolean);
    return [...new Set(values)].slice(0, MAX_TEXT_VALUES);
  }

  /** A whole number from 0 up. */
  wholeNumber(name: string): number | null {
    const raw = this.params.get(name);
    if (raw === null || raw.trim() === '') return null;
    const value = Number(raw);
    return Number.isSafeInteger(value) && value >= 0 ? value : null;
  }

  /** The allowed values of a comma-separated list, in the order `allowed` has them. */
  list<T extends string>(name: string, allowed: readonly T[]): T[] {
    const raw = this.params.get(name);
    if (!raw) return [];
    const values = raw.split(',').map((part) => part.trim());
    return allowed.filter((value) => values.includes(value));
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | null {
    const value = this.params.get(name);
    return isOneOf(value, allowed) ? value : null;
  }

  /** Page 1 and the default size unless the URL says otherwise. */
  paging(): Paging {
    const page = this.wholeNumber('page');
    const pageSize = this.wholeNumber('pageSize');
    return {
      page: page !== null && page >= 1 ? page : 1,
      pageSize: isOneOf(pageSize, PAGE_SIZES) ? pageSize : DEFAULT_PAGE_SIZE,
    };
  }
}

/** A parameter's value in the URL; `null` (also for `''`) removes the parameter when merged. */
export function paramValue(value: string | number | null): string | null {
  return value === null || value === '' ? null : String(value);
}

/** A list of values, comma-separated; an empty list removes the parameter. */
export function listParam(values: readonly string[]): string | null {
  return paramValue(values.join(','));
}

/** Page 1 and the default page size stay off the URL. */
export function pagingParams(paging: Paging): Params {
  return {
    page: paging.page === 1 ? null : String(paging.page),
    pageSize: paging.pageSize === DEFAULT_PAGE_SIZE ? null : String(paging.pageSize),
  };
}

/** The paging after the paginator moved; another page size starts again on page 1. */
export function pagingAfter(current: Paging, event: PageEvent): Paging {
  const pageSizeChanged = event.pageSize !== current.pageSize;
  return { page: pageSizeChanged ? 1 : event.pageIndex + 1, pageSize: event.pageSize };
}

function isOneOf<T extends string | number>(value: unknown, allowed: readonly T[]): value is T {
  return (allowed as readonly unknown[]).includes(value);
}
