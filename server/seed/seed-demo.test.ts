import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Direction, Frequency } from '../../shared/schemas';
import { indicatorStatus, roundTo, type Status } from '../../shared/domain/status';
import { periodStartOf, shiftPeriod } from '../../shared/domain/periods';
import { projectRoot } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase, type Db } from '../db/open-database';
import { loadDemoOrganisation } from './demo-organisation';
import { DEMO_ROLLUPS } from './demo-goals';
import { PSYCHIATRY_SERIES } from './demo-scenario';
import { DemoSeedError, seedDemo } from './seed-demo';

// A fixed "today" (local time, as the period helpers use) so the expected periods are stable.
const TODAY = new Date(2026, 2, 15, 10, 0, 0);
const PSYK_BOARD = 'board-psyk';
const EXPECTED_POINTS: Record<Frequency, number> = { weekly: 104, biweekly: 52, monthly: 24, quarterly: 8, yearly: 5 };

const openDbs: { db: Db; dir: string }[] = [];

function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-seed-'));
  const db = openDatabase(join(dir, 'kaskade.db'));
  migrate(db, join(projectRoot, 'migrations'));
  openDbs.push({ db, dir });
  return db;
}

async function seededDb(options: { today?: Date; randomSeed?: number } = {}): Promise<Db> {
  const db = freshDb();
  await seedDemo(db, { today: TODAY, ...options });
  return db;
}

afterEach(() => {
  for (const { db, dir } of openDbs.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).pluck().get(...params) as number | undefined) ?? 0;
}

interface BoardIndicatorRow {
  indicatorId: string;
  unitId: string;
  direction: Direction;
  frequency: Frequency;
  decimals: number;
  minRespondents: number | null;
  target: number | null;
  low: number | null;
  high: number | null;
  tolerance: number;
}

/** The indicators a board shows, in board order, with the target of the board's unit. */
function boardIndicators(db: Db, boardId: string): BoardIndicatorRow[] {
  return db
    .prepare(
      `SELECT i.id AS indicatorId, b.unit_id AS unitId, i.direction, i.frequency, i.decimals,
              i.min_respondents AS minRespondents, t.target, t.low, t.high, t.tolerance
       FROM board_indicators bi
       JOIN boards b ON b.id = bi.board_id
       JOIN indicators i ON i.id = bi.indicator_id
       LEFT JOIN targets t ON t.indicator_id = i.id AND t.unit_id = b.unit_id AND t.valid_to IS NULL
       WHERE bi.board_id = ?
       ORDER BY bi.order_key`,
    )
    .all(boardId) as BoardIndicatorRow[];
}

interface MeasurementRow {
  periodStart: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  respondents: number | null;
}

function measurements(db: Db, indicatorId: string, unitId: string): MeasurementRow[] {
  return db
    .prepare(
      `SELECT period_start AS periodStart, value, numerator, denominator, respondents FROM measurements
       WHERE indicator_id = ? AND unit_id = ? ORDER BY period_start`,
    )
    .all(indicatorId, unitId) as MeasurementRow[];
}

function latestStatuses(db: Db, boardId: string): Map<string, Status> {
  const statuses = new Map<string, Status>();
  for (const bi of boardIndicators(db, boardId)) {
    const latest = measurements(db, bi.indicatorId, bi.unitId).at(-1);
    statuses.set(bi.indicatorId, indicatorStatus({ ...bi, ...latest, value: latest?.value }));
  }
  return statuses;
}

function tally(statuses: Map<string, Status>): Record<Status, number> {
  const counts: Record<Status, number> = { green: 0, amber: 0, red: 0, none: 0 };
  for (const s of statuses.values()) counts[s] += 1;
  return counts;
}

describe('seedDemo', () => {
  it('writes the organisation: 11 units on 4 layers, one board per unit, no events', async () => {
    const db = freshDb();
    const result = await seedDemo(db, { today: TODAY });

    expect(count(db, 'SELECT count(*) FROM layers')).toBe(4);
    expect(count(db, 'SELECT count(*) FROM org_units')).toBe(11);
    expect(count(db, 'SELECT count(*) FROM boards')).toBe(11);
    expect(count(db, 'SELECT count(DISTINCT unit_id) FROM boards')).toBe(11);
    expect(count(db, 'SELECT count(*) FROM org_units WHERE parent_id IS NULL')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM indicators')).toBe(21);
    expect(count(db, "SELECT count(*) FROM indicators WHERE unit_id <> 'psyk'")).toBe(0);
    // The seed is the boards' initial state, not their history.
    expect(count(db, 'SELECT count(*) FROM events')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM operations')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM boards WHERE seq <> 0')).toBe(0);
    expect(result).toEqual({
      boards: 11,
      indicators: 21,
      measurements: count(db, 'SELECT count(*) FROM measurements'),
      cards: count(db, 'SELECT count(*) FROM cards'),
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('shows all 21 indicators on the psychiatry board, in the file order, each with about two years of data', async () => {
    const db = await seededDb();
    const onBoard = boardIndicators(db, PSYK_BOARD);
    expect(onBoard.map((bi) => bi.indicatorId)).toEqual(loadDemoOrganisation().indicators.map((i) => i.key));

    for (const bi of onBoard) {
      const series = measurements(db, bi.indicatorId, 'psyk');
      const lastComplete = shiftPeriod(bi.frequency, periodStartOf(bi.frequency, TODAY), -1);
      expect(series, bi.indicatorId).toHaveLength(EXPECTED_POINTS[bi.frequency]);
      expect(series.at(-1)?.periodStart, bi.indicatorId).toBe(lastComplete);
      // Consecutive periods, no gaps, starting about two years back.
      const expectedStarts = series.map((_, i) => shiftPeriod(bi.frequency, lastComplete, i - (series.length - 1)));
      expect(series.map((m) => m.periodStart)).toEqual(expectedStarts);
      const firstYear = Number(series[0]!.periodStart.slice(0, 4));
      // LUP is yearly: five rounds reach further back than two years.
      if (bi.frequency !== 'yearly') expect(firstYear).toBe(TODAY.getFullYear() - 2);
      expect(bi.target !== null || (bi.low !== null && bi.high !== null), `${bi.indicatorId} has a target`).toBe(true);
    }
  });

  it.each([
    { randomSeed: 42, today: TODAY },
    { randomSeed: 7, today: new Date(2025, 7, 3, 9) },
    { randomSeed: 2024, today: new Date(2027, 0, 1, 9) },
  ])('ends the psychiatry board in a mix of green, amber and red (seed $randomSeed)', async ({ randomSeed, today }) => {
    const db = await seededDb({ randomSeed, today });
    const statuses = latestStatuses(db, PSYK_BOARD);
    const counts = tally(statuses);

    expect(counts.green).toBeGreaterThanOrEqual(4);
    expect(counts.amber).toBeGreaterThanOrEqual(4);
    expect(counts.red).toBeGreaterThanOrEqual(4);
    expect(counts.none).toBe(0);
    // Exactly the scenario's story, judged by the app's own status rule (rolled-up figures follow the clinics').
    for (const [indicator, status] of statuses) {
      if (!(indicator in DEMO_ROLLUPS)) expect(status, indicator).toBe(PSYCHIATRY_SERIES[indicator]?.latest);
    }
  });

  it('gives every clinic and ward board its own indicators, targets and measurements', async () => {
    const db = await seededDb();
    const boards = db.prepare('SELECT id, unit_id AS unitId FROM boards').all() as { id: string; unitId: string }[];
    for (const board of boards) {
      const onBoard = boardIndicators(db, board.id);
      expect(onBoard.length, board.id).toBeGreaterThanOrEqual(4);
      for (const bi of onBoard) {
        expect(bi.tolerance, `${board.id} ${bi.indicatorId} target`).not.toBeNull();
        expect(measurements(db, bi.indicatorId, board.unitId), `${board.id} ${bi.indicatorId}`).toHaveLength(
          EXPECTED_POINTS[bi.frequency],
        );
      }
    }
    // The clinic's translated goal: at most 2.5 % restrained, not the psychiatry's 2.7 %.
    const nord = boardIndicators(db, 'board-k-nord').find((bi) => bi.indicatorId === 'baelte-andel');
    expect(nord?.target).toBe(2.5);
    // Every measurement falls inside its target's validity.
    expect(
      count(
        db,
        `SELECT count(*) FROM measurements m WHERE NOT EXISTS (SELECT 1 FROM targets t
           WHERE t.indicator_id = m.indicator_id AND t.unit_id = m.unit_id AND t.valid_from <= m.period_start)`,
      ),
    ).toBe(0);
  });

  it('records plausible values: whole counts, percentages from numerator/denominator, respondents on soft ones', async () => {
    const db = await seededDb();
    const rows = db
      .prepare(
        `SELECT m.indicator_id AS indicatorId, m.value, m.numerator, m.denominator, m.respondents,
                m.recorded_by AS recordedBy, m.recorded_at AS recordedAt, i.unit_label AS unitLabel, i.kind, i.decimals
         FROM measurements m JOIN indicators i ON i.id = m.indicator_id`,
      )
      .all() as {
      indicatorId: string;
      value: number;
      numerator: number | null;
      denominator: number | null;
      respondents: number | null;
      recordedBy: string;
      recordedAt: string;
      unitLabel: string;
      kind: string;
      decimals: number;
    }[];

    for (const m of rows) {
      const label = `${m.indicatorId} ${m.value}`;
      expect(m.recordedBy).toBe('Demo-data');
      expect(new Date(m.recordedAt).toISOString()).toBe(m.recordedAt);
      expect(roundTo(m.value, m.decimals), label).toBe(m.value);
      if (m.unitLabel === 'antal') expect(Number.isInteger(m.value) && m.value >= 0, label).toBe(true);
      // Budget use is a percentage that may pass 100 (an overspend); every other percentage stays in 0–100.
      if (m.unitLabel === '%' && m.indicatorId !== 'budget') expect(m.value >= 0 && m.value <= 100, label).toBe(true);
      if (m.indicatorId === 'trivsel') expect(m.value >= 1 && m.value <= 5, label).toBe(true);
      if (m.numerator !== null && m.denominator !== null) {
        expect(m.value, label).toBe(roundTo((100 * m.numerator) / m.denominator, m.decimals));
      }
      expect(m.respondents !== null, label).toBe(m.kind === 'soft');
    }
  });

  it('includes soft measurements with too few respondents, but not as a latest value on the psychiatry board', async () => {
    const db = await seededDb();
    const fewAnswers = count(
      db,
      `SELECT count(*) FROM measurements m JOIN indicators i ON i.id = m.indicator_id
       WHERE i.kind = 'soft' AND m.respondents < i.min_respondents`,
    );
    expect(fewAnswers).toBeGreaterThanOrEqual(1);
    expect(count(db, "SELECT count(*) FROM measurements WHERE unit_id = 'psyk' AND respondents < 5")).toBe(0);
  });

  it('puts cards on every board, in columns of that board, with due dates relative to today', async () => {
    const db = await seededDb();
    const perBoard = db
      .prepare('SELECT b.id, count(c.id) AS cards FROM boards b LEFT JOIN cards c ON c.board_id = b.id GROUP BY b.id')
      .all() as { id: string; cards: number }[];
    expect(perBoard).toHaveLength(11);
    for (const board of perBoard) expect(board.cards, board.id).toBeGreaterThanOrEqual(4);

    const misplaced = 'SELECT count(*) FROM cards c JOIN columns col ON col.id = c.column_id WHERE col.board_id <> c.board_id';
    expect(count(db, misplaced)).toBe(0);
    // The file's first card: the n2 huddle, due in 14 days.
    const huddle = db.prepare("SELECT due_date FROM cards WHERE id = 'card-n2-1'").pluck().get();
    expect(huddle).toBe('2026-03-29');
    // Leadership boards (units with units below them) and team boards get their own columns.
    const columnNames = (boardId: string): string[] =>
      db.prepare('SELECT name FROM columns WHERE board_id = ? ORDER BY order_key').pluck().all(boardId) as string[];
    expect(columnNames('board-psyk')).toEqual(['Til drøftelse', 'Handlinger i gang', 'Afsluttet']);
    expect(columnNames('board-k-bup')).toEqual(['Til drøftelse', 'Handlinger i gang', 'Afsluttet']);
    expect(columnNames('board-n2')).toEqual(['Nye forslag', 'I gang', 'Afsluttet']);
  });

  it('names the LUP indicators as the survey asks ("i høj eller meget høj grad"), not by a statistician\'s "top-2"', async () => {
    const lup = loadDemoOrganisation().indicators.filter((i) => i.name.startsWith('LUP'));
    expect(lup.length).toBeGreaterThan(0);
    for (const i of lup) expect(i.name).toMatch(/i høj eller meget høj grad/);
    expect(loadDemoOrganisation().indicators.filter((i) => /top.?2/i.test(i.name))).toEqual([]);
  });

  it('refuses to seed a database that already has an organisation, and leaves it as it was', async () => {
    const db = await seededDb();
    const before = count(db, 'SELECT count(*) FROM measurements');
    await expect(seedDemo(db, { today: TODAY })).rejects.toThrow(DemoSeedError);
    expect(count(db, 'SELECT count(*) FROM measurements')).toBe(before);
    expect(count(db, 'SELECT count(*) FROM org_units')).toBe(11);
  });

  it('is deterministic: the same seed gives the same measurements, another seed other ones', async () => {
    const all = (db: Db): unknown[] =>
      db.prepare('SELECT * FROM measurements ORDER BY indicator_id, unit_id, period_start').all();
    const first = all(await seededDb({ randomSeed: 42 }));
    expect(all(await seededDb({ randomSeed: 42 }))).toEqual(first);
    expect(all(await seededDb({ randomSeed: 43 }))).not.toEqual(first);
  });
});
