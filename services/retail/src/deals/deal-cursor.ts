import { problems } from '@showroom/server-kit';
import type { DealListPosition } from './deal-repository';

/** The desk list's cursor: the last deal shown (its change time and id), opaque to the portal. */
export function encodeDealCursor(position: DealListPosition): string {
  return Buffer.from(`${position.updatedAt.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeDealCursor(cursor: string): DealListPosition {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const updatedAt = new Date(at ?? '');
  if (rest.length > 0 || !id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(updatedAt.getTime())) {
    throw problems.validation([{ name: 'query.cursor', reason: 'is not a cursor this list gave' }]);
  }
  return { updatedAt, id };
}
