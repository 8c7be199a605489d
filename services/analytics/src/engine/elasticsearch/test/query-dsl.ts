/**
 * The fake cluster's query DSL: the clauses the engine sends (bool filter / must_not, term, terms,
 * range, exists, match_all), evaluated over stored documents. Anything else throws, so a query the
 * fake does not understand fails the test instead of matching everything.
 */
export type StoredDocument = Record<string, unknown>;
export type FieldTypes = ReadonlyMap<string, string>;

/** A document's value for comparing: dates as epoch milliseconds, the rest as stored. */
export function comparable(value: unknown, type: string | undefined): unknown {
  if (value === undefined || value === null) return undefined;
  if (type === 'date') return typeof value === 'number' ? value : Date.parse(String(value));
  return value;
}

export function fieldValue(document: StoredDocument, field: string, types: FieldTypes): unknown {
  return comparable(document[field], types.get(field));
}

function single(clause: Record<string, unknown>, what: string): [string, unknown] {
  const entries = Object.entries(clause);
  if (entries.length !== 1)
    throw new Error(`fake elasticsearch: ${what} takes one field, got ${JSON.stringify(clause)}`);
  return entries[0];
}

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Throws on any clause the fake does not implement, anywhere in the query: evaluation alone would
 * miss one on an empty index or behind a clause that already failed.
 */
export function checkQuery(query: unknown): void {
  if (query === undefined) return;
  const [kind, body] = single(query as Record<string, unknown>, 'a query');
  if (kind === 'bool') {
    const bool = body as Record<string, unknown>;
    for (const key of ['filter', 'must', 'must_not', 'should']) asList(bool[key]).forEach(checkQuery);
  }
  // Evaluated once on an empty document: throws for an unknown kind or option of this clause.
  // (A bool's clauses are checked above; its own keys are checked with the clauses left out.)
  const shallow =
    kind === 'bool'
      ? { bool: Object.fromEntries(Object.keys(body as object).map((key) => [key, []])) }
      : query;
  matches({}, shallow, new Map());
}

export function matches(document: StoredDocument, query: unknown, types: FieldTypes): boolean {
  if (query === undefined) return true;
  const [kind, body] = single(query as Record<string, unknown>, 'a query');
  switch (kind) {
    case 'match_all':
      return true;
    case 'bool': {
      const bool = body as Record<string, unknown>;
      for (const key of Object.keys(bool))
        if (!['filter', 'must', 'must_not', 'should', 'minimum_should_match'].includes(key))
          throw new Error(`fake elasticsearch: bool.${key} is not implemented`);
      const must = [...asList(bool['filter']), ...asList(bool['must'])];
      if (!must.every((clause) => matches(document, clause, types))) return false;
      if (asList(bool['must_not']).some((clause) => matches(document, clause, types))) return false;
      const should = asList(bool['should']);
      if (should.length === 0) return true;
      const needed = Number(bool['minimum_should_match'] ?? (must.length > 0 ? 0 : 1));
      return should.filter((clause) => matches(document, clause, types)).length >= needed;
    }
    case 'term': {
      const [field, expected] = single(body as Record<string, unknown>, 'term');
      const value =
        typeof expected === 'object' && expected !== null ? (expected as { value: unknown }).value : expected;
      return fieldValue(document, field, types) === comparable(value, types.get(field));
    }
    case 'terms': {
      const [field, expected] = single(body as Record<string, unknown>, 'terms');
      const actual = fieldValue(document, field, types);
      return (expected as unknown[]).some((value) => comparable(value, types.get(field)) === actual);
    }
    case 'exists': {
      const { field } = body as { field: string };
      return document[field] !== undefined && document[field] !== null;
    }
    case 'range': {
      const [field, bounds] = single(body as Record<string, unknown>, 'range');
      const { gte, gt, lte, lt, format, ...rest } = bounds as Record<string, unknown>;
      if (Object.keys(rest).length > 0)
        throw new Error(`fake elasticsearch: range ${Object.keys(rest)} not implemented`);
      if (format !== undefined && format !== 'strict_date_optional_time')
        throw new Error(`fake elasticsearch: range format ${String(format)} not implemented`);
      const type = types.get(field);
      const actual = fieldValue(document, field, types) as number | string | undefined;
      if (actual === undefined) return false;
      const bound = (value: unknown) => comparable(value, type) as number | string;
      if (gte !== undefined && !(actual >= bound(gte))) return false;
      if (gt !== undefined && !(actual > bound(gt))) return false;
      if (lte !== undefined && !(actual <= bound(lte))) return false;
      if (lt !== undefined && !(actual < bound(lt))) return false;
      return true;
    }
    default:
      throw new Error(`fake elasticsearch: query ${kind} is not implemented`);
  }
}
