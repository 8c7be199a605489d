import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../../node_modules/.vite/libs/leads/adf',
  plugins: [tsconfigPaths({ root: '../../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'leads-adf',
    watch: false,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
