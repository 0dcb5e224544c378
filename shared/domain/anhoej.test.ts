import { describe, expect, it } from 'vitest';
import { ANHOEJ_LIMITS, analyseRunChart, maxRunLength, median, minCrossings } from './anhoej';

describe('Anhøj limits', () => {
  it('the shipped table for n = 10…100 matches the formulas', () => {
    expect(ANHOEJ_LIMITS).toHaveLength(91);
    for (const [n, run, crossings] of ANHOEJ_LIMITS) {
      expect([n, maxRunLength(n), minCrossings(n)]).toEqual([n, run, crossings]);
    }
  });

  it('matches the published values', () => {
    // Anhøj & Olesen (2014), table 1: n = 10 → 6 / 2, n = 24 → 8 / 8, n = 30 → 8 / 10, n = 100 → 10 / 41.
    expect([maxRunLength(10), minCrossings(10)]).toEqual([6, 2]);
    expect([maxRunLength(24), minCrossings(24)]).toEqual([8, 8]);
    expect([maxRunLength(30), minCrossings(30)]).toEqual([8, 10]);
    expect([maxRunLength(100), minCrossings(100)]).toEqual([10, 41]);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('analyseRunChart', () => {
  it('finds no signal in a series that alternates around its median', () => {
    const values = [1, 3, 1, 3, 2, 4, 1, 3, 2, 4, 1, 3];
    const a = analyseRunChart(values);
    expect(a.median).toBe(2.5);
    expect(a).toMatchObject({ n: 12, longestRun: 1, crossings: 11, applied: true, signal: false });
  });

  it('flags a shift: a run longer than round(log2(n) + 3)', () => {
    // 12 points, median 5.5: six below then six above → longest run 6 ≤ 7 no shift; but only one crossing < 3.
    const values = [1, 2, 3, 4, 5, 5.2, 6, 7, 8, 9, 10, 11];
    const a = analyseRunChart(values);
    expect(a).toMatchObject({ n: 12, longestRun: 6, maxRun: 7, shift: false, crossings: 1, minCrossings: 3 });
    expect(a.tooFewCrossings).toBe(true);
    expect(a.signal).toBe(true);
  });

  it('marks the points of a too-long run', () => {
    // Ties: most points on the median leave too few useful ones to judge.
    const values = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 9, 9, 9, 9, 9, 9, 1, 1];
    const a = analyseRunChart(values);
    expect(a.median).toBe(9); // 12 nines of 20: the points on the median do not count
    expect(a.n).toBe(8);
    expect(a.applied).toBe(false);
    // 22 points, 11 low and 11 high: median 5, then nine high in a row and eight low in a row.
    const shifted = analyseRunChart([2, 8, 2, 8, 2, 8, 8, 8, 8, 8, 8, 8, 8, 8, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(shifted.median).toBe(5);
    expect(shifted).toMatchObject({ n: 22, longestRun: 9, maxRun: 7, shift: true, signal: true });
    expect(shifted.shiftPoints).toEqual(Array.from({ length: 17 }, (_, i) => i + 5));
  });

  it('skips points on the median: they neither break a run nor count as a crossing', () => {
    const values = [1, 1, 5, 1, 1, 9, 9, 5, 9, 9, 1, 9, 5];
    const a = analyseRunChart(values);
    expect(a.median).toBe(5);
    expect(a.n).toBe(10);
    expect(a.runs.map((r) => r.points)).toEqual([[0, 1, 3, 4], [5, 6, 8, 9], [10], [11]]);
    expect(a.longestRun).toBe(4);
    expect(a.crossings).toBe(3);
  });

  it('does not apply the rules to a short series', () => {
    const a = analyseRunChart([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a).toMatchObject({ n: 8, applied: false, signal: false });
    expect(analyseRunChart([])).toMatchObject({ median: null, n: 0, signal: false });
  });

  it('judges later points against a frozen baseline median', () => {
    const baseline = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
    const later = [14, 15, 14, 16, 15, 14, 15, 16, 14, 15];
    const frozen = analyseRunChart([...baseline, ...later], { baseline: 10 });
    expect(frozen.median).toBe(11);
    expect(frozen.shift).toBe(true);
    expect(frozen.longestRun).toBe(11);
    const free = analyseRunChart([...baseline, ...later]);
    expect(free.median).toBe(13);
  });
});
