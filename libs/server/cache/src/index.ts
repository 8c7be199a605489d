export * from './lib/redis';
export * from './lib/tenant-cache';
export * from './lib/recent-writes';
