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
    hookTimeout: 120_000,
  },
});
