import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/services/analytics',
  plugins: [tsconfigPaths({ root: '../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'analytics',
    watch: false,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
