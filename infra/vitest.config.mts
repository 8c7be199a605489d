import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../node_modules/.vite/infra',
  plugins: [tsconfigPaths({ root: '..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'infra',
    watch: false,
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
