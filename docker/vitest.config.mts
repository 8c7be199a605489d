import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../node_modules/.vite/docker',
  plugins: [tsconfigPaths({ root: '..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'docker',
    watch: false,
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
