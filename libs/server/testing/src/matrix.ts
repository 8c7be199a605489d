// The generated route tests. Apart from the index because they import vitest, which only a test
// run may load (npm start and npm run bench import the index).
export * from './lib/openapi-checks';
export * from './lib/route-matrix';
