export * from './lib/object-store';
export * from './lib/storage-config';
