import { describe, expect, it } from 'vitest';
import { generateSeries, hashSeed, mulberry32, pointStatus, type Level, type SeriesSpec } from './measurement-series';

const LEVELS: Level[] = ['green', 'amber', 'red'];
const MONTHLY = { frequency: 'monthly', periods: 24, lastPeriodStart: '2026-02-01' } as const;

function spec(overrides: Partial<SeriesSpec>): SeriesSpec {
  return {
    direction: 'higher',
    frequency: 'biweekly',
    kind: 'hard',
    decimals: 0,
    minRespondents: null,
    band: { target: 90, low: null, high: null, tolerance: 5 },
    profile: { min: 0, max: 100, denominator: 120 },
    from: 'green',
    latest: 'green',
    lastPeriodStart: '2026-02-23',
    periods: 52,
    denominator: 30,
    respondents: null,
    summerDip: false,
    seed: 1,
    ...overrides,
  };
}

describe('mulberry32', () => {
  it('repeats its stream for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });

  it('gets distinct seeds from distinct texts', () => {
    expect(hashSeed('42:psyk:budget')).not.toBe(hashSeed('42:psyk:baelte-andel'));
  });
});

describe('generateSeries', () => {
  const cases: { name: string; base: Partial<SeriesSpec> }[] = [
    { name: 'higher %, small denominator', base: {} },
    {
      name: 'lower count with target 0',
      base: {
        ...MONTHLY,
        direction: 'lower',
        band: { target: 0, low: null, high: null, tolerance: 1 },
        profile: { min: 0, max: 40 },
        denominator: null,
      },
    },
    {
      name: 'range % with overspend',
      base: {
        ...MONTHLY,
        direction: 'range',
        decimals: 1,
        band: { target: null, low: 97, high: 100, tolerance: 2 },
        profile: { min: 0, max: 130, denominator: 1000, rangeSide: 'above' },
        denominator: 1000,
      },
    },
    {
      name: 'soft LUP % with few respondents',
      base: {
        kind: 'soft',
        frequency: 'quarterly',
        periods: 8,
        lastPeriodStart: '2025-10-01',
        minRespondents: 5,
        respondents: [8, 20],
        profile: { min: 0, max: 100, respondentsAsDenominator: true },
        denominator: null,
      },
    },
  ];

  for (const { name, base } of cases) {
    for (const from of LEVELS) {
      for (const latest of LEVELS) {
        it(`${name}: ends ${latest} after starting ${from}`, () => {
          for (let seed = 0; seed < 25; seed++) {
            const s = spec({ ...base, from, latest, seed });
            const series = generateSeries(s);
            expect(series).toHaveLength(s.periods);
            expect(pointStatus(s, series.at(-1)!)).toBe(latest);
          }
        });
      }
    }
  }

  it('gives small units too few answers in July, which the status shows as none', () => {
    const s = spec({
      kind: 'soft',
      ...MONTHLY,
      decimals: 1,
      minRespondents: 5,
      band: { target: 4, low: null, high: null, tolerance: 0.3 },
      profile: { min: 1, max: 5 },
      denominator: null,
      respondents: [8, 24],
      summerDip: true,
    });
    const series = generateSeries(s);
    const july = series.filter((p) => p.periodStart.slice(5, 7) === '07');
    expect(july).toHaveLength(2);
    for (const p of july) {
      expect(p.respondents).toBeLessThan(5);
      expect(pointStatus(s, p)).toBe('none');
    }
    for (const p of series.filter((q) => !july.includes(q))) expect(p.respondents).toBeGreaterThanOrEqual(8);
  });

  it('is a pure function of its spec', () => {
    expect(generateSeries(spec({ seed: 9 }))).toEqual(generateSeries(spec({ seed: 9 })));
    expect(generateSeries(spec({ seed: 9 }))).not.toEqual(generateSeries(spec({ seed: 10 })));
  });
});
