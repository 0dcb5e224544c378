/**
 * The SQL of the query shapes (prepared.ts), each with a name for PostgreSQL's prepared statements: the pool's
 * clients (postgres.ts) run these by name, so the database parses and plans each once per connection instead of
 * on every run, which on the move path was much of each statement's time (bench/FINDINGS.md, "Prepared statements
 * on PostgreSQL"). Only the shapes are named: a finite set, defined once per module (a list goes in as one array
 * parameter), so the statements a connection keeps do not grow with what is asked. Queries built per call (DDL,
 * reports, the admin screens' lists) go unnamed, as before.
 */
const names = new Map<string, string>();

export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `kaskade_${names.size + 1}`);
}

export const statementName = (sql: string): string | undefined => names.get(sql);

/**
 * PostgreSQL refuses to run a prepared statement whose result columns changed since it was prepared (a migration
 * added a column to a table read with `*`, by another instance during a rolling deploy). Nothing ran; the
 * connection answers it unnamed from then on (postgres.ts), so the transaction can simply be tried again.
 */
export function isStalePreparedStatement(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && e.message.includes('cached plan must not change result type');
}
