export * from './lib/database';
export * from './lib/migrations';
export * from './lib/errors';
export * from './lib/tenancy';
export * from './lib/replica-rotation';
export * from './lib/read-routing';
export * from './lib/read-your-writes';
export * from './lib/statement-batch';
