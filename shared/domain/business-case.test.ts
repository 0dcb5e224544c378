import { describe, expect, it } from 'vitest';
import { indicatorProgress, jointStatus, paybackYears, progressTowards } from './business-case';

describe('business cases and joint status', () => {
  it('payback: investment over yearly effect in money, none without both', () => {
    expect(paybackYears(1_200_000, 400_000)).toBe(3);
    expect(paybackYears(1_000_000, null)).toBeNull();
    expect(paybackYears(1_000_000, 0)).toBeNull();
  });

  it('progress from baseline towards target, whichever way is better', () => {
    expect(progressTowards(5.4, 2.7, 4.05)).toBe(0.5);
    expect(progressTowards(60, 80, 80)).toBe(1);
    expect(progressTowards(60, 80, 55)).toBe(-0.25);
    expect(progressTowards(60, null, 70)).toBeNull();
  });

  it('a joint status is the weakest owner with data', () => {
    expect(jointStatus(['green', 'amber', 'none'])).toBe('amber');
    expect(jointStatus(['green', 'red'])).toBe('red');
    expect(jointStatus(['none', 'none'])).toBe('none');
  });

  it('progress is judged from the median before the start to the newest point since', () => {
    const months = ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2025-06-01'];
    const points = months.map((periodStart, i) => ({ periodStart, value: [6, 5, 7, 4, 3.5, 3][i]! }));
    const p = indicatorProgress(points, '2025-04-01', null, 3);
    expect(p).toEqual({ baselineValue: 6, baselineFromSeries: true, latestValue: 3, latestPeriod: '2025-06-01', progress: 1 });
    // A baseline set by hand wins over the series.
    expect(indicatorProgress(points, '2025-04-01', 5, 3)).toMatchObject({ baselineValue: 5, baselineFromSeries: false, progress: 1 });
  });

  it('no progress without a point since the start, nor without a baseline', () => {
    const points = [{ periodStart: '2025-01-01', value: 10 }];
    expect(indicatorProgress(points, '2025-03-01', null, 5)).toMatchObject({ baselineValue: 10, latestValue: null, progress: null });
    expect(indicatorProgress(points, null, null, 5)).toMatchObject({ baselineValue: null, latestValue: 10, progress: null });
    expect(indicatorProgress([], '2025-03-01', null, 5)).toMatchObject({ baselineValue: null, baselineFromSeries: false });
  });
});
