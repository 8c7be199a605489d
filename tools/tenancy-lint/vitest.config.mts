import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/tools/tenancy-lint',
  test: {
    name: 'tenancy-lint',
    watch: false,
    environment: 'node',
    include: ['**/*.test.ts'],
    // Loading a service's whole lint configuration (typescript-eslint, Nx) takes a few seconds.
    testTimeout: 30_000,
  },
});
