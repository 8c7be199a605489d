import { HttpParams } from '@angular/common/http';

/** A query-string value as the API clients have it; a list is sent comma-separated. */
export type QueryValue = string | number | readonly string[] | null | undefined;

/**
 * The query string of a search. Only what is set goes on it (no `null`, `undefined`, `''` or empty
 * list), so URLs stay short and the server applies its defaults; the parameters keep the order given.
 */
export function queryParams(values: Readonly<Record<string, QueryValue>>): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' || typeof value === 'number') params = params.set(name, String(value));
    else if (value.length > 0) params = params.set(name, value.join(','));
  }
  return params;
}
