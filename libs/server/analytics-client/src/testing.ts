// Test support for the producers of business events: a stand-in for analytics' ingest route.
export * from './lib/recording-ingest';
