import { Client } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import { errors } from './cjs-errors';
import { aggregate, checkAggregations, sortDocuments, type SortClause } from './aggregations';
import { checkQuery, matches, type StoredDocument } from './query-dsl';
import { closableConnection } from './recording-cluster';

/**
 * An in-memory Elasticsearch behind the client's mock connection, for the engine contract suite:
 * it keeps what ready() puts (lifecycle policies, index templates, indices, data streams), creates
 * an index a bulk write names from the template that matches it, stores bulk-indexed documents
 * checked against their strict mapping (an `_id` is unique within one index, as in a cluster), and
 * answers searches on a name, a comma list or a wildcard pattern by evaluating the query DSL and
 * aggregations the engine sends (test/query-dsl.ts, test/aggregations.ts) over every index named.
 * Each index is a single shard that refreshes at once: every write is visible to the next search.
 */
interface StoredIndex {
  mappings: { properties: Record<string, { type: string }> };
  documents: Map<string, StoredDocument>;
  dataStream: boolean;
}

interface StoredTemplate {
  index_patterns: string[];
  data_stream?: object;
  template: { mappings: StoredIndex['mappings'] };
}

interface RequestParams {
  method: string;
  path: string;
  body: unknown;
  querystring: Record<string, string>;
}

const failure = (statusCode: number, type: string, reason: string) =>
  new errors.ResponseError({
    body: { error: { type, reason, root_cause: [{ type, reason }] }, status: statusCode },
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

export class FakeElasticsearch {
  readonly policies = new Map<string, unknown>();
  readonly templates = new Map<string, StoredTemplate>();
  readonly indices = new Map<string, StoredIndex>();
  /** Every request, in order: the method, path and body the client sent. */
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  private readonly mock = new Mock();
  private readonly versions = new Map<string, number>();

  constructor() {
    const on = (
      method: string | string[],
      path: string | string[],
      handle: (params: RequestParams) => unknown,
    ) =>
      this.mock.add({ method, path }, (pattern) => {
        const params = pattern as unknown as RequestParams;
        this.requests.push({ method: params.method, path: params.path, body: params.body });
        try {
          return handle(params) as Record<string, unknown>;
        } catch (error) {
          // A fake that cannot answer fails the request loudly (a 500 the test shows), never silently.
          return failure(500, 'fake_elasticsearch_exception', (error as Error).message);
        }
      });
    on('PUT', '/_ilm/policy/:name', (p) => this.putPolicy(p));
    on('PUT', '/_index_template/:name', (p) => this.putTemplate(p));
    on('PUT', '/_data_stream/:name', (p) => this.createDataStream(lastSegment(p.path)));
    on('PUT', '/:index', (p) => this.createIndex(lastSegment(p.path), p.body as Partial<StoredIndex>));
    on('PUT', '/:index/_mapping', (p) =>
      this.putMapping(decodeURIComponent(p.path.split('/')[1]!), p.body as StoredIndex['mappings']),
    );
    on(['POST', 'PUT'], ['/_bulk', '/:index/_bulk'], (p) => this.bulk(p.body as Record<string, unknown>[]));
    on(['POST', 'GET'], '/:index/_search', (p) =>
      this.search(decodeURIComponent(p.path.split('/')[1]!), (p.body ?? {}) as SearchBody),
    );
  }

  /** A client talking to this fake (the engine retries nothing here: every answer is final). */
  client(): Client {
    return new Client({ node: 'http://fake-elasticsearch:9200', Connection: closableConnection(this.mock) });
  }

  /** The documents stored in the indices an expression names (`a`, `a,b`, `events-*`), index by index. */
  documents(expression: string): StoredDocument[] {
    return this.resolve(expression).flatMap((name) => [...this.indices.get(name)!.documents.values()]);
  }

  /**
   * The indices (and data streams) an index expression names, sorted: each comma-separated part is
   * an exact name or a pattern with `*`. An exact name that does not exist is left out here; the
   * callers answer it as a cluster does.
   */
  resolve(expression: string): string[] {
    const names = new Set<string>();
    for (const part of expression.split(',')) {
      const pattern = wildcard(part);
      for (const name of this.indices.keys()) if (pattern.test(name)) names.add(name);
    }
    return [...names].sort();
  }

  private putPolicy(params: RequestParams) {
    this.policies.set(lastSegment(params.path), params.body);
    return { acknowledged: true };
  }

  /** Puts a template, refusing (as a cluster does) to replace one a data stream needs by one that leaves it without. */
  private putTemplate(params: RequestParams) {
    const name = lastSegment(params.path);
    const body = params.body as StoredTemplate;
    const orphaned = [...this.indices.entries()]
      .filter(([stream, index]) => index.dataStream && this.templateFor(stream) === this.templates.get(name))
      .map(([stream]) => stream)
      .filter((stream) => !body.data_stream || !body.index_patterns.some((p) => wildcard(p).test(stream)));
    if (orphaned.length > 0)
      return failure(
        400,
        'illegal_argument_exception',
        `composable template [${name}] would cause data streams [${orphaned.join(', ')}] to no longer match a data stream template`,
      );
    this.templates.set(name, body);
    return { acknowledged: true };
  }

  private templateFor(name: string) {
    return [...this.templates.values()].find((t) => t.index_patterns.some((p) => wildcard(p).test(name)));
  }

  private createDataStream(name: string) {
    if (this.indices.has(name))
      return failure(400, 'resource_already_exists_exception', `data_stream [${name}] already exists`);
    const template = this.templateFor(name);
    if (!template?.data_stream)
      return failure(
        400,
        'illegal_argument_exception',
        `no matching index template with a data_stream for [${name}]`,
      );
    this.indices.set(name, {
      mappings: structuredClone(template.template.mappings),
      documents: new Map(),
      dataStream: true,
    });
    return { acknowledged: true };
  }

  /** Creates an index; its mapping is the request's, else that of the (non data stream) template matching its name. */
  private createIndex(name: string, body: Partial<StoredIndex> | undefined) {
    if (this.indices.has(name))
      return failure(400, 'resource_already_exists_exception', `index [${name}] already exists`);
    const template = this.templateFor(name);
    if (template?.data_stream)
      return failure(
        400,
        'illegal_argument_exception',
        `cannot create index [${name}]: it matches a data stream template`,
      );
    this.indices.set(name, {
      mappings: structuredClone(body?.mappings ?? template?.template.mappings ?? { properties: {} }),
      documents: new Map(),
      dataStream: false,
    });
    return { acknowledged: true, shards_acknowledged: true, index: name };
  }

  /** Put-mapping on every index the expression names (none is a 404, as a cluster answers it). */
  private putMapping(expression: string, mappings: StoredIndex['mappings']) {
    const indices = this.resolve(expression).map((name) => this.indices.get(name)!);
    if (indices.length === 0)
      return failure(404, 'index_not_found_exception', `no such index [${expression}]`);
    for (const index of indices)
      for (const [field, property] of Object.entries(mappings.properties ?? {})) {
        const existing = index.mappings.properties[field];
        if (existing && existing.type !== property.type)
          return failure(
            400,
            'illegal_argument_exception',
            `mapper [${field}] cannot be changed from type [${existing.type}] to [${property.type}]`,
          );
      }
    for (const index of indices) Object.assign(index.mappings.properties, mappings.properties ?? {});
    return { acknowledged: true };
  }

  private bulk(lines: Record<string, unknown>[]) {
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < lines.length; i += 2) {
      const [op, meta] = Object.entries(lines[i])[0] as [
        string,
        { _index: string; _id: string; version?: number; version_type?: string },
      ];
      const source = lines[i + 1] as Record<string, unknown>;
      const result =
        op === 'create' ? this.create(meta, source) : op === 'index' ? this.index(meta, source) : null;
      if (result === null) throw new Error(`bulk ${op} is not implemented`);
      items.push({ [op]: { _index: meta._index, _id: meta._id, ...result } });
    }
    return { took: 1, errors: items.some((item) => 'error' in (Object.values(item)[0] as object)), items };
  }

  private create(meta: { _index: string; _id: string }, source: StoredDocument) {
    this.createFromTemplate(meta._index);
    const index = this.indices.get(meta._index);
    if (!index) return itemError(404, 'index_not_found_exception', `no such index [${meta._index}]`);
    if (index.documents.has(meta._id))
      return itemError(
        409,
        'version_conflict_engine_exception',
        `[${meta._id}]: version conflict, document already exists`,
      );
    const invalid = this.invalid(index, source);
    if (invalid) return invalid;
    index.documents.set(meta._id, { ...source });
    return { status: 201, result: 'created' };
  }

  /**
   * A bulk write to a missing index creates it, as a cluster does, from the template matching its
   * name (a data stream for a data stream template). Without a template a cluster would guess a
   * dynamic mapping; the fake leaves the index missing, so the write fails with a 404 instead.
   */
  private createFromTemplate(name: string) {
    if (this.indices.has(name)) return;
    const template = this.templateFor(name);
    if (template?.data_stream) this.createDataStream(name);
    else if (template) this.createIndex(name, undefined);
  }

  /** An index operation; with an external version, a lower version than the stored one is a 409. */
  private index(
    meta: { _index: string; _id: string; version?: number; version_type?: string },
    source: StoredDocument,
  ) {
    const index = this.indices.get(meta._index);
    if (!index) return itemError(404, 'index_not_found_exception', `no such index [${meta._index}]`);
    if (index.dataStream)
      return itemError(
        400,
        'illegal_argument_exception',
        'only write ops with an op_type of create are allowed in data streams',
      );
    if (meta.version_type !== undefined && meta.version_type !== 'external_gte')
      throw new Error(`version_type ${meta.version_type} is not implemented`);
    const stored = this.versions.get(`${meta._index}/${meta._id}`);
    if (meta.version_type && stored !== undefined && meta.version! < stored)
      return itemError(
        409,
        'version_conflict_engine_exception',
        `[${meta._id}]: version conflict, current version [${stored}] is higher than the one provided [${meta.version}]`,
      );
    const invalid = this.invalid(index, source);
    if (invalid) return invalid;
    const existed = index.documents.has(meta._id);
    index.documents.set(meta._id, { ...source });
    if (meta.version !== undefined) this.versions.set(`${meta._index}/${meta._id}`, meta.version);
    return { status: existed ? 200 : 201, result: existed ? 'updated' : 'created' };
  }

  /** What a strict mapping refuses: an undeclared field, a value of the wrong type, a data stream document without @timestamp. */
  private invalid(index: StoredIndex, source: StoredDocument) {
    if (index.dataStream && source['@timestamp'] === undefined)
      return itemError(
        400,
        'document_parsing_exception',
        'data stream timestamp field [@timestamp] is missing',
      );
    for (const [field, value] of Object.entries(source)) {
      const type = index.mappings.properties[field]?.type;
      if (!type)
        return itemError(
          400,
          'strict_dynamic_mapping_exception',
          `mapping set to strict, dynamic introduction of [${field}] is not allowed`,
        );
      const fits =
        type === 'keyword'
          ? typeof value === 'string'
          : type === 'date'
            ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
            : type === 'double'
              ? typeof value === 'number'
              : Number.isInteger(value);
      if (!fits)
        return itemError(
          400,
          'document_parsing_exception',
          `failed to parse field [${field}] of type [${type}]`,
        );
    }
    return null;
  }

  private search(expression: string, body: SearchBody) {
    const missing = expression.split(',').find((part) => !part.includes('*') && !this.indices.has(part));
    if (missing) return failure(404, 'index_not_found_exception', `no such index [${missing}]`);
    const names = this.resolve(expression);
    const { query, aggs, size = 10, sort, search_after, track_total_hits: _total, _source, ...rest } = body;
    if (Object.keys(rest).length > 0)
      throw new Error(`search option ${Object.keys(rest)} is not implemented`);
    checkQuery(query);
    if (aggs) checkAggregations(aggs);
    // A pattern matching nothing: 200, no hits, and no aggregations at all (elastic/elasticsearch#129762).
    if (names.length === 0)
      return {
        took: 0,
        timed_out: false,
        _shards: { total: 0, successful: 0, skipped: 0, failed: 0 },
        hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
      };
    const types = new Map<string, string>();
    for (const name of names)
      for (const [field, p] of Object.entries(this.indices.get(name)!.mappings.properties)) {
        const known = types.get(field);
        // Indices searched together must agree on a field's type for its aggregations to mean one thing.
        if (known && known !== p.type)
          throw new Error(`field ${field} is ${known} in one index, ${p.type} in another`);
        types.set(field, p.type);
      }
    const found = names.flatMap((name) =>
      [...this.indices.get(name)!.documents.entries()]
        .filter(([, doc]) => matches(doc, query, types))
        .map(([id, doc]) => ({ ...doc, _id: id, _index: name })),
    );
    let hits = sort ? sortDocuments(found, sort, types) : found;
    if (search_after) {
      if (!sort) throw new Error('search_after needs a sort');
      const key = (doc: StoredDocument) => sort.map((clause) => doc[Object.keys(clause)[0]]);
      const position = hits.findIndex((doc) => compareKeys(key(doc), search_after, sort) > 0);
      hits = position === -1 ? [] : hits.slice(position);
    }
    return {
      took: 1,
      timed_out: false,
      _shards: { total: names.length, successful: names.length, skipped: 0, failed: 0 },
      hits: {
        total: { value: found.length, relation: 'eq' },
        max_score: null,
        hits: hits.slice(0, size).map(({ _id, _index, ...doc }) => ({
          _index,
          _id,
          _score: null,
          _source: _source === false ? undefined : doc,
          ...(sort ? { sort: sort.map((clause) => (doc as StoredDocument)[Object.keys(clause)[0]!]) } : {}),
        })),
      },
      ...(aggs ? { aggregations: aggregate(found, aggs, types) } : {}),
    };
  }
}

interface SearchBody {
  query?: unknown;
  aggs?: Record<string, Record<string, unknown>>;
  size?: number;
  sort?: SortClause[];
  search_after?: unknown[];
  track_total_hits?: boolean;
  _source?: boolean;
}

function compareKeys(a: unknown[], b: unknown[], sort: SortClause[]): number {
  for (let i = 0; i < sort.length; i += 1) {
    if (a[i] === b[i]) continue;
    const spec = Object.values(sort[i])[0];
    const direction = typeof spec === 'string' ? spec : spec.order;
    return ((a[i] as string) < (b[i] as string) ? -1 : 1) * (direction === 'asc' ? 1 : -1);
  }
  return 0;
}

function itemError(status: number, type: string, reason: string) {
  return { status, error: { type, reason } };
}

/** An index name or pattern (`*` = any run of characters) as a regular expression. */
function wildcard(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function lastSegment(path: string): string {
  return decodeURIComponent(path.split('/').filter(Boolean).at(-1)!);
}
