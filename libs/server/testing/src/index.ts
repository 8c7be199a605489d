export * from './lib/test-issuer';
export * from './lib/test-stores';
export * from './lib/silent-logger';
export * from './lib/tcp-proxy';
export * from './lib/dynamo-local';
export * from './lib/smtp-sink';
export * from './lib/s3-local';
export * from './lib/payments-sandbox';
