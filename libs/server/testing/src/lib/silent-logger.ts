import { pino, type Logger } from 'pino';

/** Tests log only what fails loudly; set TEST_LOG_LEVEL=debug to see everything. */
export function testLogger(): Logger {
  return pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
}
