export * from './lib/ingest-client';
