import { describe, expect, it } from 'vitest';
import { addDays, nextMeetingDate, upcomingMeetingDate } from './cadence';

describe('cadence → next meeting date', () => {
  it('adds a week or 14 days, across month and year ends', () => {
    expect(nextMeetingDate('weekly', '2026-11-26')).toBe('2026-12-03');
    expect(nextMeetingDate('biweekly', '2026-12-24')).toBe('2027-01-07');
  });

  it('keeps the day of month, or the last day of a shorter month', () => {
    expect(nextMeetingDate('monthly', '2026-11-15')).toBe('2026-12-15');
    expect(nextMeetingDate('monthly', '2027-01-31')).toBe('2027-02-28');
    expect(nextMeetingDate('monthly', '2028-01-31')).toBe('2028-02-29');
    expect(nextMeetingDate('monthly', '2026-12-10')).toBe('2027-01-10');
  });

  it('the political level: a quarter or a year later', () => {
    expect(nextMeetingDate('quarterly', '2026-11-30')).toBe('2027-02-28');
    expect(nextMeetingDate('quarterly', '2026-03-15')).toBe('2026-06-15');
    expect(nextMeetingDate('yearly', '2028-02-29')).toBe('2029-02-28');
    expect(upcomingMeetingDate('quarterly', '2026-01-10', '2026-11-28')).toBe('2027-01-10');
  });

  it('rolls a stored date that has passed forward in whole steps, and keeps one still ahead', () => {
    expect(upcomingMeetingDate('biweekly', '2026-11-03', '2026-11-28')).toBe('2026-12-01');
    expect(upcomingMeetingDate('biweekly', '2026-12-09', '2026-11-28')).toBe('2026-12-09');
    expect(upcomingMeetingDate('weekly', '2026-11-28', '2026-11-28')).toBe('2026-11-28');
    expect(upcomingMeetingDate('weekly', null, '2026-11-28')).toBe('2026-12-05');
  });

  it('adds days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
