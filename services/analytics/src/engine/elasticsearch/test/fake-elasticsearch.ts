import { Client } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import { errors } from './cjs-errors';
import { aggregate, checkAggregations, sortDocuments, type SortClause } from './aggregations';
import { checkQuery, matches, type StoredDocument } from './query-dsl';
import { closableConnection } from './recording-cluster';

/**
 * An in-memory Elasticsearch behind the client's mock connection, for the engine contract suite:
 * it keeps what ready() puts (lifecycle policies, index templates, indices, data streams), stores
 * bulk-indexed documents checked against their strict mapping, and answers searches by evaluating
 * the query DSL and aggregations the engine sends (test/query-dsl.ts, test/aggregations.ts).
 * It is a single shard that refreshes at once: every write is visible to the next search.
 */
interface StoredIndex {
  mappings: { properties: Record<string, { type: string }> };
  documents: Map<string, StoredDocument>;
  dataStream: boolean;
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
  readonly templates = new Map<
    string,
    { index_patterns: string[]; data_stream?: object; template: { mappings: StoredIndex['mappings'] } }
  >();
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
      this.putMapping(p.path.split('/')[1], p.body as StoredIndex['mappings']),
    );
    on(['POST', 'PUT'], ['/_bulk', '/:index/_bulk'], (p) => this.bulk(p.body as Record<string, unknown>[]));
    on(['POST', 'GET'], '/:index/_search', (p) =>
      this.search(p.path.split('/')[1], (p.body ?? {}) as SearchBody),
    );
  }

  /** A client talking to this fake (the engine retries nothing here: every answer is final). */
  client(): Client {
    return new Client({ node: 'http://fake-elasticsearch:9200', Connection: closableConnection(this.mock) });
  }

  documents(index: string): StoredDocument[] {
    return [...(this.indices.get(index)?.documents.values() ?? [])];
  }

  private putPolicy(params: RequestParams) {
    this.policies.set(lastSegment(params.path), params.body);
    return { acknowledged: true };
  }

  private putTemplate(params: RequestParams) {
    this.templates.set(lastSegment(params.path), params.body as never);
    return { acknowledged: true };
  }

  private templateFor(name: string) {
    // Exact names and trailing-* patterns are all the engine's templates use.
    return [...this.templates.values()].find((t) =>
      t.index_patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : p === name)),
    );
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

  private createIndex(name: string, body: Partial<StoredIndex>) {
    if (this.indices.has(name))
      return failure(400, 'resource_already_exists_exception', `index [${name}] already exists`);
    this.indices.set(name, {
      mappings: structuredClone(body.mappings ?? { properties: {} }),
      documents: new Map(),
      dataStream: false,
    });
    return { acknowledged: true, shards_acknowledged: true, index: name };
  }

  private putMapping(name: string, mappings: StoredIndex['mappings']) {
    const index = this.indices.get(name);
    if (!index) return failure(404, 'index_not_found_exception', `no such index [${name}]`);
    for (const [field, property] of Object.entries(mappings.properties ?? {})) {
      const existing = index.mappings.properties[field];
      if (existing && existing.type !== property.type)
        return failure(
          400,
          'illegal_argument_exception',
          `mapper [${field}] cannot be changed from type [${existing.type}] to [${property.type}]`,
        );
      index.mappings.properties[field] = property;
    }
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
    if (!this.indices.has(meta._index) && this.templateFor(meta._index)?.data_stream)
      this.createDataStream(meta._index);
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

  private search(name: string, body: SearchBody) {
    const index = this.indices.get(name);
    if (!index) return failure(404, 'index_not_found_exception', `no such index [${name}]`);
    const { query, aggs, size = 10, sort, search_after, track_total_hits: _total, _source, ...rest } = body;
    if (Object.keys(rest).length > 0)
      throw new Error(`search option ${Object.keys(rest)} is not implemented`);
    checkQuery(query);
    if (aggs) checkAggregations(aggs);
    const types = new Map(Object.entries(index.mappings.properties).map(([field, p]) => [field, p.type]));
    const found = [...index.documents.entries()]
      .filter(([, doc]) => matches(doc, query, types))
      .map(([id, doc]) => ({ ...doc, _id: id }));
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
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: {
        total: { value: found.length, relation: 'eq' },
        max_score: null,
        hits: hits.slice(0, size).map(({ _id, ...doc }) => ({
          _index: name,
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

function lastSegment(path: string): string {
  return decodeURIComponent(path.split('/').filter(Boolean).at(-1)!);
}
