import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * ADR 3: the browser apps import plain values from these modules; a value import of a module that
 * builds schemas puts all of zod (≈ 80 kB transferred) into the screen that uses it. Type-only
 * imports are erased and may name anything.
 */
const ZOD_FREE = [
  'analytics-options.ts',
  'lead-options.ts',
  'permissions.ts',
  'photo-options.ts',
  'retail-options.ts',
  'syndication-options.ts',
  'team-options.ts',
  'vehicle-options.ts',
  'vin.ts',
];

/** What a module imports as values: `import … from`, `export … from`, minus `import type`. */
function valueImports(file: string): string[] {
  const source = readFileSync(join(import.meta.dirname, file), 'utf8');
  return [...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map(
    (match) => match[1] as string,
  );
}

/** Every module a value import of `file` loads, following the relative imports. */
function valueImportClosure(file: string, seen = new Set<string>()): Set<string> {
  for (const target of valueImports(file)) {
    const module = target.startsWith('./') ? `${target.slice(2)}.ts` : target;
    if (seen.has(module)) continue;
    seen.add(module);
    if (target.startsWith('./')) valueImportClosure(module, seen);
  }
  return seen;
}

describe('the zod-free contracts modules (ADR 3)', () => {
  it.each(ZOD_FREE)('%s loads neither zod nor a module that does', (file) => {
    expect([...valueImportClosure(file)]).not.toContain('zod');
  });

  it('notices zod behind a relative import (the check can fail)', () => {
    expect([...valueImportClosure('feed-import.ts')]).toContain('zod');
    expect(valueImports('vehicle-photos.ts')).toEqual(['zod', './photo-options', './problem']);
  });
});
