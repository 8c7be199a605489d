// The last step of `nx build portal` (issue 17): lets a phone download the code of the first screen
// beside the initial bundle, instead of after Angular has started and the router has matched the URL
// and then one round trip per level of the screen's chunk imports. The builder preloads only the
// initial bundle; the shell and the screens are lazy routes it knows nothing of. So:
//   - index.html names the shell's chunks, which every signed-in screen needs, as module preloads;
//   - a small script of its own (the policy allows no inline script) preloads the chunks of the one
//     first screen the URL opens: the inventory list, the leads inbox or a lead. A visit to one screen
//     does not download the others'.
// Both at low priority, so the initial bundle (which starts Angular) keeps its place. Then the service
// worker's manifest gets index.html's new hash and the script, or an installed worker would refuse
// the changed file.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHELL_MODULE = 'apps/portal/src/app/shell/shell.ts';

export interface FirstScreen {
  /** The pathnames that open it (`/` redirects to the inventory; a lead's siblings are pages, not leads). */
  pathname: RegExp;
  /** Its routed component, as the build's metafile names the source. */
  module: string;
}

/** The screens whose routes start loading at once (`canMatch: [loadComponentEarly]`). */
export const FIRST_SCREENS: FirstScreen[] = [
  {
    pathname: /^\/(?:inventory\/?)?$/,
    module: 'apps/portal/src/app/inventory/vehicle-list/vehicle-list-page.ts',
  },
  { pathname: /^\/leads\/?$/, module: 'apps/portal/src/app/leads/lead-inbox/lead-inbox-page.ts' },
  {
    pathname: /^\/leads\/(?!(?:board|activity|new|settings)\/?$)[^/]+\/?$/,
    module: 'apps/portal/src/app/leads/lead-detail/lead-detail-page.ts',
  },
];

/** The parts of the builder's esbuild metafile (`statsJson`) read here. */
export interface BuildMetafile {
  outputs: Record<
    string,
    { inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string }> }
  >;
}

/** The output chunk that holds a source module. */
export function chunkOfModule(metafile: BuildMetafile, sourceModule: string): string {
  const chunk = Object.keys(metafile.outputs).find((output) =>
    Object.hasOwn(metafile.outputs[output]?.inputs ?? {}, sourceModule),
  );
  if (!chunk) throw new Error(`No chunk of the build holds ${sourceModule}: was it renamed?`);
  return chunk;
}

/** A chunk and every chunk it imports statically, depth first (the order a browser asks for them). */
export function staticClosure(metafile: BuildMetafile, chunk: string, into = new Set<string>()): Set<string> {
  if (into.has(chunk)) return into;
  into.add(chunk);
  for (const imported of metafile.outputs[chunk]?.imports ?? []) {
    if (imported.kind === 'import-statement') staticClosure(metafile, imported.path, into);
  }
  return into;
}

/** The module scripts index.html starts the portal with. */
export function entryScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"[^>]*\btype="module"/g)].map(
    (m) => m[1] as string,
  );
}

/** What must arrive before the portal starts: the entry scripts and every chunk they import statically. */
export function initialChunks(metafile: BuildMetafile, html: string): Set<string> {
  const initial = new Set<string>();
  for (const script of entryScripts(html)) staticClosure(metafile, script, initial);
  return initial;
}

export interface FirstScreenPlan {
  /** The shell's chunks beyond the initial bundle. */
  shell: string[];
  /** Per first screen, its chunks beyond the initial bundle and the shell. */
  screens: Array<{ pathname: RegExp; chunks: string[] }>;
}

export function planFirstScreens(metafile: BuildMetafile, html: string): FirstScreenPlan {
  const initial = initialChunks(metafile, html);
  const shell = [...staticClosure(metafile, chunkOfModule(metafile, SHELL_MODULE))].filter(
    (chunk) => !initial.has(chunk),
  );
  const loaded = new Set([...initial, ...shell]);
  const screens = FIRST_SCREENS.map(({ pathname, module }) => ({
    pathname,
    chunks: [...staticClosure(metafile, chunkOfModule(metafile, module))].filter(
      (chunk) => !loaded.has(chunk),
    ),
  }));
  return { shell, screens };
}

/**
 * The script that preloads the first screen's chunks: a classic script, run as soon as it arrives
 * (`async`), that looks at the pathname once.
 */
export function screenPreloadScript(screens: FirstScreenPlan['screens']): string {
  const table = JSON.stringify(screens.map(({ pathname, chunks }) => [pathname.source, chunks]));
  return (
    '(function(){var screens=' +
    table +
    ';var path=location.pathname;for(var i=0;i<screens.length;i++){' +
    'if(!new RegExp(screens[i][0]).test(path))continue;' +
    'screens[i][1].forEach(function(chunk){var link=document.createElement("link");' +
    'link.rel="modulepreload";link.fetchPriority="low";link.href=chunk;document.head.appendChild(link);});' +
    'return;}})();\n'
  );
}

const sha1 = (content: string): string => createHash('sha1').update(content).digest('hex');

/** The script's file name: hashed like the builder's, so it can be cached for a year too. */
export function screenPreloadScriptName(script: string): string {
  return `first-screens-${sha1(script).slice(0, 10)}.js`;
}

/**
 * index.html with the screens' script first (at high priority: a browser opens six connections to the
 * edge, and a script queued behind the preloads would add its own only once they are in), then the
 * shell's preloads, before the builder's first preload or script.
 */
export function withFirstScreenHints(html: string, shell: string[], scriptName: string): string {
  const script = `<script src="${scriptName}" async fetchpriority="high"></script>`;
  const links = shell
    .map((chunk) => `<link rel="modulepreload" fetchpriority="low" href="${chunk}">`)
    .join('');
  const first = html.search(/<link rel="modulepreload"|<script/);
  if (first < 0) throw new Error('index.html has no script to put the preloads before');
  return html.slice(0, first) + script + links + html.slice(first);
}

/**
 * The service worker's manifest with index.html's hash as the worker checks it (SHA-1, hex) and the
 * screens' script in the app shell's group, which the worker downloads at install.
 */
export function withUpdatedManifest(
  manifest: string,
  html: string,
  scriptName: string,
  script: string,
): string {
  const parsed = JSON.parse(manifest) as {
    hashTable?: Record<string, string>;
    assetGroups?: Array<{ name: string; urls: string[] }>;
  };
  const appShell = parsed.assetGroups?.find((group) => group.urls.includes('/index.html'));
  if (!parsed.hashTable || !appShell) throw new Error('ngsw.json has no asset group with /index.html');
  parsed.hashTable['/index.html'] = sha1(html);
  parsed.hashTable[`/${scriptName}`] = sha1(script);
  appShell.urls.push(`/${scriptName}`);
  return JSON.stringify(parsed, null, 2);
}

/**
 * Writes the portal as published: the builder's output (`bundleDir`, left as it is, so a rerun starts
 * from it again) copied to `outputDir` with the first-screen hints added. Returns what it added.
 */
export function addFirstScreenPreloads(
  bundleDir: string,
  outputDir: string,
): FirstScreenPlan & { script: string } {
  const metafile = JSON.parse(readFileSync(join(bundleDir, 'browser-stats.json'), 'utf8')) as BuildMetafile;
  const browserDir = join(outputDir, 'browser');
  rmSync(outputDir, { recursive: true, force: true });
  cpSync(join(bundleDir, 'browser'), browserDir, { recursive: true });
  const indexPath = join(browserDir, 'index.html');
  const original = readFileSync(indexPath, 'utf8');
  const plan = planFirstScreens(metafile, original);
  const script = screenPreloadScript(plan.screens);
  const scriptName = screenPreloadScriptName(script);
  writeFileSync(join(browserDir, scriptName), script);
  const html = withFirstScreenHints(original, plan.shell, scriptName);
  writeFileSync(indexPath, html);
  const manifestPath = join(browserDir, 'ngsw.json');
  writeFileSync(
    manifestPath,
    withUpdatedManifest(readFileSync(manifestPath, 'utf8'), html, scriptName, script),
  );
  return { ...plan, script: scriptName };
}
