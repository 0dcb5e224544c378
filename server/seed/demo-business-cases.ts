import { median } from '../../shared/domain/anhoej';
import { addDays } from '../../shared/domain/cadence';
import { shiftPeriod } from '../../shared/domain/periods';
import type { Db } from '../db/open-database';
import { goalId } from './demo-goals';

/**
 * The demo's initiatives with business cases and its effect chains. Each case starts where its indicator's series
 * turns (read from the seeded figures), so its progress against baseline tells the same story as the run chart.
 */
interface DemoCase {
  id: string;
  goal: string;
  title: string;
  expectedEffect: string;
  investment: number;
  yearlySaving: number;
  /** The indicator whose series dates the start, at this unit; the case's indicators follow. */
  leading: { indicator: string; unit: string };
  targets: { indicator: string; target: number }[];
  /** Months from the start to the planned end. */
  months: number;
  /** A case just begun: it started this many months ago, whatever its series does. */
  startedMonthsAgo?: number;
  /** A closed case: its conclusion. */
  conclusion?: string;
}

export const DEMO_CASES: readonly DemoCase[] = [
  {
    id: 'ini-demo-huddle',
    goal: 'n2-tvang',
    title: 'Tvangsforebyggende morgenhuddle i N2',
    expectedEffect: 'Færre og kortere bæltefikseringer; færre fasteværnstimer',
    investment: 240_000,
    yearlySaving: 180_000,
    leading: { indicator: 'baelte-48t', unit: 'n2' },
    targets: [{ indicator: 'baelte-48t', target: 0 }],
    months: 18,
  },
  {
    id: 'ini-demo-sms',
    goal: 'psyk-drift',
    title: 'SMS-påmindelse før ambulante aftaler',
    expectedEffect: 'Færre udeblivelser: flere ambulante tider udnyttet',
    investment: 350_000,
    yearlySaving: 600_000,
    leading: { indicator: 'udeblivelser', unit: 'psyk' },
    targets: [{ indicator: 'udeblivelser', target: 6 }],
    months: 30,
  },
  {
    id: 'ini-demo-udskrivelse',
    goal: 'tvaer-udskrivelse',
    title: 'Udskrivelseskoordinator og fælles udskrivelsesaftale med kommunerne',
    expectedEffect: 'Opfølgning inden 7 dage for 80 %; færre akutte genindlæggelser og sparede sengedage',
    investment: 1_200_000,
    yearlySaving: 800_000,
    leading: { indicator: 'opfoelg-7', unit: 'k-nord' },
    targets: [{ indicator: 'opfoelg-7', target: 80 }, { indicator: 'genindl-30', target: 18 }],
    months: 24,
    startedMonthsAgo: 4,
  },
  {
    id: 'ini-demo-farmaceut',
    goal: 'psyk-sikkerhed',
    title: 'Farmaceut i akutmodtagelsen til medicinafstemning',
    expectedEffect: 'Medicinafstemning inden 24 timer for mindst 95 %',
    investment: 420_000,
    yearlySaving: 150_000,
    leading: { indicator: 'medicinafstem', unit: 'psyk' },
    targets: [{ indicator: 'medicinafstem', target: 95 }],
    months: 12,
    conclusion: 'Målet er nået og holdt i et halvt år; farmaceutfunktionen er gjort permanent i driften.',
  },
];

/** The demo's effect chains: from what is done, through what it delivers, to what it means for the patient. */
export const DEMO_CHAINS: Readonly<Record<string, readonly { kind: 'indsats' | 'resultat' | 'effekt'; title: string; indicator: string; unit: string }[]>> = {
  'psyk-tvang': [
    { kind: 'indsats', title: 'Behandlingsplan lagt sammen med patienten inden 7 dage', indicator: 'behandlingsplan', unit: 'psyk' },
    { kind: 'resultat', title: 'Færre patienter bæltefikseres', indicator: 'baelte-andel', unit: 'psyk' },
    { kind: 'effekt', title: 'Patienterne oplever et godt forløb', indicator: 'lup-patient', unit: 'psyk' },
  ],
  'psyk-forloeb': [
    { kind: 'indsats', title: 'Ambulant opfølgning inden 7 dage efter udskrivelse', indicator: 'opfoelg-7', unit: 'psyk' },
    { kind: 'resultat', title: 'Færre akutte genindlæggelser', indicator: 'genindl-30', unit: 'psyk' },
    { kind: 'effekt', title: 'Pårørende oplever et sammenhængende forløb', indicator: 'lup-paaroerende', unit: 'psyk' },
  ],
};

/** The period where a series turns: the first value past the midpoint between its first and last half-year. */
function turningPeriod(points: readonly { periodStart: string; value: number }[]): string | null {
  if (points.length < 12) return null;
  const before = median(points.slice(0, 6).map((p) => p.value))!;
  const after = median(points.slice(-6).map((p) => p.value))!;
  if (before === after) return null;
  const mid = (before + after) / 2;
  const past = (v: number) => (after < before ? v < mid : v > mid);
  return points.slice(6).find((p) => past(p.value))?.periodStart ?? null;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const addMonths = (day: string, months: number) => shiftPeriod('monthly', monthStart(day), months);

export function writeDemoBusinessCases(db: Db, today: string, now: string): number {
  const series = db.prepare<[string, string], { periodStart: string; value: number }>(
    'SELECT period_start AS periodStart, value FROM measurements WHERE indicator_id = ? AND unit_id = ? ORDER BY period_start',
  );
  const insert = db.prepare(`INSERT INTO initiatives (id, goal_id, title, baseline, expected_effect, end_date, done, created_at,
      investment, yearly_saving, start_date, conclusion, closed_at)
    VALUES (@id, @goalId, @title, '', @expectedEffect, @endDate, @done, @now, @investment, @yearlySaving, @startDate,
      @conclusion, @closedAt)`);
  const kpi = db.prepare(`INSERT INTO initiative_indicators (initiative_id, indicator_id, baseline_value, target_value)
    VALUES (?, ?, NULL, ?)`);
  for (const c of DEMO_CASES) {
    const points = series.all(c.leading.indicator, c.leading.unit);
    // A case starts the month its series turns; one just begun (or without a turn) started a few months ago.
    const turn = c.startedMonthsAgo === undefined ? turningPeriod(points) : null;
    const startDate = monthStart(turn ?? addMonths(today, -(c.startedMonthsAgo ?? 4)));
    const endDate = c.conclusion ? monthStart(addDays(today, -20)) : addMonths(startDate, c.months);
    insert.run({
      id: c.id, goalId: goalId(c.goal), title: c.title, expectedEffect: c.expectedEffect, endDate, done: c.conclusion ? 1 : 0,
      now, investment: c.investment, yearlySaving: c.yearlySaving, startDate, conclusion: c.conclusion ?? '',
      closedAt: c.conclusion ? `${endDate}T12:00:00.000Z` : null,
    });
    for (const t of c.targets) kpi.run(c.id, t.indicator, t.target);
  }
  const step = db.prepare(`INSERT INTO effect_chain_steps (goal_id, position, kind, title, indicator_id, unit_id)
    VALUES (?, ?, ?, ?, ?, ?)`);
  for (const [goal, steps] of Object.entries(DEMO_CHAINS)) {
    steps.forEach((s, i) => step.run(goalId(goal), i, s.kind, s.title, s.indicator, s.unit));
  }
  return DEMO_CASES.length;
}
