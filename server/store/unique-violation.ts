/**
 * Whether a write failed because a row with the same key exists (PostgreSQL's SQLSTATE 23505, SQLite's UNIQUE or
 * PRIMARY KEY constraint): what a second instance meets when another one wrote the same row first.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
