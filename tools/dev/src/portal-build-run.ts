// The last step of `nx build portal`: the builder's output (dist/apps/portal-bundle) becomes the
// portal as published (dist/apps/portal): its first-screen hints (first-screen-preloads.ts) and each
// bundle compressed once at brotli's best (brotli-bundles.ts).
import { join } from 'node:path';
import { writeBrotliBundles } from './brotli-bundles';
import { addFirstScreenPreloads } from './first-screen-preloads';

const [bundleDir = 'dist/apps/portal-bundle', outputDir = 'dist/apps/portal'] = process.argv.slice(2);
const added = addFirstScreenPreloads(bundleDir, outputDir);
const compressed = writeBrotliBundles(join(outputDir, 'browser'));
const screens = added.screens.map((screen) => screen.chunks.length).join(' / ');
console.log(
  `${outputDir}: index.html preloads the shell's ${added.shell.length} chunks; ${added.script} those of the first screen (${screens}); ${compressed} bundles compressed with brotli 11`,
);
