import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format } from 'date-fns';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { seedDemo } from '../../server/seed/seed-demo';
import { onCleanup } from './procs';

export interface BenchDatabase {
  dir: string;
  path: string;
  /** The demo psychiatry leadership board, grown to 21 indicators × 2 years biweekly + 300 cards. */
  bigBoard: string;
  /** A board with a few cards whose first two columns the move benchmarks alternate a card between. */
  moveBoard: { id: string; columns: [string, string]; cards: string[] };
  cleanup(): void;
}

export const BIG_BOARD_CARDS = 300;

/** A temp directory on the disk the server would use (fsync cost is part of what is measured). */
export function benchTempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `kaskade-bench-${label}-`));
}

/** A migrated, demo-seeded database with the board sizes the benchmarks need. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const dir = benchTempDir('db');
  const cleanup = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'kaskade.db');
  const db = openDatabase(path);
  migrate(db, join(projectRoot, 'migrations'));
  await seedDemo(db);
  const big = db
    .prepare('SELECT board_id AS id, count(*) AS n FROM board_indicators GROUP BY board_id ORDER BY n DESC LIMIT 1')
    .get() as { id: string; n: number };
  const unit = (db.prepare('SELECT unit_id FROM boards WHERE id = ?').get(big.id) as { unit_id: string }).unit_id;
  const now = new Date().toISOString();
  db.transaction(() => {
    // Two years of biweekly measurements for every indicator on the big board (kept where the seed has one).
    const indicators = db.prepare('SELECT indicator_id FROM board_indicators WHERE board_id = ?').all(big.id) as {
      indicator_id: string;
    }[];
    const measure = db.prepare(`INSERT OR IGNORE INTO measurements (indicator_id, unit_id, period_start, value,
      recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'Bench')`);
    const start = addDays(new Date(), -730);
    for (const [i, { indicator_id }] of indicators.entries()) {
      for (let w = 0; w < 52; w++) measure.run(indicator_id, unit, format(addDays(start, w * 14), 'yyyy-MM-dd'), 50 + ((i * 7 + w) % 40), now);
    }
    // 300 live cards over the board's columns.
    const columns = db.prepare('SELECT id FROM columns WHERE board_id = ? ORDER BY order_key').all(big.id) as { id: string }[];
    const live = (db.prepare('SELECT count(*) AS n FROM cards WHERE board_id = ? AND archived = 0').get(big.id) as { n: number }).n;
    const card = db.prepare(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, owner_name, due_date,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
    const types = ['action', 'idea', 'problem', 'decision'];
    for (let i = 0; i < BIG_BOARD_CARDS - live; i++) {
      const col = columns[i % columns.length]!.id;
      card.run(`bench-card-${i}`, big.id, col, `z${String(i).padStart(5, '0')}`, types[i % 4], `Bench-kort ${i}: opfølgning på indikator`, 'Afsnitsleder', now, now);
    }
  })();
  // The move board: another board, so moves do not grow the big board's log.
  const other = db.prepare('SELECT id FROM boards WHERE id != ? ORDER BY id LIMIT 1').get(big.id) as { id: string };
  const cols = db.prepare('SELECT id FROM columns WHERE board_id = ? ORDER BY order_key LIMIT 2').all(other.id) as { id: string }[];
  const cards: string[] = [];
  db.transaction(() => {
    const card = db.prepare(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'action', ?, ?, ?)`);
    for (let i = 0; i < 16; i++) {
      const id = `bench-move-${i}`;
      card.run(id, other.id, cols[0]!.id, `y${String(i).padStart(4, '0')}`, `Flyttekort ${i}`, now, now);
      cards.push(id);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    dir,
    path,
    bigBoard: big.id,
    moveBoard: { id: other.id, columns: [cols[0]!.id, cols[1]!.id], cards },
    cleanup,
  };
}
