// The portal's form fields get their look from FORM_FIELD_DEFAULTS (apps/portal/src/app/shared/
// form-field-defaults.ts), provided by each component that shows one rather than by the shell, so
// Material's form field stays off a phone's first download (issue 17). A component that forgets it
// shows Material's filled fields; this finds it before a dealer does.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = join(import.meta.dirname, '../../../apps/portal/src/app');

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The component's template: inline, or the file its `templateUrl` names. */
function templateOf(file: string, source: string): string {
  const url = /templateUrl:\s*'([^']+)'/.exec(source)?.[1];
  return url ? readFileSync(join(dirname(file), url), 'utf8') : source;
}

describe('the portal’s form fields', () => {
  const components = componentFiles(APP)
    .map((file) => ({ file, source: readFileSync(file, 'utf8') }))
    .filter(({ source }) => source.includes('@Component('));

  it('are provided their look by every component that shows one', () => {
    const withFields = components.filter(({ file, source }) =>
      templateOf(file, source).includes('<mat-form-field'),
    );
    expect(withFields.length).toBeGreaterThan(20);
    const without = withFields
      .filter(({ source }) => !/providers:\s*\[[^\]]*\bFORM_FIELD_DEFAULTS\b/.test(source))
      .map(({ file }) => relative(APP, file));
    expect(without).toEqual([]);
  });

  it('are not the shell’s to provide: Material’s form field would load before every first screen', () => {
    const shell = readFileSync(join(APP, 'shell/shell.ts'), 'utf8');
    expect(shell).not.toMatch(/@angular\/material\/form-field|FORM_FIELD_DEFAULTS/);
  });
});
