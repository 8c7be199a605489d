import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/warehouse',
  plugins: [tsconfigPaths({ root: '../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'warehouse',
    watch: false,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Each service's command line is a process of its own (tsx compiles it): seconds each on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
