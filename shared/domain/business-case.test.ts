import { describe, expect, it } from 'vitest';
import { jointStatus, paybackYears, progressTowards } from './business-case';

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
});
