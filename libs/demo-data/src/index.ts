export * from './lib/demo-tenants';
export * from './lib/demo-vehicles';
export * from './lib/demo-websites';
export * from './lib/demo-analytics';
export * from './lib/demo-totp-secrets';
