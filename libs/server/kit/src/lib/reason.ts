/** Longest reason a report column (varchar(500)) holds. */
export const REASON_LENGTH = 500;

/** A reason as stored: cut to the column's length, with an ellipsis when cut. */
export function clipReason<T extends string | null>(reason: T): T {
  return (reason && reason.length > REASON_LENGTH ? `${reason.slice(0, REASON_LENGTH - 1)}…` : reason) as T;
}
