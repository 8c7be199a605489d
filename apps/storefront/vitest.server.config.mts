import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

// The storefront's server (src/server): Node tests, apart from the Angular unit tests (jsdom, the
// `test` target). storefront.test.ts runs the BUILT server: the `test-server` target builds first.
export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/storefront-server',
  plugins: [tsconfigPaths({ root: '../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'storefront-server',
    watch: false,
    environment: 'node',
    include: ['src/server/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
