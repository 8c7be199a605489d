import { SEARCH_FACETS, type Highlight, type SearchFacet } from '@showroom/contracts';
import type {
  SearchDocument,
  SearchFilters,
  SearchRequest,
  SearchResult,
  VehicleSearchEngine,
  VehicleSearchIndex,
} from '../../port';
import { primaryIndexSettings, REPLICA_SORTS, replicaIndexName } from '../index-settings';
import { ID_ORDER_ATTRIBUTES, idOrder, vinTails } from '../vehicle-record';
import type { Answer, RecordedRequest } from './recording-requester';

/**
 * Answers the part of Algolia's REST API the adapter uses (query, batch, task) by translating each
 * request back into the port and running it on another engine (the embedded one). It is strict the
 * way Algolia is: unknown parameters, filters on attributes the settings do not declare, facets
 * that are filter-only and writes to a replica are refused with a 400, so the contract suite run
 * through it checks the adapter's requests against the index settings as well as its answers.
 */
export class AlgoliaEmulator {
  private readonly records = new Map<string, Record<string, unknown>>();
  private readonly settings;
  private readonly sortOfIndex: Map<string, SearchRequest['sort']>;
  private taskCount = 0;

  constructor(
    private readonly indexName: string,
    private readonly engine: VehicleSearchEngine & VehicleSearchIndex,
  ) {
    this.settings = primaryIndexSettings(indexName);
    this.sortOfIndex = new Map<string, SearchRequest['sort']>([
      [indexName, 'relevance'],
      ...REPLICA_SORTS.map((sort) => [replicaIndexName(indexName, sort), sort] as const),
    ]);
  }

  readonly respond = async (request: RecordedRequest): Promise<Answer> => {
    try {
      const [, version, indexes, index, action, ...rest] = request.path.split('/');
      if (version !== '1' || indexes !== 'indexes' || !index) return refuse(404, `no route ${request.path}`);
      if (request.method === 'GET' && action === 'task' && rest.length === 1)
        return { status: 200, body: { status: 'published', pendingTask: false } };
      if (request.method === 'POST' && action === 'query' && rest.length === 0)
        return { status: 200, body: await this.query(index, request.body) };
      if (request.method === 'POST' && action === 'batch' && rest.length === 0)
        return { status: 200, body: await this.batch(index, request.body) };
      return refuse(404, `the emulator does not answer ${request.method} ${request.path}`);
    } catch (error) {
      if (error instanceof Refusal) return refuse(error.status, error.message);
      throw error;
    }
  };

  private async batch(index: string, body: unknown): Promise<unknown> {
    if (index !== this.indexName)
      throw new Refusal(400, `cannot write to ${index}: only the primary index takes records`);
    const { requests } = strictObject(body, ['requests']) as { requests: unknown };
    if (!Array.isArray(requests)) throw new Refusal(400, 'requests must be an array');
    const upserts: SearchDocument[] = [];
    const removals: SearchDocument[] = [];
    for (const entry of requests) {
      const { action, body: record } = strictObject(entry, ['action', 'body']) as {
        action: string;
        body: unknown;
      };
      const objectID = (record as { objectID?: unknown })?.objectID;
      if (typeof objectID !== 'string') throw new Refusal(400, 'every record needs an objectID');
      if (action === 'deleteObject') {
        strictObject(record, ['objectID']);
        const gone = this.records.get(objectID);
        this.records.delete(objectID);
        if (gone) removals.push(toDocument(gone));
      } else if (action === 'addObject' || action === 'partialUpdateObject') {
        const merged = {
          ...(action === 'partialUpdateObject' ? this.records.get(objectID) : {}),
          ...(record as object),
        };
        const document = toDocument(merged);
        this.records.set(objectID, merged);
        upserts.push(document);
      } else {
        throw new Refusal(400, `the emulator does not know the batch action ${action}`);
      }
    }
    if (upserts.length > 0) await this.engine.upsert(upserts);
    if (removals.length > 0)
      await this.engine.remove(removals.map(({ dealershipId, id }) => ({ dealershipId, id })));
    return {
      taskID: ++this.taskCount,
      objectIDs: requests.map((entry) => (entry as { body: { objectID: string } }).body.objectID),
    };
  }

  private async query(index: string, body: unknown): Promise<unknown> {
    const sort = this.sortOfIndex.get(index);
    if (!sort) throw new Refusal(404, `index ${index} does not exist`);
    const params = strictObject(body, QUERY_PARAMETERS) as QueryParameters;
    const facets = (params.facets ?? []).map((attribute) => this.facetOf(attribute));
    const request: SearchRequest = {
      dealershipIds: rooftopsOf(params.filters),
      text: params.query === undefined || params.query === '' ? undefined : params.query,
      filters: {
        ...this.facetFiltersOf(params.facetFilters ?? []),
        ...this.numericFiltersOf(params.numericFilters ?? []),
      },
      sort,
      page: (params.page ?? 0) + 1,
      pageSize: params.hitsPerPage ?? 20,
      facets,
    };
    const result = await this.engine.search(request);
    return this.responseOf(result, request, params);
  }

  private facetableAttributes(): { filterOnly: Set<string>; faceted: Set<string> } {
    const filterOnly = new Set<string>();
    const faceted = new Set<string>();
    for (const declared of this.settings.attributesForFaceting ?? []) {
      const match = /^(filterOnly|searchable)\((\w+)\)$/.exec(declared);
      if (match?.[1] === 'filterOnly') filterOnly.add(match[2] as string);
      else faceted.add(match ? (match[2] as string) : declared);
    }
    return { filterOnly, faceted };
  }

  private facetOf(attribute: string): SearchFacet {
    if (!this.facetableAttributes().faceted.has(attribute))
      throw new Refusal(400, `facets: ${attribute} is not in attributesForFaceting (or is filter-only)`);
    const facet = attribute === 'priceCents' ? 'price' : attribute;
    if (!(SEARCH_FACETS as readonly string[]).includes(facet))
      throw new Refusal(400, `facets: ${attribute} is no search facet`);
    return facet as SearchFacet;
  }

  private facetFiltersOf(groups: unknown[]): SearchFilters {
    const { filterOnly, faceted } = this.facetableAttributes();
    const filters: Record<string, unknown> = {};
    for (const group of groups) {
      if (!Array.isArray(group) || group.length === 0)
        throw new Refusal(400, 'facetFilters: the adapter sends OR-groups');
      const parsed = group.map((filter: unknown) => {
        const match = typeof filter === 'string' ? /^(\w+):(.*)$/s.exec(filter) : null;
        if (!match) throw new Refusal(400, `facetFilters: cannot read ${JSON.stringify(filter)}`);
        const [, attribute, raw] = match as unknown as [string, string, string];
        if (!filterOnly.has(attribute) && !faceted.has(attribute))
          throw new Refusal(400, `facetFilters: ${attribute} is not in attributesForFaceting`);
        if (raw.startsWith('-'))
          throw new Refusal(400, `facetFilters: ${filter} would negate; the adapter never negates`);
        return { attribute, value: raw.startsWith('\\-') ? raw.slice(1) : raw };
      });
      const attribute = parsed[0]?.attribute as string;
      if (parsed.some((filter) => filter.attribute !== attribute))
        throw new Refusal(400, 'facetFilters: one attribute per group');
      if (attribute in filters) throw new Refusal(400, `facetFilters: ${attribute} twice`);
      if (attribute === 'published') {
        if (parsed.length !== 1 || !['true', 'false'].includes(parsed[0]?.value ?? ''))
          throw new Refusal(400, 'facetFilters: published is one boolean');
        filters['published'] = parsed[0]?.value === 'true';
      } else {
        filters[attribute] = parsed.map((filter) => filter.value);
      }
    }
    return filters as SearchFilters;
  }

  private numericFiltersOf(conditions: unknown[]): SearchFilters {
    const allowed = new Set(this.settings.numericAttributesForFiltering ?? []);
    const names: Record<string, [string, string]> = {
      year: ['yearMin', 'yearMax'],
      priceCents: ['priceMin', 'priceMax'],
      mileage: ['mileageMin', 'mileageMax'],
    };
    const filters: Record<string, number> = {};
    for (const condition of conditions) {
      const match = typeof condition === 'string' ? /^(\w+)(>=|<=)(\d+)$/.exec(condition) : null;
      if (!match) throw new Refusal(400, `numericFilters: cannot read ${JSON.stringify(condition)}`);
      const [, attribute, operator, value] = match as unknown as [string, string, string, string];
      if (!allowed.has(attribute) || !names[attribute])
        throw new Refusal(400, `numericFilters: ${attribute} is not in numericAttributesForFiltering`);
      filters[(names[attribute] as [string, string])[operator === '>=' ? 0 : 1]] = Number(value);
    }
    return filters as SearchFilters;
  }

  private responseOf(result: SearchResult, request: SearchRequest, params: QueryParameters): unknown {
    const pre = params.highlightPreTag ?? '<em>';
    const post = params.highlightPostTag ?? '</em>';
    const retrieve = params.attributesToRetrieve ?? ['*'];
    const facets: Record<string, Record<string, number>> = {};
    const facetsStats: Record<string, { min: number; max: number; avg: number; sum: number }> = {};
    for (const [facet, counts] of Object.entries(result.facets)) {
      facets[facet] = Object.fromEntries((counts ?? []).map(({ value, count }) => [value, count]));
    }
    for (const [facet, range] of Object.entries(result.ranges)) {
      if (range)
        facetsStats[facet === 'price' ? 'priceCents' : facet] = { ...range, avg: range.min, sum: range.min };
    }
    return {
      hits: result.hits.map((hit) => {
        const record = this.records.get(hit.id) ?? {};
        const retrieved = Object.fromEntries(
          Object.entries(record).filter(
            ([name]) => name === 'objectID' || retrieve.includes('*') || retrieve.includes(name),
          ),
        );
        const highlighted = highlightResultOf(
          record,
          hit.highlights,
          params.attributesToHighlight ?? [],
          pre,
          post,
        );
        return {
          ...retrieved,
          ...(Object.keys(highlighted).length > 0 ? { _highlightResult: highlighted } : {}),
        };
      }),
      nbHits: result.total,
      page: request.page - 1,
      hitsPerPage: request.pageSize,
      nbPages: Math.ceil(result.total / request.pageSize),
      facets,
      facets_stats: facetsStats,
      exhaustiveNbHits: true,
      query: params.query ?? '',
      params: '',
      processingTimeMS: 1,
    };
  }
}

const QUERY_PARAMETERS = [
  'query',
  'filters',
  'facetFilters',
  'numericFilters',
  'page',
  'hitsPerPage',
  'facets',
  'maxValuesPerFacet',
  'sortFacetValuesBy',
  'attributesToRetrieve',
  'attributesToHighlight',
  'highlightPreTag',
  'highlightPostTag',
];

interface QueryParameters {
  query?: string;
  filters?: string;
  facetFilters?: unknown[];
  numericFilters?: unknown[];
  page?: number;
  hitsPerPage?: number;
  facets?: string[];
  attributesToRetrieve?: string[];
  attributesToHighlight?: string[];
  highlightPreTag?: string;
  highlightPostTag?: string;
}

/**
 * A search document's fields, alphabetical. The compiler holds each to the port's type; a field the
 * port gains and this list lacks gets every record refused, so none reaches the index unlisted.
 */
const DOCUMENT_FIELDS = [
  'bodyStyle',
  'condition',
  'dealershipId',
  'drivetrain',
  'exteriorColor',
  'fuelType',
  'groupId',
  'id',
  'listedAt',
  'make',
  'mileage',
  'model',
  'priceCents',
  'published',
  'status',
  'stockNumber',
  'trim',
  'vin',
  'year',
] as const satisfies readonly (keyof SearchDocument)[];

/** What a vehicle record may hold: the search document, its objectID, VIN tails and id order, nothing else. */
const RECORD_ATTRIBUTES = ['objectID', 'vinTail', ...ID_ORDER_ATTRIBUTES, ...DOCUMENT_FIELDS];

function toDocument(record: Record<string, unknown>): SearchDocument {
  strictObject(record, RECORD_ATTRIBUTES);
  const missing = RECORD_ATTRIBUTES.filter((name) => !(name in record));
  if (missing.length > 0)
    throw new Refusal(400, `record ${String(record['objectID'])} lacks ${missing.join(', ')}`);
  if (record['objectID'] !== record['id']) throw new Refusal(400, 'objectID must be the vehicle id');
  if (JSON.stringify(record['vinTail']) !== JSON.stringify(vinTails(String(record['vin']))))
    throw new Refusal(400, 'vinTail must be the last eight and last six characters of the VIN');
  if (
    JSON.stringify(ID_ORDER_ATTRIBUTES.map((name) => record[name])) !==
    JSON.stringify(Object.values(idOrder(String(record['id']))))
  )
    throw new Refusal(400, 'idOrder1..3 must be the id read as numbers');
  const document = Object.fromEntries(
    Object.entries(record).filter(
      ([name]) => name !== 'objectID' && name !== 'vinTail' && !name.startsWith('idOrder'),
    ),
  );
  return document as unknown as SearchDocument;
}

/** `(dealershipId:"a" OR dealershipId:"b")`, the one filter string the adapter sends. */
function rooftopsOf(filters: string | undefined): string[] {
  const match = filters === undefined ? null : /^\((.+)\)$/.exec(filters);
  const ids = match?.[1]?.split(' OR ').map((term) => /^dealershipId:"((?:[^"\\]|\\.)*)"$/.exec(term)?.[1]);
  if (!ids || ids.some((id) => id === undefined))
    throw new Refusal(400, `filters: cannot read ${JSON.stringify(filters)}`);
  return ids.map((id) => (id as string).replace(/\\(.)/g, '$1'));
}

/** Algolia's _highlightResult: every asked attribute with a value, the matched ones marked. */
function highlightResultOf(
  record: Record<string, unknown>,
  highlights: Highlight[],
  attributes: string[],
  pre: string,
  post: string,
): Record<string, unknown> {
  const marked = (parts: Highlight['parts']) =>
    parts.map((part) => (part.match ? `${pre}${part.text}${post}` : part.text)).join('');
  const option = (value: string, parts?: Highlight['parts']) => ({
    value: parts ? marked(parts) : value,
    matchLevel: parts ? (parts.every((part) => part.match) ? 'full' : 'partial') : 'none',
    matchedWords: parts ? parts.filter((part) => part.match).map((part) => part.text.toLowerCase()) : [],
  });
  const byField = new Map(highlights.map((highlight) => [highlight.field as string, highlight.parts]));
  // A VIN matched at its end was matched by its tail: Algolia marks the vinTail attribute, not vin.
  const vinParts = byField.get('vin');
  const tailMatch = vinParts && vinParts[0] && !vinParts[0].match ? vinParts : undefined;
  if (tailMatch) byField.delete('vin');
  const result: Record<string, unknown> = {};
  for (const attribute of attributes) {
    const value = record[attribute];
    if (value === null || value === undefined) continue;
    if (attribute === 'vinTail') {
      const tails = value as string[];
      const tailStart = tailMatch ? (tailMatch[0] as { text: string }).text.length : -1;
      const vin = String(record['vin']);
      result[attribute] = tails.map((tail) =>
        tailMatch && vin.length - tail.length === tailStart ? option(tail, tailMatch.slice(1)) : option(tail),
      );
    } else {
      result[attribute] = option(String(value), byField.get(attribute));
    }
  }
  return result;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function refuse(status: number, message: string): Answer {
  return { status, body: { message, status } };
}

function strictObject(value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Refusal(400, 'expected a JSON object');
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new Refusal(400, `Unknown parameter: ${unknown.join(', ')}`);
  return value as Record<string, unknown>;
}
