/** MySQL's duplicate-key error (unique index clash), for turning races into 409s. */
export function isDuplicateKeyError(error: unknown, indexName?: string): boolean {
  const e = error as { code?: string; errno?: number; sqlMessage?: string };
  if (e?.code !== 'ER_DUP_ENTRY' && e?.errno !== 1062) return false;
  return indexName === undefined || (e.sqlMessage ?? '').includes(indexName);
}
