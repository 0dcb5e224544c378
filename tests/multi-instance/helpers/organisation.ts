import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../server/db/open-database';
import { createRepositories } from '../../../server/repositories';
import { type MeasurementRow, toMeasurement } from '../../../server/repositories/rows';
import { type PostgresStore, postgresStore } from '../../../server/store';
import { copySqliteToPostgres, DEFAULT_POSTGRES_MIGRATIONS } from '../../../server/store/copy-to-postgres';
import { migratePostgres } from '../../../server/store/migrate-postgres';
import { createPool } from '../../../server/store/postgres';
import { createTestSession } from '../../helpers/auth';
import { type BoardState, normalise } from '../../reliability/helpers/board-state';
import { type ReliabilityBoard, createReliabilityDatabase } from '../../reliability/helpers/fixture';

export interface PostgresOrganisation {
  boards: ReliabilityBoard[];
  /** A session token per client name (written with the organisation, before any instance starts). */
  tokens: Map<string, string>;
  /** The test's own connection to the database, for the checks. */
  store: PostgresStore;
}

/**
 * The reliability organisation (tests/reliability/helpers/fixture.ts) and a signed-in user per client, on the
 * PostgreSQL database at `url`: written into a temporary SQLite file as the reliability tests write it, then copied
 * with the same code `npm run migrate-to-postgres` uses, so the instances find an organisation and its sessions.
 */
export async function createPostgresOrganisation(url: string, boards: number, clientNames: string[]): Promise<PostgresOrganisation> {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-multi-'));
  const store = postgresStore(createPool(url, { max: 4, applicationName: 'kaskade-test' }));
  try {
    const path = join(dir, 'organisation.db');
    const list = createReliabilityDatabase(path, boards);
    const tokens = new Map(clientNames.map((name) => [name, createTestSession(path, name).token]));
    await migratePostgres(store.pool, DEFAULT_POSTGRES_MIGRATIONS);
    const sqlite = openDatabase(path);
    try {
      await copySqliteToPostgres(sqlite, store.pool);
    } finally {
      sqlite.close();
    }
    return { boards: list, tokens, store };
  } catch (err) {
    await store.close();
    throw err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A board as the database holds it, in the shape a client replica is compared in (tests/reliability/helpers/board-state.ts). */
export async function postgresBoardState(store: PostgresStore, boardId: string): Promise<BoardState> {
  const repos = createRepositories(store);
  const unitId = (await repos.boards.unitId(boardId)) ?? '';
  const rows: MeasurementRow[] = await store.db
    .selectFrom('measurements as m')
    .innerJoin('board_indicators as bi', 'bi.indicator_id', 'm.indicator_id')
    .selectAll('m')
    .where('bi.board_id', '=', boardId)
    .where('m.unit_id', '=', unitId)
    .execute();
  return normalise({
    seq: (await repos.boards.seq(boardId)) ?? -1,
    cards: Object.fromEntries((await repos.cards.liveOnBoard(boardId)).map((c) => [c.id, c])),
    columns: Object.fromEntries((await repos.columns.onBoard(boardId)).map((c) => [c.id, c])),
    measurements: Object.fromEntries(rows.map(toMeasurement).map((m) => [`${m.indicatorId}|${m.periodStart}`, m])),
  });
}

/** Each board's events are seq 1..boards.seq with no gap and no extra (as db-checks.ts seqProblems, on PostgreSQL). */
export async function postgresSeqProblems(store: PostgresStore): Promise<string[]> {
  const { rows } = await store.pool.query<{ id: string; seq: number; n: number; lo: number; hi: number }>(
    `SELECT b.id, b.seq, count(e.seq)::int AS n, coalesce(min(e.seq), 0)::int AS lo, coalesce(max(e.seq), 0)::int AS hi
     FROM boards b LEFT JOIN events e ON e.board_id = b.id GROUP BY b.id, b.seq`,
  );
  return rows
    .filter((r) => r.n !== r.seq || r.hi !== r.seq || (r.n > 0 && r.lo !== 1))
    .map((r) => `board ${r.id}: seq ${r.seq} but events ${r.lo}..${r.hi} (${r.n} rows)`);
}

/**
 * Every acknowledged command is in the log exactly as its ack said, and only once: its operations row exists and
 * its events are the seqs the ack reported (a re-sent opId that was applied twice would have more).
 */
export async function ackedProblems(store: PostgresStore, acked: Map<string, { boardId: string; seqs: number[] }>): Promise<string[]> {
  const problems: string[] = [];
  const ops = new Set(
    (await store.pool.query<{ op_id: string }>('SELECT op_id FROM operations WHERE op_id = ANY($1)', [[...acked.keys()]])).rows.map((r) => r.op_id),
  );
  const events = new Map<string, number[]>();
  const { rows } = await store.pool.query<{ op_id: string; board_id: string; seq: number }>(
    'SELECT op_id, board_id, seq FROM events WHERE op_id = ANY($1) ORDER BY seq',
    [[...acked.keys()]],
  );
  for (const r of rows) {
    if (!events.has(r.op_id)) events.set(r.op_id, []);
    if (r.board_id === acked.get(r.op_id)!.boardId) events.get(r.op_id)!.push(r.seq);
  }
  for (const [opId, ack] of acked) {
    if (!ops.has(opId)) problems.push(`acknowledged ${opId} has no operations row`);
    const logged = events.get(opId) ?? [];
    if (JSON.stringify(logged) !== JSON.stringify([...ack.seqs].sort((a, b) => a - b))) {
      problems.push(`acknowledged ${opId}: ack said seqs ${JSON.stringify(ack.seqs)}, the log holds ${JSON.stringify(logged)}`);
    }
  }
  return problems;
}
