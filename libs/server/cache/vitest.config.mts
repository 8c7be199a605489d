import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../../node_modules/.vite/libs/server/cache',
  plugins: [tsconfigPaths({ root: '../../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'server-cache',
    watch: false,
    environment: 'node',
    // Test files share one module graph (each starts what it needs): loading it again for every
    // file was half of the suite's CPU.
    isolate: false,
    include: ['src/**/*.test.ts'],
  },
});
