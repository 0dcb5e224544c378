import type { CompiledQuery } from 'kysely';
import { nameStatement } from './named-statements';

export type Scalar = string | number | bigint | null;

/**
 * A parameter: one value, or on PostgreSQL a whole array bound as one parameter (`= ANY(…)`, `unnest(…)`), which
 * keeps a statement's text the same whatever the number of ids or rows (one shape, prepared once).
 */
export type Param = Scalar | readonly string[] | readonly number[];

/** Stands in for a named parameter while a query shape is compiled; never reaches the database. */
const placeholder = (name: string) => `\u0000kaskade-param:${name}\u0000`;

/**
 * A query shape built and compiled by Kysely once, then reused with new parameter values: what a prepared statement
 * is to hand-written SQL. `build` gets stand-ins for the named parameters and must use each as a plain value (a
 * comparison, a SET value, an INSERT value, an arithmetic operand) — never to choose the query's shape, and never a
 * list (`in` with an array). Refused at definition time when a stand-in did not come out as exactly one bound
 * parameter. On the hot path this saves building and compiling per call (bench/FINDINGS.md, Kysely on the SQLite
 * path). Engine-neutral: build with the Kysely instance of the engine the query will run on.
 */
export function preparedQuery<P extends Record<string, Param>, R>(
  names: readonly (keyof P & string)[],
  build: (params: P) => { compile(): CompiledQuery<R> },
): (params: P) => CompiledQuery<R> {
  const stand = Object.fromEntries(names.map((n) => [n, placeholder(n)])) as unknown as P;
  const compiled = build(stand).compile();
  if (compiled.sql.includes('\u0000')) throw new Error('preparedQuery: a parameter was written into the SQL text instead of bound');
  const slots = compiled.parameters.map((value) => names.find((n) => value === placeholder(n)));
  for (const n of names) {
    if (slots.filter((s) => s === n).length === 0) throw new Error(`preparedQuery: parameter ${n} is not bound in the query`);
  }
  nameStatement(compiled.sql);
  const constants = compiled.parameters;
  const { sql, query, queryId } = compiled;
  // The compiled query keeps its syntax tree (with the stand-ins in it): run it by its SQL and parameters only.
  // A plain loop and a fixed object shape: this runs for every query of every move (spreading the compiled query
  // and mapping the slots was ~2 µs a call under load, bench/FINDINGS.md "The move path on the async store").
  return (params) => {
    const parameters: unknown[] = new Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      parameters[i] = slot === undefined ? constants[i] : params[slot];
    }
    return { sql, query, queryId, parameters };
  };
}
