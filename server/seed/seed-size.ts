import type { Db } from '../db/open-database';
import { calendarDate } from '../../shared/domain/periods';
import { createRepositories } from '../repositories';
import { sqliteStore } from '../store';
import { mulberry32 } from './measurement-series';
import { type SeedDemoOptions, seedDemo } from './seed-demo';

/**
 * Region-size organisations for tests, benchmarks and anyone trying Kaskade at scale: the demo (S), and the demo
 * grown by copies of its own units (M ≈ 600 units, L ≈ 3,000): hospitals under the region, clinics under them and
 * wards under those, each copying the demo unit of its layer — its board, columns, tiles, cards (with their
 * `card.created` events) and its measurement series, each value moved by a deterministic few per cent.
 */
export const SIZES = ['s', 'm', 'l'] as const;
export type Size = (typeof SIZES)[number];

/** Hospitals × clinics per hospital × wards per clinic added to the demo's 11 units. */
const SHAPE: Record<Size, { hospitals: number; clinics: number; wards: number }> = {
  s: { hospitals: 0, clinics: 0, wards: 0 },
  m: { hospitals: 5, clinics: 10, wards: 11 }, // 5 × (1 + 10 × 12) = 605 more
  l: { hospitals: 10, clinics: 20, wards: 14 }, // 10 × (1 + 20 × 15) = 3,010 more
};

/** The demo unit each new unit copies, by layer rank. */
const TEMPLATE: Record<1 | 2 | 3, string> = { 1: 'psyk', 2: 'k-nord', 3: 'n1' };

export interface SeedSizeResult {
  units: number;
  boards: number;
  measurements: number;
  cards: number;
  events: number;
}

/** Seeds the organisation of the given size into a migrated, empty database: the demo, then the copies. */
export async function seedSize(db: Db, size: Size, options: SeedDemoOptions = {}): Promise<SeedSizeResult> {
  await seedDemo(db, options);
  const today = options.today ?? new Date();
  db.transaction(() => grow(db, SHAPE[size], today.toISOString(), options.randomSeed ?? 42)).immediate();
  // Written in bulk, so the stored statuses are built once here rather than by the first start.
  await createRepositories(sqliteStore(db)).unitStatus.rebuild(calendarDate(today), today.toISOString());
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    units: count('org_units'),
    boards: count('boards'),
    measurements: count('measurements'),
    cards: count('cards'),
    events: count('events'),
  };
}

interface Template {
  unitName: string;
  boardName: string;
  columns: { n: number; name: string; order_key: string }[];
  cards: Record<string, unknown>[];
  tiles: { indicator_id: string; order_key: string }[];
  measurements: Record<string, unknown>[];
}

function grow(db: Db, shape: { hospitals: number; clinics: number; wards: number }, now: string, seed: number): void {
  if (shape.hospitals === 0) return;
  const templates = new Map(Object.entries(TEMPLATE).map(([rank, key]) => [Number(rank), readTemplate(db, key)]));
  const random = mulberry32(seed);
  const insert = {
    unit: db.prepare('INSERT INTO org_units (id, parent_id, layer_id, name) VALUES (?, ?, ?, ?)'),
    board: db.prepare('INSERT INTO boards (id, unit_id, name, seq, created_at) VALUES (?, ?, ?, ?, ?)'),
    column: db.prepare('INSERT INTO columns (id, board_id, name, order_key) VALUES (?, ?, ?, ?)'),
    card: db.prepare(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, description, owner_name,
      due_date, archived, created_at, updated_at) VALUES (@id, @boardId, @columnId, @orderKey, @type, @title,
      @description, @ownerName, @dueDate, 0, @createdAt, @updatedAt)`),
    event: db.prepare('INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    operation: db.prepare('INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (?, ?, ?, ?, ?)'),
    tile: db.prepare('INSERT INTO board_indicators (board_id, indicator_id, order_key) VALUES (?, ?, ?)'),
    measurement: db.prepare(`INSERT INTO measurements (indicator_id, unit_id, period_start, value, numerator,
      denominator, respondents, note, recorded_at, recorded_by) VALUES (@indicator_id, @unit_id, @period_start,
      @value, @numerator, @denominator, @respondents, @note, @recorded_at, @recorded_by)`),
  };

  const addUnit = (id: string, parentId: string, rank: 1 | 2 | 3, name: string): void => {
    const t = templates.get(rank)!;
    insert.unit.run(id, parentId, `layer-${rank}`, name);
    const boardId = `board-${id}`;
    insert.board.run(boardId, id, name, t.cards.length, now);
    for (const c of t.columns) insert.column.run(`col-${id}-${c.n}`, boardId, c.name, c.order_key);
    t.cards.forEach((c, i) => {
      const card = {
        id: `card-${id}-${i + 1}`,
        boardId,
        columnId: `col-${id}-${String(c.column_n)}`,
        orderKey: c.order_key as string,
        type: c.type as string,
        title: c.title as string,
        description: c.description as string,
        ownerName: c.owner_name as string,
        dueDate: c.due_date as string | null,
        archived: false,
        createdAt: now,
        updatedAt: now,
      };
      insert.card.run(card);
      const opId = `seed-${card.id}`;
      insert.operation.run(opId, boardId, 'card:create', 'Demo-data', now);
      insert.event.run(boardId, i + 1, opId, 'Demo-data', now, 'card.created', JSON.stringify({ type: 'card.created', card }));
    });
    for (const tile of t.tiles) insert.tile.run(boardId, tile.indicator_id, tile.order_key);
    // The template's series, each value moved by up to ±4 %: the same shape, a different unit.
    for (const m of t.measurements) {
      const factor = 1 + (random() - 0.5) * 0.08;
      const decimals = 10 ** 2;
      insert.measurement.run({ ...m, unit_id: id, value: Math.round((m.value as number) * factor * decimals) / decimals });
    }
  };

  for (let h = 1; h <= shape.hospitals; h += 1) {
    const hospital = `h${h}`;
    addUnit(hospital, 'region', 1, `Hospital ${h}`);
    for (let c = 1; c <= shape.clinics; c += 1) {
      const clinic = `${hospital}-k${c}`;
      addUnit(clinic, hospital, 2, `Klinik ${h}.${c}`);
      for (let w = 1; w <= shape.wards; w += 1) addUnit(`${clinic}-a${w}`, clinic, 3, `Afsnit ${h}.${c}.${w}`);
    }
  }
}

function readTemplate(db: Db, unitKey: string): Template {
  const boardId = `board-${unitKey}`;
  const columns = db.prepare<[string], { id: string; name: string; order_key: string }>(
    'SELECT id, name, order_key FROM columns WHERE board_id = ? ORDER BY order_key',
  ).all(boardId);
  const columnN = new Map(columns.map((c) => [c.id, Number(c.id.split('-').at(-1))]));
  const unit = db.prepare<[string], { name: string }>('SELECT name FROM org_units WHERE id = ?').get(unitKey)!;
  return {
    unitName: unit.name,
    boardName: unit.name,
    columns: columns.map((c) => ({ n: columnN.get(c.id)!, name: c.name, order_key: c.order_key })),
    cards: db.prepare<[string], Record<string, unknown> & { column_id: string }>(
      'SELECT * FROM cards WHERE board_id = ? AND archived = 0 ORDER BY column_id, order_key',
    ).all(boardId).map((c) => ({ ...c, column_n: columnN.get(c.column_id) })),
    tiles: db.prepare<[string], { indicator_id: string; order_key: string }>(
      'SELECT indicator_id, order_key FROM board_indicators WHERE board_id = ? ORDER BY order_key',
    ).all(boardId),
    measurements: db.prepare<[string], Record<string, unknown>>('SELECT * FROM measurements WHERE unit_id = ?').all(unitKey),
  };
}
