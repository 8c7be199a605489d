import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../../node_modules/.vite/libs/server/warehouse',
  plugins: [tsconfigPaths({ root: '../../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'server-warehouse',
    watch: false,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
