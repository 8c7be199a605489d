export * from './lib/mailer';
