import { describe, expect, it } from 'vitest';
import { hasTooFewRespondents, indicatorStatus, measurementStatus } from './status';

describe('indicatorStatus', () => {
  describe('lower is better (target 4, tolerance 1)', () => {
    const s = (value: number | null) => indicatorStatus({ value, direction: 'lower', target: 4, tolerance: 1 });
    it.each([
      [0, 'green'],
      [4, 'green'],
      [4.0001, 'amber'],
      [5, 'amber'],
      [5.0001, 'red'],
      [40, 'red'],
    ] as const)('%s is %s', (value, expected) => expect(s(value)).toBe(expected));
    it('has no status without a value', () => expect(s(null)).toBe('none'));
  });

  describe('higher is better (target 90, tolerance 5)', () => {
    const s = (value: number) => indicatorStatus({ value, direction: 'higher', target: 90, tolerance: 5 });
    it.each([
      [100, 'green'],
      [90, 'green'],
      [89.99, 'amber'],
      [85, 'amber'],
      [84.99, 'red'],
    ] as const)('%s is %s', (value, expected) => expect(s(value)).toBe(expected));
  });

  describe('inside a range (85–95, tolerance 5)', () => {
    const s = (value: number) => indicatorStatus({ value, direction: 'range', low: 85, high: 95, tolerance: 5 });
    it.each([
      [85, 'green'],
      [90, 'green'],
      [95, 'green'],
      [80, 'amber'],
      [100, 'amber'],
      [79.9, 'red'],
      [100.1, 'red'],
    ] as const)('%s is %s', (value, expected) => expect(s(value)).toBe(expected));
    it('has no status without both bounds', () =>
      expect(indicatorStatus({ value: 90, direction: 'range', low: 85, tolerance: 5 })).toBe('none'));
  });

  it('a zero tolerance has no amber band', () => {
    expect(indicatorStatus({ value: 0, direction: 'lower', target: 0, tolerance: 0 })).toBe('green');
    expect(indicatorStatus({ value: 1, direction: 'lower', target: 0, tolerance: 0 })).toBe('red');
  });

  it('judges the value as shown, rounded to the decimals', () => {
    // 5.04 is shown as "5,0" with one decimal: exactly on the amber boundary, not red.
    expect(indicatorStatus({ value: 5.04, direction: 'lower', target: 4, tolerance: 1, decimals: 1 })).toBe('amber');
    expect(indicatorStatus({ value: 5.04, direction: 'lower', target: 4, tolerance: 1 })).toBe('red');
  });

  it('is not fooled by binary floating point at a boundary', () => {
    expect(indicatorStatus({ value: 4.3, direction: 'higher', target: 4.6, tolerance: 0.3 })).toBe('amber');
  });

  it('has no status without a target', () => {
    expect(indicatorStatus({ value: 3, direction: 'lower', target: null, tolerance: 1 })).toBe('none');
  });

  it('has no status for too few respondents', () => {
    const soft = { value: 50, direction: 'higher', target: 85, tolerance: 5, minRespondents: 5 } as const;
    expect(indicatorStatus({ ...soft, respondents: 4 })).toBe('none');
    expect(indicatorStatus({ ...soft, respondents: null })).toBe('none');
    expect(indicatorStatus({ ...soft, respondents: 5 })).toBe('red');
  });
});

describe('hasTooFewRespondents', () => {
  it('only applies when a minimum is set', () => {
    expect(hasTooFewRespondents({ respondents: null, minRespondents: null })).toBe(false);
    expect(hasTooFewRespondents({ respondents: 2, minRespondents: 0 })).toBe(false);
    expect(hasTooFewRespondents({ respondents: 2, minRespondents: 5 })).toBe(true);
  });
});

describe('measurementStatus', () => {
  const indicator = { direction: 'higher', decimals: 0, minRespondents: 5 } as const;
  const target = { validFrom: '2024-01-01', validTo: null, target: 85, low: null, high: null, tolerance: 5 };

  it('judges a measurement of an indicator against a target, respondents included', () => {
    expect(measurementStatus(indicator, target, { value: 82, respondents: 40 })).toBe('amber');
    expect(measurementStatus(indicator, target, { value: 82, respondents: 3 })).toBe('none');
    expect(measurementStatus(indicator, null, { value: 82, respondents: 40 })).toBe('none');
    expect(measurementStatus(indicator, target, null)).toBe('none');
  });
});
