import { describe, expect, it } from 'vitest';
import type { Goal } from '../cascade';
import type { Measurement } from '../schemas';
import { goalChain, reportable, rollUp, translationDefaults, wouldCycle } from './cascade';
import { indicatorStatus } from './status';

const goal = (id: string, parentId: string | null): Goal => ({
  id, parentId, title: id, external: '', measure: '', why: '', realism: '', rationale: '', deadline: null,
  indicatorId: null, target: null, ownerIds: [], source: '', externalOwners: [], alsoIndicatorIds: [],
});

describe('goalChain', () => {
  const goals = new Map([goal('nat', null), goal('psyk', 'nat'), goal('nord', 'psyk'), goal('n2', 'nord')].map((g) => [g.id, g]));
  it('walks from the parent up to the top goal', () => {
    expect(goalChain(goals.get('n2')!, goals).map((g) => g.id)).toEqual(['nord', 'psyk', 'nat']);
    expect(goalChain(goals.get('nat')!, goals)).toEqual([]);
  });
  it('refuses a parent that would close a loop', () => {
    expect(wouldCycle('psyk', 'n2', goals)).toBe(true);
    expect(wouldCycle('n2', 'nat', goals)).toBe(false);
  });
});

describe('rollUp', () => {
  const children = [{ value: 10, denominator: 100 }, { value: 20, denominator: 300 }];
  it('sums, averages, or weights by denominator', () => {
    expect(rollUp('sum', children)).toBe(30);
    expect(rollUp('mean', children)).toBe(15);
    expect(rollUp('weighted', children)).toBe(17.5);
  });
  it('has no value without children or without denominators to weight by', () => {
    expect(rollUp('sum', [])).toBeNull();
    expect(rollUp('weighted', [{ value: 5 }])).toBeNull();
  });
});

describe('soft indicators below the minimum number of answers', () => {
  const m = (value: number, respondents: number): Measurement => ({
    indicatorId: 'lup', unitId: 'n2', periodStart: '2026-01-01', value, numerator: null, denominator: null,
    respondents, note: '', recordedAt: '', recordedBy: '',
  });
  it('are left out of charts and have no status', () => {
    expect(reportable([m(90, 12), m(20, 3), m(88, 5)], 5).map((x) => x.value)).toEqual([90, 88]);
    expect(indicatorStatus({ value: 20, direction: 'higher', target: 85, tolerance: 5, respondents: 3, minRespondents: 5 })).toBe('none');
  });
});

describe('translationDefaults', () => {
  it("starts from the parent's indicator, target, reason and deadline, never its wording", () => {
    const parent = { ...goal('psyk', 'nat'), title: 'Halvér bæltefiksering', indicatorId: 'baelte-andel', target: 2, why: 'Tvang er indgribende', deadline: '2027-12-31', rationale: 'x' };
    expect(translationDefaults(parent)).toEqual({
      parentId: 'psyk', indicatorId: 'baelte-andel', target: 2, why: 'Tvang er indgribende', deadline: '2027-12-31', title: '', rationale: '',
    });
  });
});
