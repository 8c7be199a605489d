import { defineConfig } from 'vitest/config';
import tsconfigPaths from 'vite-tsconfig-paths';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../node_modules/.vite/jenkins',
  plugins: [tsconfigPaths({ root: '..', projects: ['tsconfig.base.json'] })],
  test: {
    name: 'jenkins',
    watch: false,
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // npm-groovy-lint starts a JVM (CodeNarc) for every run: ~15 s here, more on a busy agent.
    testTimeout: 120_000,
    // npm-groovy-lint starts a JVM and parses every Groovy file: minutes on a two-core machine under full load.
    hookTimeout: 300_000,
  },
});
