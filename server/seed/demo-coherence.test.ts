import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { median } from '../../shared/domain/anhoej';
import { rollUp } from '../../shared/domain/cascade';
import { projectRoot } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase, type Db } from '../db/open-database';
import { createRepositories } from '../repositories';
import { createBusinessCases } from '../services/cascade/business-cases';
import { DEMO_CASES, DEMO_CHAINS } from './demo-business-cases';
import { DEMO_ROLLUPS } from './demo-goals';
import { DEMO_DECISION_INDICATOR } from './demo-meetings';
import { seedDemo } from './seed-demo';
import { sqliteStore } from '../store';
import type { BusinessCase } from '../../shared/maalstyring';

/** The invariants that keep the demo from contradicting itself (issue 20): checked on the seeded database. */
let db: Db;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kaskade-coherence-'));
  db = openDatabase(join(dir, 'kaskade.db'));
  migrate(db, join(projectRoot, 'migrations'));
  await seedDemo(db, { today: new Date(2026, 2, 15, 10) });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
type Point = { unitId: string; periodStart: string; value: number; denominator: number | null };

describe('the demo holds together', () => {
  it("where an indicator rolls up, a parent's series is the roll-up of its children's", () => {
    let checked = 0;
    for (const indicator of Object.keys(DEMO_ROLLUPS)) {
      const { decimals, rollup } = db.prepare('SELECT decimals, rollup FROM indicators WHERE id = ?').get(indicator) as { decimals: number; rollup: string };
      expect(rollup, indicator).toBe('weighted');
      const points = all<Point & { parentId: string | null }>(
        `SELECT m.unit_id AS unitId, u.parent_id AS parentId, m.period_start AS periodStart, m.value, m.denominator
         FROM measurements m JOIN org_units u ON u.id = m.unit_id WHERE m.indicator_id = ?`, indicator);
      for (const parent of new Set(points.map((p) => p.parentId))) {
        const own = points.filter((p) => p.unitId === parent);
        const children = points.filter((p) => p.parentId === parent);
        if (own.length === 0 || children.length === 0) continue;
        for (const p of own) {
          const expected = rollUp('weighted', children.filter((c) => c.periodStart === p.periodStart));
          // Children's values are rounded to the indicator's decimals, the parent's from whole counts.
          expect(Math.abs(p.value - expected!), `${indicator} ${parent} ${p.periodStart}`).toBeLessThanOrEqual(10 ** -decimals);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    const psykOpf = all<Point>("SELECT value FROM measurements WHERE indicator_id = 'opfoelg-7' AND unit_id = 'psyk' ORDER BY period_start DESC LIMIT 1")[0]!;
    const clinics = all<Point>(`SELECT value FROM measurements WHERE indicator_id = 'opfoelg-7' AND unit_id IN ('k-nord', 'k-syd')
      AND period_start = (SELECT max(period_start) FROM measurements WHERE indicator_id = 'opfoelg-7')`).map((c) => c.value);
    expect(psykOpf.value).toBeGreaterThanOrEqual(Math.min(...clinics) - 1);
    expect(psykOpf.value).toBeLessThanOrEqual(Math.max(...clinics) + 1);
  });

  it('"Halvér brugen af bæltefiksering" aims at about half the two-year median', async () => {
    const goal = db.prepare("SELECT target, indicator_id AS indicatorId FROM goals WHERE title LIKE 'Halvér brugen af bæltefiksering%'").get() as { target: number | null; indicatorId: string };
    const values = all<{ value: number }>(
      `SELECT value FROM measurements WHERE indicator_id = ? AND unit_id = 'psyk' ORDER BY period_start DESC LIMIT 24`, goal.indicatorId,
    ).map((m) => m.value);
    const half = median(values)! / 2;
    const { indicators } = createRepositories(sqliteStore(db));
    const target = goal.target ?? (await indicators.currentTarget((await indicators.get(goal.indicatorId))!, 'psyk', '2026-03-15'))?.target;
    expect(target).not.toBeUndefined();
    expect(Math.abs(target! - half)).toBeLessThanOrEqual(0.1 * half);
  });

  it('LUP is a yearly survey with realistic numbers of answers', () => {
    const lup = all<{ frequency: string }>("SELECT frequency FROM indicators WHERE id LIKE 'lup-%'");
    expect(lup.map((i) => i.frequency)).toEqual(['yearly', 'yearly']);
    const rows = all<{ unitId: string; periodStart: string; respondents: number }>(
      "SELECT unit_id AS unitId, period_start AS periodStart, respondents FROM measurements WHERE indicator_id LIKE 'lup-%'");
    expect(rows.every((r) => r.periodStart.endsWith('-01-01'))).toBe(true);
    expect(Math.min(...rows.map((r) => r.respondents))).toBeGreaterThanOrEqual(20);
    expect(Math.min(...rows.filter((r) => r.unitId === 'psyk').map((r) => r.respondents))).toBeGreaterThanOrEqual(400);
  });

  it('the minutes record the restraint decision under the restraint item', () => {
    const meetings = all<{ body: string }>('SELECT body FROM meetings');
    const decided = meetings.flatMap((m) => (JSON.parse(m.body) as { items: { refId: string | null; decisions: { text: string }[] }[] }).items)
      .filter((i) => i.decisions.some((d) => /bæltefiksering/i.test(d.text)));
    expect(decided.length).toBeGreaterThan(0);
    expect(decided.every((i) => i.refId === DEMO_DECISION_INDICATOR)).toBe(true);
  });

  it("every indicator on the psychiatry board serves one of the psychiatry's few goals", () => {
    const onBoard = all<{ id: string }>("SELECT indicator_id AS id FROM board_indicators WHERE board_id = 'board-psyk'").map((r) => r.id);
    const served = new Set(all<{ id: string }>(
      `SELECT g.indicator_id AS id FROM goals g JOIN goal_owners o ON o.goal_id = g.id WHERE o.unit_id = 'psyk' AND g.indicator_id IS NOT NULL
       UNION SELECT gi.indicator_id FROM goal_indicators gi JOIN goal_owners o ON o.goal_id = gi.goal_id WHERE o.unit_id = 'psyk'`,
    ).map((r) => r.id));
    expect(onBoard).toHaveLength(21);
    expect(onBoard.filter((id) => !served.has(id))).toEqual([]);
    const psykGoals = all<{ n: number }>("SELECT count(*) AS n FROM goal_owners WHERE unit_id = 'psyk'")[0]!.n;
    expect(psykGoals).toBeLessThanOrEqual(7);
  });

  it('tags every goal with its source, has a regional level, and hangs the cross-cutting goal under its national goal', () => {
    const goals = all<{ id: string; source: string; parentId: string | null; title: string }>(
      'SELECT id, source, parent_id AS parentId, title FROM goals');
    expect(goals.filter((g) => g.source === '')).toEqual([]);
    const psyk = all<{ source: string }>("SELECT g.source FROM goals g JOIN goal_owners o ON o.goal_id = g.id WHERE o.unit_id = 'psyk'");
    expect(new Set(psyk.map((g) => g.source))).toEqual(new Set(['national', 'regional', 'own']));
    expect(goals.some((g) => g.source === 'regional' && g.id.startsWith('goal-reg-'))).toBe(true);
    const crossCutting = all<{ id: string }>('SELECT goal_id AS id FROM goal_owners GROUP BY goal_id HAVING count(*) > 1');
    expect(crossCutting).toHaveLength(1);
    const goal = goals.find((g) => g.id === crossCutting[0]!.id)!;
    const parent = goals.find((g) => g.id === goal.parentId);
    expect(parent?.source).toBe('national');
    expect(parent?.title).toMatch(/sammenhængende patientforløb/i);
    expect(all('SELECT name FROM goal_external_owners WHERE goal_id = ?', goal.id).length).toBeGreaterThanOrEqual(1);
  });

  it('business cases follow their indicators: progress as the run charts tell it, on the boards of their owners', async () => {
    const repos = createRepositories(sqliteStore(db));
    const cases = createBusinessCases(sqliteStore(db), { now: () => new Date(2026, 2, 15, 10) });
    const views = new Map<string, BusinessCase>();
    for (const i of await cases.all()) views.set(i.id, await cases.view(i));
    expect([...views.keys()].sort()).toEqual(DEMO_CASES.map((c) => c.id).sort());
    const progress = (id: string, indicator: string) => views.get(id)!.indicators.find((i) => i.indicatorId === indicator)!.progress!;
    // N2's morning huddle: bæltefikseringer over 48 timer went from red to green after it started.
    expect(progress('ini-demo-huddle', 'baelte-48t')).toBeGreaterThanOrEqual(0.8);
    expect(progress('ini-demo-sms', 'udeblivelser')).toBeGreaterThan(0.5);
    // The discharge coordinator has just started: opfølgning inden 7 dage is still red.
    expect(progress('ini-demo-udskrivelse', 'opfoelg-7')).toBeLessThan(0.5);
    for (const c of DEMO_CASES) {
      const v = views.get(c.id)!;
      expect(v.paybackYears, c.id).toBeCloseTo(c.investment / c.yearlySaving, 1);
      expect(v.startDate! < (v.endDate ?? '9999'), c.id).toBe(true);
      expect(v.indicators.every((i) => i.baselineValue !== null && i.latestValue !== null), c.id).toBe(true);
      const owners = all<{ unitId: string }>('SELECT unit_id AS unitId FROM goal_owners WHERE goal_id = ?', v.goalId).map((o) => o.unitId);
      const shownOn: string[] = [];
      for (const b of owners.map((u) => `board-${u}`)) if ((await repos.initiatives.openOnBoard(b)).some((i) => i.id === c.id)) shownOn.push(b);
      // Open cases are on their owners' boards (and so on their agendas) until closed with a conclusion.
      expect(shownOn, c.id).toEqual(c.conclusion ? [] : owners.map((u) => `board-${u}`));
      expect(v.done, c.id).toBe(Boolean(c.conclusion));
    }
    expect((await repos.initiatives.openOnBoard('board-psyk')).map((i) => i.id).sort()).toEqual(['ini-demo-huddle', 'ini-demo-sms', 'ini-demo-udskrivelse']);
  });

  it('effect chains run indsats → resultat → effekt over indicators of the matching type, ending in a soft one', () => {
    const matching = { indsats: 'drift', resultat: 'resultat', effekt: 'effekt' } as const;
    for (const [goal, steps] of Object.entries(DEMO_CHAINS)) {
      expect(steps.map((s) => s.kind), goal).toEqual(['indsats', 'resultat', 'effekt']);
      for (const s of steps) {
        const def = db.prepare('SELECT type, kind FROM indicators WHERE id = ?').get(s.indicator) as { type: string; kind: string };
        expect(def.type, `${goal} ${s.indicator}`).toBe(matching[s.kind]);
        expect(all('SELECT 1 FROM board_indicators WHERE board_id = ? AND indicator_id = ?', `board-${s.unit}`, s.indicator), s.indicator).toHaveLength(1);
      }
      expect((db.prepare('SELECT kind FROM indicators WHERE id = ?').get(steps.at(-1)!.indicator) as { kind: string }).kind).toBe('soft');
    }
    // Citizens' and patients' own reports are the effect indicators; none of them is hard.
    const effekt = all<{ kind: string }>("SELECT kind FROM indicators WHERE type = 'effekt'");
    expect(effekt.length).toBeGreaterThan(0);
    expect(effekt.every((i) => i.kind === 'soft')).toBe(true);
  });
});
