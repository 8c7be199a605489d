// What imports vitest: the generated route tests and the set-up helper. Apart from the index, which
// npm start and npm run bench import, as only a test run may load vitest.
export * from './lib/for-these-tests';
export * from './lib/openapi-checks';
export * from './lib/route-matrix';
