import type { Db } from '../db/open-database';
import { createRepositories } from '../repositories';
import { sqliteStore } from '../store';
import { loadDemoOrganisation } from './demo-organisation';
import { buildDemoRows, type DemoRows } from './demo-rows';
import { calendarDate } from '../../shared/domain/periods';
import { writeDemoBusinessCases } from './demo-business-cases';
import { writeDemoGoals } from './demo-goals';
import { writeDemoCadences, writeDemoMeetingHistory } from './demo-meetings';

export interface SeedDemoOptions {
  /** The day the demo is "as of": measurements end with the last complete period before it. Default: now. */
  today?: Date;
  /** Seed for the measurement noise; the same seed gives the same figures. Default 42. */
  randomSeed?: number;
}

export interface SeedDemoResult {
  boards: number;
  indicators: number;
  measurements: number;
  cards: number;
}

/** Raised when the demo would be seeded on top of an existing organisation. */
export class DemoSeedError extends Error {
  override name = 'DemoSeedError';
}

/** Whether the database holds no organisation yet (the only state the demo may be seeded into). */
export async function isOrganisationEmpty(db: Db): Promise<boolean> {
  return createRepositories(sqliteStore(db)).system.isOrganisationEmpty();
}

/**
 * Writes the demo organisation into a migrated, empty database in one transaction: all of it or none of it.
 * It is the boards' initial state, not a history, so no events are written and every board's seq stays 0.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const org = loadDemoOrganisation();
  const rows = buildDemoRows(org, {
    today: options.today ?? new Date(),
    randomSeed: options.randomSeed ?? 42,
  });
  // Immediate (as the store's transactions are): take the write lock before the emptiness check, so two starting
  // processes cannot both seed. The rows are written on the transaction's own connection.
  await sqliteStore(db).transaction(async (tx) => {
    const repos = createRepositories(tx);
    if (!(await repos.system.isOrganisationEmpty())) {
      throw new DemoSeedError('Cannot seed the demo organisation: the database already has org units.');
    }
    writeRows(db, rows);
    writeDemoGoals(db, org, (options.today ?? new Date()).toISOString());
    writeDemoCadences(db, options.today ?? new Date());
    await writeDemoMeetingHistory(repos, options.today ?? new Date());
    writeDemoBusinessCases(db, calendarDate(options.today ?? new Date()), (options.today ?? new Date()).toISOString());
  });
  return {
    boards: rows.boards.length,
    indicators: rows.indicators.length,
    measurements: rows.measurements.length,
    cards: rows.cards.length,
  };
}

// Parents before children throughout, as the foreign keys are checked per statement.
function writeRows(db: Db, rows: DemoRows): void {
  insertAll(db, 'INSERT INTO layers (id, rank, name, kind) VALUES (@id, @rank, @name, @kind)', rows.layers);
  insertAll(
    db,
    'INSERT INTO org_units (id, parent_id, layer_id, name) VALUES (@id, @parentId, @layerId, @name)',
    rows.units,
  );
  insertAll(
    db,
    'INSERT INTO boards (id, unit_id, name, seq, created_at) VALUES (@id, @unitId, @name, 0, @createdAt)',
    rows.boards,
  );
  insertAll(
    db,
    'INSERT INTO columns (id, board_id, name, order_key) VALUES (@id, @boardId, @name, @orderKey)',
    rows.columns,
  );
  insertAll(
    db,
    `INSERT INTO cards (id, board_id, column_id, order_key, type, title, description, owner_name, due_date, archived,
       created_at, updated_at)
     VALUES (@id, @boardId, @columnId, @orderKey, @type, @title, @description, @ownerName, @dueDate, @archived,
       @createdAt, @updatedAt)`,
    rows.cards,
  );
  insertAll(
    db,
    `INSERT INTO indicators (id, unit_id, name, unit_label, direction, frequency, kind, decimals, min_respondents, type)
     VALUES (@id, @unitId, @name, @unitLabel, @direction, @frequency, @kind, @decimals, @minRespondents, @type)`,
    rows.indicators,
  );
  insertAll(
    db,
    'INSERT INTO board_indicators (board_id, indicator_id, order_key) VALUES (@boardId, @indicatorId, @orderKey)',
    rows.boardIndicators,
  );
  insertAll(
    db,
    `INSERT INTO targets (indicator_id, unit_id, valid_from, valid_to, target, low, high, tolerance)
     VALUES (@indicatorId, @unitId, @validFrom, @validTo, @target, @low, @high, @tolerance)`,
    rows.targets,
  );
  insertAll(
    db,
    `INSERT INTO measurements (indicator_id, unit_id, period_start, value, numerator, denominator, respondents, note,
       recorded_at, recorded_by)
     VALUES (@indicatorId, @unitId, @periodStart, @value, @numerator, @denominator, @respondents, @note,
       @recordedAt, @recordedBy)`,
    rows.measurements,
  );
}

function insertAll<Row extends object>(db: Db, sql: string, rows: readonly Row[]): void {
  const statement = db.prepare<[Row]>(sql);
  for (const row of rows) statement.run(row);
}
