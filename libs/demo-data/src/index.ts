export * from './lib/demo-tenants';
export * from './lib/demo-vehicles';
export * from './lib/demo-websites';
export * from './lib/demo-analytics';
