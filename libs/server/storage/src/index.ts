export * from './lib/object-store';
export * from './lib/storage-config';
export * from './lib/image-sniff';
