import { da, en } from './i18n';
import { formatDate, formatDateTime, formatPeriod, formatValue, parseDecimal } from './format';

describe('formatting', () => {
  it('writes numbers the Danish way, with a space before the unit', () => {
    expect(formatValue(4.5, 1, '%', 'da')).toBe('4,5\u00a0%');
    expect(formatValue(4.5, 2, '%', 'en')).toBe('4.50\u00a0%');
    expect(formatValue(12, 0, '', 'da')).toBe('12');
  });

  it('says unit words in the reader\'s language, in singular or plural', () => {
    expect(formatValue(43, 0, 'dage', 'en')).toBe('43\u00a0days');
    expect(formatValue(43, 0, 'dage', 'da')).toBe('43\u00a0dage');
    expect(formatValue(1, 0, 'dage', 'da')).toBe('1\u00a0dag');
    expect(formatValue(1, 0, 'dage', 'en')).toBe('1\u00a0day');
    expect(formatValue(1, 1, 'timer', 'en')).toBe('1.0\u00a0hours');
    expect(formatValue(24, 0, 'Timer', 'en')).toBe('24\u00a0hours');
    expect(formatValue(3, 0, 'kr.', 'en')).toBe('3\u00a0kr.');
  });

  it('writes dates in each language\'s own way, never as ISO', () => {
    expect(formatDate('2027-12-31', 'da')).toBe('31. dec. 2027');
    expect(formatDate('2027-12-31', 'en')).toBe('31 Dec 2027');
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
