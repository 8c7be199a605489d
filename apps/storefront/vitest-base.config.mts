import { defineConfig } from 'vitest/config';

// Merged into the Angular unit-test builder's own Vitest set-up (project.json, runnerConfig).
export default defineConfig({
  test: {
    // A spec file's first test pays for compiling and rendering its components: seconds when the
    // machine is busy, close to Vitest's default 5 s.
    testTimeout: 15_000,
  },
});
