import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

/** The service's source files, tests and test helpers left out (they may reach anywhere). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A folder of src/ is one node; a file directly in src/ (main.ts, database.ts…) is a node of its own. */
const nodeOf = (file: string) => {
  const path = relative(SRC, file);
  return path.includes('/') ? (path.split('/')[0] ?? path) : path;
};

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = nodeOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
      const to = nodeOf(`${resolve(dirname(file), spec ?? '')}.ts`);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's path, found depth first (a -> b -> a). */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) return void found.push([...path.slice(at), node].join(' -> '));
    if (done.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

describe('the leads service’s folders', () => {
  it('import each other without cycles, so each can be read (and moved) knowing only what is below it', () => {
    const graph = folderGraph();
    expect(graph.get('outbox')).toBeDefined();
    expect(cycles(graph)).toEqual([]);
  });

  it('keep the outbox mechanism ignorant of its consumers', () => {
    const outbox = [...(folderGraph().get('outbox') ?? [])];
    expect(outbox.filter((node) => !node.endsWith('.ts'))).toEqual([]);
  });

  it('would see a cycle if there were one', () => {
    const graph = new Map([
      ['mail', new Set(['outbox'])],
      ['outbox', new Set(['mail'])],
    ]);
    expect(cycles(graph)).toEqual(['mail -> outbox -> mail']);
  });
});
