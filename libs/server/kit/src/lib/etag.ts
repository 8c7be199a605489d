import type { Request } from 'express';
import { problems } from './problem';

/** A record's strong ETag from its version counter. */
export function etagOf(version: number): string {
  return `"v${version}"`;
}

/**
 * The version the client last saw, from `If-Match`. Required (428) so an edit can never silently
 * overwrite someone else's; a malformed value is a 412, as it can match nothing.
 */
export function expectedVersion(req: Request): number {
  const header = req.get('if-match');
  if (!header)
    throw problems.preconditionRequired(
      'Send If-Match with the ETag you last read, so edits cannot collide.',
    );
  const match = /^(?:W\/)?"v(\d{1,10})"$/.exec(header.trim());
  if (!match) throw problems.preconditionFailed('If-Match does not name a version of this record.');
  return Number(match[1]);
}
