import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMES, eventMappings, eventsPattern, VEHICLE_FIELDS } from './index-template';

// infra/kibana/saved-objects.ndjson (imported by infra/scripts/kibana-import.sh at deploy): every
// object is shaped as Kibana's import takes it, every reference resolves to an object in the file,
// and every field a visualization or its query names exists where its data view points: the
// analytics events' index template, the vehicles index, or the stack monitoring mapping.

const FILE = join(import.meta.dirname, '../../../../../infra/kibana/saved-objects.ndjson');

interface SavedObject {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  references: { type: string; id: string; name: string }[];
  coreMigrationVersion?: string;
  typeMigrationVersion?: string;
}

interface LensColumn {
  operationType: string;
  sourceField?: string;
  params?: { sortField?: string; orderBy?: { type: string; columnId?: string } };
}

const objects: SavedObject[] = readFileSync(FILE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SavedObject);

/**
 * The stack monitoring fields the cluster health dashboard reads, as the Elasticsearch integration
 * maps them for `metrics-elasticsearch.stack_monitoring.*` and Metricbeat 8 for `.monitoring-es-8-mb*`
 * (elastic/integrations packages/elasticsearch data_stream/{cluster_stats,node_stats}/fields).
 */
const MONITORING_FIELDS = new Set([
  '@timestamp',
  'elasticsearch.cluster.name',
  'elasticsearch.cluster.id',
  'elasticsearch.node.name',
  'elasticsearch.node.id',
  'elasticsearch.cluster.stats.status',
  'elasticsearch.cluster.stats.nodes.count',
  'elasticsearch.cluster.stats.indices.shards.count',
  'elasticsearch.node.stats.jvm.mem.heap.used.pct',
  'elasticsearch.node.stats.process.cpu.pct',
  'elasticsearch.node.stats.thread_pool.write.queue.count',
  'elasticsearch.node.stats.thread_pool.write.rejected.count',
  'elasticsearch.node.stats.fs.summary.available.bytes',
]);

/** The fields behind each data view, by its id. */
const FIELDS_BY_DATA_VIEW: Record<string, ReadonlySet<string>> = {
  'showroom-analytics-events': new Set(Object.keys(eventMappings().properties ?? {})),
  'showroom-analytics-vehicles': new Set(Object.keys(VEHICLE_FIELDS)),
  'showroom-elasticsearch-monitoring': MONITORING_FIELDS,
};

/** Field names a KQL query compares (`field : value`, `field >= n`). */
function kqlFields(query: string): string[] {
  return [...query.matchAll(/([@A-Za-z_][\w.@]*)\s*(?::|<=|>=|<|>)/g)].map((m) => m[1]!);
}

interface LensLayer {
  columns: Record<string, LensColumn>;
  columnOrder: string[];
}

function lensState(lens: SavedObject) {
  return lens.attributes['state'] as {
    datasourceStates: { formBased: { layers: Record<string, LensLayer> } };
    query: { query: string; language: string };
  };
}

/** Every problem with one Lens visualization's fields, as `<lens id>: <field>` lines (empty when all exist). */
function unknownLensFields(lens: SavedObject): string[] {
  const problems: string[] = [];
  const state = lensState(lens);
  for (const [layerId, layer] of Object.entries(state.datasourceStates.formBased.layers)) {
    const dataView = lens.references.find((r) => r.name === `indexpattern-datasource-layer-${layerId}`)?.id;
    const fields = dataView ? FIELDS_BY_DATA_VIEW[dataView] : undefined;
    if (!fields) {
      problems.push(`${lens.id}: layer ${layerId} has no known data view`);
      continue;
    }
    for (const column of Object.values(layer.columns)) {
      for (const field of [column.sourceField, column.params?.sortField]) {
        if (field && field !== '___records___' && !fields.has(field)) problems.push(`${lens.id}: ${field}`);
      }
    }
    for (const field of kqlFields(state.query.query))
      if (!fields.has(field)) problems.push(`${lens.id}: ${field}`);
  }
  return problems;
}

const byType = (type: string) => objects.filter((o) => o.type === type);

describe('infra/kibana/saved-objects.ndjson', () => {
  it('holds the data views, the analytics dashboard and the cluster health dashboard', () => {
    expect(byType('index-pattern').map((o) => o.id)).toEqual([
      'showroom-analytics-events',
      'showroom-analytics-vehicles',
      'showroom-elasticsearch-monitoring',
    ]);
    expect(byType('dashboard').map((o) => o.id)).toEqual([
      'showroom-analytics',
      'showroom-elasticsearch-health',
    ]);
    expect(byType('lens').length).toBeGreaterThanOrEqual(10);
  });

  it('gives every object a known type, a unique id, attributes with a title, references and migration versions', () => {
    const ids = objects.map((o) => `${o.type}/${o.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const object of objects) {
      expect(['index-pattern', 'lens', 'dashboard'], object.id).toContain(object.type);
      expect(object.id).toMatch(/^[a-z0-9-]+$/);
      expect(typeof object.attributes['title'], object.id).toBe('string');
      expect(Array.isArray(object.references), object.id).toBe(true);
      // Without versions Kibana would run every migration since 7.x over objects written for 8.x.
      expect(object.coreMigrationVersion, object.id).toMatch(/^8\.\d+\.\d+$/);
      expect(object.typeMigrationVersion, object.id).toMatch(/^8\.\d+\.\d+$/);
    }
  });

  it('points the data views at the indices the engine writes, with their time fields', () => {
    const view = (id: string) => objects.find((o) => o.id === id)!.attributes;
    expect(view('showroom-analytics-events')).toMatchObject({
      // Every month's index (`showroom-analytics-events-*`), the pattern the engine's reports read.
      title: eventsPattern(DEFAULT_NAMES),
      timeFieldName: '@timestamp',
    });
    expect(view('showroom-analytics-vehicles')).toMatchObject({
      title: DEFAULT_NAMES.vehiclesIndex,
      timeFieldName: 'listed_at',
    });
    expect(view('showroom-elasticsearch-monitoring')['title']).toContain(
      'metrics-elasticsearch.stack_monitoring.*',
    );
  });

  it('resolves every reference to an object of that type and id in the file', () => {
    const present = new Set(objects.map((o) => `${o.type}/${o.id}`));
    const dangling = objects.flatMap((o) =>
      o.references.filter((r) => !present.has(`${r.type}/${r.id}`)).map((r) => `${o.id} → ${r.type}/${r.id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('lays each dashboard panel on the 48-column grid, each referring to its visualization by name', () => {
    for (const dashboard of byType('dashboard')) {
      const panels = JSON.parse(dashboard.attributes['panelsJSON'] as string) as {
        panelIndex: string;
        panelRefName: string;
        gridData: { x: number; y: number; w: number; h: number; i: string };
      }[];
      expect(panels.length, dashboard.id).toBeGreaterThan(0);
      for (const panel of panels) {
        expect(
          panel.gridData.x + panel.gridData.w,
          `${dashboard.id} ${panel.panelIndex}`,
        ).toBeLessThanOrEqual(48);
        expect(panel.gridData.i).toBe(panel.panelIndex);
        const reference = dashboard.references.find(
          (r) => r.name === `${panel.panelIndex}:${panel.panelRefName}`,
        );
        expect(reference, `${dashboard.id} ${panel.panelIndex}`).toBeDefined();
      }
      expect(() => JSON.parse(dashboard.attributes['optionsJSON'] as string)).not.toThrow();
      const meta = dashboard.attributes['kibanaSavedObjectMeta'] as { searchSourceJSON: string };
      expect(() => JSON.parse(meta.searchSourceJSON)).not.toThrow();
    }
  });

  it('gives each Lens layer a data view reference, and orders terms only by columns of that layer', () => {
    for (const lens of byType('lens')) {
      const { datasourceStates, query } = lensState(lens);
      expect(query.language, lens.id).toBe('kuery');
      for (const [layerId, layer] of Object.entries(datasourceStates.formBased.layers)) {
        const reference = lens.references.find((r) => r.name === `indexpattern-datasource-layer-${layerId}`);
        expect(reference?.type, `${lens.id} ${layerId}`).toBe('index-pattern');
        expect([...layer.columnOrder].sort()).toEqual(Object.keys(layer.columns).sort());
        for (const column of Object.values(layer.columns)) {
          const orderBy = column.params?.orderBy;
          if (orderBy?.type === 'column') expect(layer.columns, lens.id).toHaveProperty([orderBy.columnId!]);
        }
      }
    }
  });

  it('refers only to fields that exist in the index template (or the vehicles and monitoring mappings)', () => {
    expect(byType('lens').flatMap(unknownLensFields)).toEqual([]);
  });

  it('would catch a visualization that names a field the template does not have (the check can fail)', () => {
    const lens = structuredClone(byType('lens').find((o) => o.id === 'showroom-analytics-leads-by-source')!);
    const { datasourceStates, query } = lensState(lens);
    datasourceStates.formBased.layers['layer1']!.columns['source']!.sourceField = 'lead_source';
    query.query = 'type : "lead_created"';

    expect(unknownLensFields(lens)).toEqual([
      'showroom-analytics-leads-by-source: lead_source',
      'showroom-analytics-leads-by-source: type',
    ]);
  });
});
