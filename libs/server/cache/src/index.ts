export * from './lib/redis';
export * from './lib/tenant-cache';
