import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/libs/contracts',
  test: {
    name: 'contracts',
    watch: false,
    environment: 'node',
    include: ['src/**/*.{test,spec}.ts'],
  },
});
