import {
  checkQuery,
  comparable,
  fieldValue,
  matches,
  type FieldTypes,
  type StoredDocument,
} from './query-dsl';
// The engine's own day rule, shared rather than copied: it has tests of its own, and the DuckDB
// engine, which buckets days in SQL, must agree with the fake on every report (contract suite).
import { dayIn } from '../../reporting-rules';

/**
 * The fake cluster's aggregations: the ones the engine asks for, computed exactly over the stored
 * documents. Where a real cluster estimates, the fake is exact, and the engine's contract assumes
 * the small sets where both agree:
 * - `percentiles`: Elasticsearch uses TDigest; the fake interpolates linearly between the closest
 *   ranks (DuckDB's quantile_cont). Elasticsearch 8.9+ does exactly that below 2,000 values per
 *   bucket (HybridDigest keeps them all in a SortingDigest; libs/tdigest Dist.quantile, q·(n−1)).
 * - `cardinality`: Elasticsearch uses HyperLogLog++, exact below its precision_threshold; the fake counts.
 * Any option the fake does not implement throws rather than being ignored.
 */
type Aggregations = Record<string, Record<string, unknown>>;
type Result = Record<string, unknown>;

/** Throws on any aggregation, option or filter query the fake does not implement, at any depth. */
export function checkAggregations(aggs: Aggregations): void {
  for (const [name, definition] of Object.entries(aggs)) {
    const { aggs: subAggs, aggregations, ...kinds } = definition as Record<string, unknown>;
    const [kind, body] = Object.entries(kinds)[0] ?? [];
    if (!kind) throw new Error(`fake elasticsearch: aggregation ${name} has no kind`);
    if (kind === 'filter') checkQuery(body);
    if (kind === 'filters')
      Object.values((body as { filters: Record<string, unknown> }).filters).forEach(checkQuery);
    // Evaluated once over no documents: throws for an unknown kind or option.
    evaluate(kind, body as Record<string, unknown>, [], new Map(), () => ({}));
    const children = (subAggs ?? aggregations) as Aggregations | undefined;
    if (children) checkAggregations(children);
  }
}

export function aggregate(
  documents: readonly StoredDocument[],
  aggs: Aggregations,
  types: FieldTypes,
): Result {
  const result: Result = {};
  for (const [name, definition] of Object.entries(aggs)) {
    const { aggs: subAggs, aggregations, ...kinds } = definition as Record<string, unknown>;
    const entries = Object.entries(kinds);
    if (entries.length !== 1)
      throw new Error(`fake elasticsearch: aggregation ${name} has ${entries.length} kinds`);
    const [kind, body] = entries[0];
    const children = (subAggs ?? aggregations) as Aggregations | undefined;
    const bucket = (docs: readonly StoredDocument[]) => ({
      doc_count: docs.length,
      ...(children ? aggregate(docs, children, types) : {}),
    });
    result[name] = evaluate(kind, body as Record<string, unknown>, documents, types, bucket);
  }
  return result;
}

type Bucket = (docs: readonly StoredDocument[]) => Result;

function evaluate(
  kind: string,
  body: Record<string, unknown>,
  docs: readonly StoredDocument[],
  types: FieldTypes,
  bucket: Bucket,
): unknown {
  const values = (field: string) =>
    docs.map((d) => fieldValue(d, field, types)).filter((v): v is number => v !== undefined) as number[];
  switch (kind) {
    case 'filter':
      return bucket(docs.filter((d) => matches(d, body, types)));
    case 'filters': {
      const filters = body['filters'] as Record<string, unknown>;
      if (Array.isArray(filters))
        throw new Error('fake elasticsearch: anonymous filters are not implemented');
      const buckets: Result = {};
      for (const [key, query] of Object.entries(filters))
        buckets[key] = bucket(docs.filter((d) => matches(d, query, types)));
      return { buckets };
    }
    case 'terms':
      return terms(body, docs, types, bucket);
    case 'composite':
      return composite(body, docs, bucket);
    case 'date_histogram':
      return dayHistogram(body, docs, types, bucket);
    case 'range':
      return range(body, docs, types, bucket);
    case 'sum':
      onlyField(body, kind);
      return { value: values(body['field'] as string).reduce((a, b) => a + b, 0) };
    case 'avg': {
      onlyField(body, kind);
      const list = values(body['field'] as string);
      return { value: list.length === 0 ? null : list.reduce((a, b) => a + b, 0) / list.length };
    }
    case 'max':
    case 'min': {
      onlyField(body, kind);
      const list = values(body['field'] as string);
      if (list.length === 0) return { value: null };
      const value = kind === 'max' ? Math.max(...list) : Math.min(...list);
      return types.get(body['field'] as string) === 'date'
        ? { value, value_as_string: new Date(value).toISOString() }
        : { value };
    }
    case 'value_count':
      onlyField(body, kind);
      return { value: values(body['field'] as string).length };
    case 'cardinality': {
      const { field, precision_threshold: _threshold, ...rest } = body;
      if (Object.keys(rest).length > 0)
        throw new Error(`fake elasticsearch: cardinality ${Object.keys(rest)}`);
      return { value: new Set(docs.map((d) => d[field as string]).filter((v) => v !== undefined)).size };
    }
    case 'percentiles':
      return percentiles(body, values(body['field'] as string));
    case 'top_hits':
      return topHits(body, docs, types);
    default:
      throw new Error(`fake elasticsearch: aggregation ${kind} is not implemented`);
  }
}

function onlyField(body: Record<string, unknown>, kind: string) {
  const extra = Object.keys(body).filter((key) => key !== 'field');
  if (extra.length > 0) throw new Error(`fake elasticsearch: ${kind} option ${extra} is not implemented`);
}

/** Linear interpolation between the closest ranks: DuckDB's quantile_cont, and Elasticsearch's digest below 2,000 values. */
export function interpolatedPercentile(sorted: readonly number[], percent: number): number {
  const rank = (percent / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

function percentiles(body: Record<string, unknown>, list: number[]) {
  const { field: _field, percents, keyed, tdigest: _tdigest, ...rest } = body;
  if (Object.keys(rest).length > 0 || keyed === false)
    throw new Error(`fake elasticsearch: percentiles option ${Object.keys(rest)} is not implemented`);
  const sorted = [...list].sort((a, b) => a - b);
  const result: Record<string, number | null> = {};
  for (const percent of (percents as number[] | undefined) ?? [1, 5, 25, 50, 75, 95, 99])
    result[Number(percent).toFixed(1)] = sorted.length === 0 ? null : interpolatedPercentile(sorted, percent);
  return { values: result };
}

type Order = Record<string, 'asc' | 'desc'>;

/** Ordering like Elasticsearch: `_count`, `_key`, or a single-value sub-aggregation by name. */
function compareBuckets(orders: readonly Order[]) {
  const figure = (b: Result, path: string): number | string => {
    if (path === '_count') return b['doc_count'] as number;
    if (path === '_key') return b['key'] as string;
    const sub = b[path] as { value?: number } | undefined;
    if (!sub || !('value' in sub)) throw new Error(`fake elasticsearch: order by ${path} is not a metric`);
    return sub.value ?? Number.NEGATIVE_INFINITY;
  };
  return (a: Result, b: Result) => {
    for (const order of orders) {
      const [path, direction] = Object.entries(order)[0];
      const x = figure(a, path);
      const y = figure(b, path);
      if (x !== y) return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
    }
    return 0;
  };
}

function terms(
  body: Record<string, unknown>,
  docs: readonly StoredDocument[],
  types: FieldTypes,
  bucket: Bucket,
) {
  const { field, size = 10, order, missing, shard_size: _shard, min_doc_count = 1, ...rest } = body;
  if (Object.keys(rest).length > 0 || min_doc_count !== 1)
    throw new Error(`fake elasticsearch: terms option ${Object.keys(rest)} is not implemented`);
  const groups = new Map<unknown, StoredDocument[]>();
  for (const doc of docs) {
    const key = doc[field as string] ?? missing;
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(doc);
    else groups.set(key, [doc]);
  }
  const orders = (
    order === undefined ? [{ _count: 'desc' }, { _key: 'asc' }] : Array.isArray(order) ? order : [order]
  ) as Order[];
  const buckets: Result[] = [...groups.entries()]
    .map(([key, group]) => ({ key, ...bucket(group) }))
    .sort(compareBuckets(orders));
  const kept = buckets.slice(0, size as number);
  const other = buckets.slice(size as number).reduce((sum, b) => sum + (b['doc_count'] as number), 0);
  return { doc_count_error_upper_bound: 0, sum_other_doc_count: other, buckets: kept };
}

/** Pages of buckets over every combination of the sources' values, in key order (missing values skipped). */
function composite(body: Record<string, unknown>, docs: readonly StoredDocument[], bucket: Bucket) {
  const { size = 10, sources, after, ...rest } = body;
  if (Object.keys(rest).length > 0)
    throw new Error(`fake elasticsearch: composite option ${Object.keys(rest)}`);
  const fields = (sources as Record<string, { terms: { field: string } }>[]).map((source) => {
    const [name, spec] = Object.entries(source)[0];
    if (Object.keys(spec).join() !== 'terms' || Object.keys(spec.terms).join() !== 'field')
      throw new Error('fake elasticsearch: only composite terms sources on a field are implemented');
    return { name, field: spec.terms.field };
  });
  const groups = new Map<string, { key: Record<string, unknown>; docs: StoredDocument[] }>();
  for (const doc of docs) {
    const values = fields.map(({ field }) => doc[field]);
    if (values.some((value) => value === undefined)) continue;
    const id = JSON.stringify(values);
    const group = groups.get(id) ?? {
      key: Object.fromEntries(fields.map(({ name }, i) => [name, values[i]])),
      docs: [],
    };
    group.docs.push(doc);
    groups.set(id, group);
  }
  const keyOf = (key: Record<string, unknown>) => fields.map(({ name }) => key[name] as string);
  const compare = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  };
  const sorted = [...groups.values()].sort((a, b) => compare(keyOf(a.key), keyOf(b.key)));
  const start = after
    ? sorted.filter((g) => compare(keyOf(g.key), keyOf(after as Record<string, unknown>)) > 0)
    : sorted;
  const page = start.slice(0, size as number).map((g) => ({ key: g.key, ...bucket(g.docs) }));
  return { ...(page.length > 0 ? { after_key: page.at(-1)!.key } : {}), buckets: page };
}

function dayHistogram(
  body: Record<string, unknown>,
  docs: readonly StoredDocument[],
  types: FieldTypes,
  bucket: Bucket,
) {
  const { field, calendar_interval, time_zone = 'UTC', format, min_doc_count, ...rest } = body;
  if (
    Object.keys(rest).length > 0 ||
    calendar_interval !== '1d' ||
    format !== 'yyyy-MM-dd' ||
    min_doc_count !== 1
  )
    throw new Error(
      `fake elasticsearch: only a daily histogram with format yyyy-MM-dd and min_doc_count 1 is implemented`,
    );
  const groups = new Map<string, StoredDocument[]>();
  for (const doc of docs) {
    const at = fieldValue(doc, field as string, types) as number | undefined;
    if (at === undefined) continue;
    const day = dayIn(time_zone as string, at);
    const group = groups.get(day);
    if (group) group.push(doc);
    else groups.set(day, [doc]);
  }
  return {
    buckets: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, group]) => ({ key_as_string: day, key: Date.parse(`${day}T00:00:00Z`), ...bucket(group) })),
  };
}

function range(
  body: Record<string, unknown>,
  docs: readonly StoredDocument[],
  types: FieldTypes,
  bucket: Bucket,
) {
  const { field, ranges, keyed, ...rest } = body;
  if (Object.keys(rest).length > 0 || keyed)
    throw new Error(`fake elasticsearch: range option ${Object.keys(rest)}`);
  const type = types.get(field as string);
  return {
    buckets: (ranges as { key?: string; from?: number | string; to?: number | string }[]).map((r) => {
      const from = r.from === undefined ? undefined : (comparable(r.from, type) as number);
      const to = r.to === undefined ? undefined : (comparable(r.to, type) as number);
      const inside = docs.filter((d) => {
        const value = fieldValue(d, field as string, types) as number | undefined;
        // Like Elasticsearch: `from` included, `to` excluded.
        return (
          value !== undefined && (from === undefined || value >= from) && (to === undefined || value < to)
        );
      });
      return { ...(r.key === undefined ? {} : { key: r.key }), from, to, ...bucket(inside) };
    }),
  };
}

function topHits(body: Record<string, unknown>, docs: readonly StoredDocument[], types: FieldTypes) {
  const { size = 3, sort, _source, ...rest } = body;
  if (Object.keys(rest).length > 0)
    throw new Error(`fake elasticsearch: top_hits option ${Object.keys(rest)}`);
  const sorted = sortDocuments(docs, (sort ?? []) as SortClause[], types);
  const includes = (_source as { includes?: string[] } | undefined)?.includes;
  return {
    hits: {
      total: { value: docs.length, relation: 'eq' },
      hits: sorted.slice(0, size as number).map((doc) => ({
        _source: includes
          ? Object.fromEntries(includes.filter((f) => f in doc).map((f) => [f, doc[f]]))
          : doc,
      })),
    },
  };
}

export type SortClause = Record<string, 'asc' | 'desc' | { order: 'asc' | 'desc' }>;

/** Sorts like a search's `sort`; documents without the field go last, as Elasticsearch puts them. */
export function sortDocuments(
  docs: readonly StoredDocument[],
  sort: readonly SortClause[],
  types: FieldTypes,
) {
  const clauses = sort.map((clause) => {
    const [field, spec] = Object.entries(clause)[0];
    return { field, direction: typeof spec === 'string' ? spec : spec.order };
  });
  return [...docs].sort((a, b) => {
    for (const { field, direction } of clauses) {
      const x = fieldValue(a, field, types) as number | string | undefined;
      const y = fieldValue(b, field, types) as number | string | undefined;
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * (direction === 'asc' ? 1 : -1);
    }
    return 0;
  });
}
