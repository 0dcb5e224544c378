import { join } from 'node:path';
import { projectRoot } from '../../../server/config';
import { migrate } from '../../../server/db/migrate';
import { type Db, openDatabase } from '../../../server/db/open-database';
import type { TestDatabaseTarget } from '../../helpers/auth';
import { testEngine } from '../../helpers/test-engine';
import { seedTestPostgres } from '../../helpers/test-server';
import { createTestDatabase } from '../../support/postgres';

/** Ids of the reliability organisation: `boards` boards, each of its own ward, three columns and one indicator. */
export interface ReliabilityBoard {
  id: string;
  columns: string[];
  indicator: string;
}

export const boardId = (i: number): string => `rb-${i}`;
export const INDICATOR = 'ind-rel';
/** Months a measurement may be recorded for: all fit in a snapshot's recent list (12), so replicas see them all. */
export const PERIODS = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}-01`);

export function reliabilityBoards(count: number): ReliabilityBoard[] {
  return Array.from({ length: count }, (_, i) => ({
    id: boardId(i),
    columns: [0, 1, 2].map((c) => `rc-${i}-${c}`),
    indicator: INDICATOR,
  }));
}

/** Creates, migrates and fills a database file with the reliability organisation; closes it again. */
export function createReliabilityDatabase(path: string, boards: number, cardsPerBoard = 3): ReliabilityBoard[] {
  const db = openDatabase(path);
  try {
    migrate(db, join(projectRoot, 'migrations'));
    return fillReliabilityOrganisation(db, boards, cardsPerBoard);
  } finally {
    db.close();
  }
}

/** Writes the reliability organisation into a migrated SQLite database (also the seed of a PostgreSQL one). */
export function fillReliabilityOrganisation(db: Db, boards: number, cardsPerBoard = 3): ReliabilityBoard[] {
  const now = '2026-01-05T08:00:00.000Z';
  const list = reliabilityBoards(boards);
  db.transaction(() => {
    db.prepare("INSERT INTO layers (id, rank, name, kind) VALUES ('rl1', 1, 'Klinik', ''), ('rl2', 2, 'Afsnit', '')").run();
    db.prepare("INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('ru-root', NULL, 'rl1', 'Klinik')").run();
    db.prepare(`INSERT INTO indicators (id, unit_id, name, unit_label, direction, frequency, kind, decimals, min_respondents)
      VALUES (?, 'ru-root', 'Ventetid', 'dage', 'lower', 'monthly', 'hard', 1, NULL)`).run(INDICATOR);
    const unit = db.prepare("INSERT INTO org_units (id, parent_id, layer_id, name) VALUES (?, 'ru-root', 'rl2', ?)");
    const board = db.prepare('INSERT INTO boards (id, unit_id, name, created_at) VALUES (?, ?, ?, ?)');
    const column = db.prepare('INSERT INTO columns (id, board_id, name, order_key) VALUES (?, ?, ?, ?)');
    const show = db.prepare("INSERT INTO board_indicators (board_id, indicator_id, order_key) VALUES (?, ?, 'a0')");
    const card = db.prepare(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'action', ?, ?, ?)`);
    list.forEach((b, i) => {
      unit.run(`ru-${i}`, `Afsnit ${i}`);
      board.run(b.id, `ru-${i}`, `Tavle ${i}`, now);
      b.columns.forEach((c, n) => column.run(c, b.id, `Kolonne ${n}`, `a${n}`));
      show.run(b.id, INDICATOR);
      for (let n = 0; n < cardsPerBoard; n++) card.run(`rcard-${i}-${n}`, b.id, b.columns[0]!, `a${n}`, `Kort ${n}`, now, now);
    });
  })();
  return list;
}

/**
 * The reliability organisation on the test project's engine: the SQLite file at `path`, or a new PostgreSQL
 * database (dropped by `drop`).
 */
export async function createReliabilityTarget(
  path: string,
  boards: number,
  cardsPerBoard = 3,
): Promise<{ database: TestDatabaseTarget; boards: ReliabilityBoard[]; drop(): Promise<void> }> {
  if (testEngine === 'sqlite') return { database: path, boards: createReliabilityDatabase(path, boards, cardsPerBoard), drop: async () => {} };
  const postgres = await createTestDatabase();
  try {
    await seedTestPostgres(postgres.url, (db) => {
      fillReliabilityOrganisation(db, boards, cardsPerBoard);
    });
  } catch (err) {
    await postgres.drop();
    throw err;
  }
  return { database: { postgresUrl: postgres.url }, boards: reliabilityBoards(boards), drop: () => postgres.drop() };
}
