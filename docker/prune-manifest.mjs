// Trims a service build's generated package.json and package-lock.json to the packages its bundles
// require. Nx writes every npm dependency of every file of the libraries a service uses, test files
// included, so without this an image installs the test stand-ins' packages (smtp-server, stripe,
// mailparser) that production never loads.
//   node docker/prune-manifest.mjs dist/services/<service>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/** The packages a CommonJS bundle requires by bare name (`require("x")`, `require("@s/x/y")`). */
export function requiredPackages(source) {
  return [...source.matchAll(/require\("([^"./][^"]*)"\)/g)]
    .map((match) => match[1].replace(/^node:/, ''))
    .map((id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]))
    .filter((id) => !builtinModules.includes(id));
}

/** Where Node finds `name` from the package installed at `from` (a lock key, '' for the root). */
function resolveInLock(packages, from, name) {
  for (let dir = from; ;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (dir === '') return undefined;
    // Up one level: `node_modules/a/node_modules/@s/b` → `node_modules/a` → ''.
    const cut = dir.lastIndexOf('node_modules/');
    dir = cut <= 0 ? '' : dir.slice(0, cut - 1);
  }
}

/** The lock keeping only what `dependencies` reach (dependencies, optional and peer ones). */
export function pruneLock(lock, dependencies) {
  const packages = lock.packages;
  const kept = new Set(['']);
  const queue = [''];
  const root = { ...packages[''], dependencies };
  while (queue.length > 0) {
    const key = queue.shift();
    const entry = key === '' ? root : packages[key];
    const names = Object.keys({
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...entry.peerDependencies,
    });
    for (const name of names) {
      const found = resolveInLock(packages, key, name);
      if (found && !kept.has(found)) {
        kept.add(found);
        queue.push(found);
      }
    }
  }
  const pruned = Object.fromEntries(
    Object.entries(packages)
      .filter(([key]) => kept.has(key))
      .map(([key, value]) => [key, key === '' ? root : value]),
  );
  return { ...lock, packages: pruned };
}

function bundlesOf(folder) {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js') && !file.split('/').includes('node_modules'))
    .map((file) => readFileSync(join(folder, file), 'utf8'));
}

function main(folder) {
  const readJson = (file) => JSON.parse(readFileSync(join(folder, file), 'utf8'));
  const manifest = readJson('package.json');
  const lock = readJson('package-lock.json');
  const required = new Set(bundlesOf(folder).flatMap(requiredPackages));
  const dependencies = Object.fromEntries(
    Object.entries(manifest.dependencies ?? {}).filter(([name]) => required.has(name)),
  );
  const dropped = Object.keys(manifest.dependencies ?? {}).filter((name) => !required.has(name));
  const write = (file, value) => writeFileSync(join(folder, file), `${JSON.stringify(value, null, 2)}\n`);
  write('package.json', { ...manifest, dependencies });
  const prunedLock = pruneLock(lock, dependencies);
  write('package-lock.json', prunedLock);
  const before = Object.keys(lock.packages).length - 1;
  const after = Object.keys(prunedLock.packages).length - 1;
  console.log(
    `${folder}: ${Object.keys(dependencies).length} dependencies the bundles require` +
      (dropped.length > 0 ? `; dropped ${dropped.join(', ')}` : '') +
      `; ${after} of ${before} locked packages kept`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node docker/prune-manifest.mjs dist/services/<service>');
    process.exit(2);
  }
  main(folder);
}
