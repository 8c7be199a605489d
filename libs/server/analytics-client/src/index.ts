export * from './lib/business-event-check';
export * from './lib/ingest-client';
