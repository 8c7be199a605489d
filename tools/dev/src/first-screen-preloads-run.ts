// The last step of `nx build portal`: the builder's output (dist/apps/portal-bundle) becomes the
// portal as published (dist/apps/portal) with its first-screen hints (first-screen-preloads.ts).
import { addFirstScreenPreloads } from './first-screen-preloads';

const [bundleDir = 'dist/apps/portal-bundle', outputDir = 'dist/apps/portal'] = process.argv.slice(2);
const added = addFirstScreenPreloads(bundleDir, outputDir);
const screens = added.screens.map((screen) => screen.chunks.length).join(' / ');
console.log(
  `${outputDir}: index.html preloads the shell's ${added.shell.length} chunks; ${added.script} those of the first screen (${screens})`,
);
