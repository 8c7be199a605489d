import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/services/retail',
  plugins: [tsconfigPaths({ root: '../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'retail',
    watch: false,
    environment: 'node',
    // Test files share one module graph (each starts what it needs): loading it again for every
    // file was half of the suite's CPU.
    isolate: false,
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
