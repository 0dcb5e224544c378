import { da, en } from './i18n';
import { formatDate, formatDateTime, formatPeriod, formatValue, parseDecimal } from './format';

describe('formatting', () => {
  it('writes numbers the Danish way, with a space before the unit', () => {
    expect(formatValue(4.5, 1, '%', 'da')).toBe('4,5\u00a0%');
    expect(formatValue(4.5, 2, '%', 'en')).toBe('4.50\u00a0%');
    expect(formatValue(12, 0, '', 'da')).toBe('12');
  });

  it('names periods per frequency', () => {
    expect(formatPeriod('biweekly', '2026-11-16', 'da', da)).toBe('uge 47–48 2026');
    expect(formatPeriod('weekly', '2026-11-16', 'da', da)).toBe('uge 47 2026');
    expect(formatPeriod('monthly', '2026-11-01', 'da', da)).toBe('nov. 2026');
    expect(formatPeriod('quarterly', '2026-10-01', 'da', da)).toBe('K4 2026');
    expect(formatPeriod('quarterly', '2026-10-01', 'en', en)).toBe('Q4 2026');
    expect(formatPeriod('biweekly', '2026-11-16', 'en', en)).toBe('weeks 47–48 2026');
  });

  it('writes dates as 28. nov. 2026', () => {
    expect(formatDate('2026-11-28', 'da')).toBe('28. nov. 2026');
  });

  it('reads decimals typed with comma or point', () => {
    expect(parseDecimal('4,5')).toBe(4.5);
    expect(parseDecimal(' 4.5 ')).toBe(4.5);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('4,5,6')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('writes a moment as a Danish date with the local time, never an ISO stamp', () => {
    const local = new Date(2026, 10, 28, 14, 5).toISOString();
    expect(formatDateTime(local, 'da')).toMatch(/^28\. nov\. 2026.*14[.:]05$/);
    expect(formatDateTime(local, 'da')).not.toContain('2026-11-28');
    expect(formatDateTime(local, 'en')).toMatch(/^28 Nov 2026.*14:05$/);
  });
});
