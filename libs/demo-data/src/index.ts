export * from './lib/demo-tenants';
