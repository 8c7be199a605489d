export * from './lib/database';
export * from './lib/migrations';
export * from './lib/errors';
export * from './lib/tenancy';
