import { describe, expect, it } from 'vitest';
import { isPeriodStart, periodEnd, periodLabelParts, periodStartOf, shiftPeriod } from './periods';

describe('yearly periods (LUP is a yearly survey)', () => {
  it('start on 1 January, step a year, end on 31 December', () => {
    expect(periodStartOf('yearly', '2026-07-14')).toBe('2026-01-01');
    expect(shiftPeriod('yearly', '2026-01-01', -2)).toBe('2024-01-01');
    expect(periodEnd('yearly', '2026-01-01')).toBe('2026-12-31');
    expect(periodLabelParts('yearly', '2025-01-01')).toEqual({ kind: 'year', year: 2025 });
  });
});

describe('periods', () => {
  it('finds the start of the period containing a date', () => {
    expect(periodStartOf('weekly', '2026-11-28')).toBe('2026-11-23');
    expect(periodStartOf('monthly', '2026-11-28')).toBe('2026-11-01');
    expect(periodStartOf('quarterly', '2026-11-28')).toBe('2026-10-01');
  });

  it('counts fortnights from a fixed Monday so every unit shares them', () => {
    expect(periodStartOf('biweekly', '2024-01-01')).toBe('2024-01-01');
    expect(periodStartOf('biweekly', '2024-01-14')).toBe('2024-01-01');
    expect(periodStartOf('biweekly', '2024-01-15')).toBe('2024-01-15');
    expect(periodStartOf('biweekly', '2023-12-31')).toBe('2023-12-18');
  });

  it('knows which dates start a period', () => {
    expect(isPeriodStart('monthly', '2026-11-01')).toBe(true);
    expect(isPeriodStart('monthly', '2026-11-02')).toBe(false);
    expect(isPeriodStart('biweekly', shiftPeriod('biweekly', '2024-01-01', 70))).toBe(true);
  });

  it('shifts and ends periods', () => {
    expect(shiftPeriod('quarterly', '2026-10-01', -1)).toBe('2026-07-01');
    expect(periodEnd('monthly', '2026-02-01')).toBe('2026-02-28');
    expect(periodEnd('biweekly', '2024-01-01')).toBe('2024-01-14');
  });

  it('gives the parts a label is made of', () => {
    expect(periodLabelParts('biweekly', '2024-01-01')).toEqual({ kind: 'weeks', year: 2024, fromWeek: 1, toWeek: 2 });
    expect(periodLabelParts('monthly', '2026-11-01')).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(periodLabelParts('quarterly', '2026-10-01')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 });
  });
});
