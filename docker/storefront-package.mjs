// Writes the storefront image's package.json: the packages its server bundle leaves outside
// (apps/storefront/project.json, externalDependencies), each at the exact version the workspace's
// package-lock.json installs, so the image runs what the build was tested with. The Angular builder
// writes no package.json of its own (unlike the services' esbuild builds).
//   node docker/storefront-package.mjs [workspace root] [output file]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [root = '.', output = join(root, 'dist/apps/storefront/package.json')] = process.argv.slice(2);
const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const project = readJson('apps/storefront/project.json');
const lock = readJson('package-lock.json');
const externals = [...(project.targets.build.options.externalDependencies ?? [])].sort();
const dependencies = {};
for (const name of externals) {
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version)
    throw new Error(`${name} is external to the storefront's bundle but not in package-lock.json`);
  dependencies[name] = version;
}
writeFileSync(
  output,
  `${JSON.stringify({ name: 'showroom-storefront', private: true, dependencies }, null, 2)}\n`,
);
console.log(`${output}: ${externals.length} packages the server imports at run time`);
