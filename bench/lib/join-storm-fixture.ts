import { join } from 'node:path';
import { addMonths, format, startOfMonth } from 'date-fns';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { seedDemo } from '../../server/seed/seed-demo';
import { benchTempDir } from './fixture';
import { onCleanup } from './procs';
import { rmSync } from 'node:fs';

export interface RegionDatabase {
  dir: string;
  path: string;
  /** Every board, demo and generated: the storm spreads its sockets over these. */
  boards: string[];
  cleanup(): void;
}

/**
 * The demo grown to region size for the join storm: `units` wards under the demo's top unit, each with its own board
 * showing eight of the demo's indicators with two years of monthly values and 28 cards in three columns: per unit
 * what issue 21's M organisation holds (107k measurements and 17k cards over 611 units). Deterministic; a stand-in
 * until `npm run seed -- --size m` is on main.
 */
export async function createRegionDatabase(units = 590): Promise<RegionDatabase> {
  const dir = benchTempDir('region');
  const cleanup = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'kaskade.db');
  const db = openDatabase(path);
  migrate(db, join(projectRoot, 'migrations'));
  await seedDemo(db);
  const now = new Date().toISOString();
  const top = (db.prepare('SELECT id, layer_id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1').get() as { id: string; layer_id: string });
  const layer = (db.prepare('SELECT id FROM layers ORDER BY rank DESC LIMIT 1').get() as { id: string }).id;
  const template = db
    .prepare('SELECT board_id AS id FROM board_indicators GROUP BY board_id ORDER BY count(*) DESC LIMIT 1')
    .get() as { id: string };
  const indicators = db.prepare('SELECT indicator_id, order_key FROM board_indicators WHERE board_id = ? ORDER BY order_key LIMIT 8').all(template.id) as {
    indicator_id: string;
    order_key: string;
  }[];
  const months = Array.from({ length: 24 }, (_, m) => format(addMonths(startOfMonth(new Date()), m - 24), 'yyyy-MM-dd'));
  db.transaction(() => {
    const unit = db.prepare('INSERT INTO org_units (id, parent_id, layer_id, name) VALUES (?, ?, ?, ?)');
    const board = db.prepare('INSERT INTO boards (id, unit_id, name, created_at) VALUES (?, ?, ?, ?)');
    const column = db.prepare('INSERT INTO columns (id, board_id, name, order_key) VALUES (?, ?, ?, ?)');
    const show = db.prepare('INSERT INTO board_indicators (board_id, indicator_id, order_key) VALUES (?, ?, ?)');
    const card = db.prepare(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, owner_name, due_date,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'Afsnitsleder', NULL, ?, ?)`);
    const measure = db.prepare(`INSERT INTO measurements (indicator_id, unit_id, period_start, value, recorded_at, recorded_by)
      VALUES (?, ?, ?, ?, ?, 'Bench')`);
    const types = ['action', 'idea', 'problem', 'decision'];
    for (let u = 0; u < units; u++) {
      const unitId = `region-unit-${u}`;
      const boardId = `region-board-${u}`;
      unit.run(unitId, top.id, layer, `Afsnit R${u}`);
      board.run(boardId, unitId, `Afsnit R${u} – tavlemøde`, now);
      const cols = ['Nye forslag', 'I gang', 'Afsluttet'].map((name, c) => {
        const id = `${boardId}-col-${c}`;
        column.run(id, boardId, name, `a${c}`);
        return id;
      });
      for (let k = 0; k < 28; k++) card.run(`${boardId}-card-${k}`, boardId, cols[k % 3], `a${k}`, types[k % 4], `Opfølgning ${k} på afsnit R${u}`, now, now);
      for (const [i, ind] of indicators.entries()) {
        show.run(boardId, ind.indicator_id, ind.order_key);
        for (const [m, month] of months.entries()) measure.run(ind.indicator_id, unitId, month, 40 + ((u * 7 + i * 3 + m) % 50), now);
      }
    }
  })();
  const boards = (db.prepare('SELECT id FROM boards ORDER BY id').all() as { id: string }[]).map((b) => b.id);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { dir, path, boards, cleanup };
}
