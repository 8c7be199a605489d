export * from './lib/identity';
export * from './lib/permissions';
export * from './lib/problem';
export * from './lib/users';
export * from './lib/vin';
export * from './lib/vehicle-options';
export * from './lib/vehicles';
