import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../../node_modules/.vite/libs/server/mail',
  plugins: [tsconfigPaths({ root: '../../..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'server-mail',
    watch: false,
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
