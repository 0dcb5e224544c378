import { randomUUID } from 'node:crypto';
import type { MeasurementInput } from '../../../shared/cascade';
import { calendarDate, isPeriodStart } from '../../../shared/domain/periods';
import type { BoardEvent, ErrorIssue } from '../../../shared/protocol';
import type { Indicator, Measurement } from '../../../shared/schemas';
import type { Db } from '../../db/open-database';
import type { Repositories } from '../../repositories';
import { orgUnitExistence } from '../../repositories/system-repository';
import type { Effect } from '../decision';
import { commitEffectsNow, commitFollowUpsNow, type MeasuredAt } from '../event-store';
import type { Effect as FollowUpEffect } from '../decision';

export interface MeasurementWrite extends Required<Omit<MeasurementInput, 'note'>> {
  indicatorId: string;
  note: string;
}

/** Why one row cannot be written; `path` names the field. */
export type WriteProblem = ErrorIssue & { index: number };

/** The same rules a board's `measurement:record` applies, for one row written from outside a board. */
export function checkMeasurement(
  w: MeasurementWrite,
  indicator: Indicator | undefined,
  unitKnown: boolean,
  today: string,
): ErrorIssue[] {
  if (!indicator) return [{ path: 'indicatorId', message: 'no indicator has this id' }];
  const issues: ErrorIssue[] = [];
  if (!unitKnown) issues.push({ path: 'unitId', message: 'no org unit has this id' });
  if (!isPeriodStart(indicator.frequency, w.periodStart)) {
    issues.push({ path: 'periodStart', message: `must be the first day of a ${indicator.frequency} period` });
  } else if (w.periodStart > today) {
    issues.push({ path: 'periodStart', message: 'must not be in the future' });
  }
  if (indicator.kind === 'hard' && w.respondents !== null) {
    issues.push({ path: 'respondents', message: 'must be empty for a hard indicator' });
  }
  return issues;
}

const same = (a: Measurement, b: MeasurementWrite): boolean =>
  a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator &&
  a.respondents === b.respondents && a.note === b.note;

/**
 * Writes measurements from feeds and imports all-or-nothing, in one transaction: each new or changed value is
 * recorded as `measurement.recorded` on every board showing the indicator for that unit (the previous value stays
 * in the event log), so live boards update; a re-posted identical period changes nothing.
 */
export function createMeasurementWriter(db: Db, repos: Repositories, followUp?: (measured: readonly MeasuredAt[]) => FollowUpEffect[]) {
  const unitExists = orgUnitExistence(db);

  const check = (rows: readonly MeasurementWrite[], today: string): WriteProblem[] => {
    const problems: WriteProblem[] = [];
    rows.forEach((w, index) => {
      const issues = checkMeasurement(w, repos.indicators.get(w.indicatorId), unitExists(w.unitId), today);
      problems.push(...issues.map((i) => ({ ...i, index })));
    });
    return problems;
  };

  const write = db.transaction(
    (rows: readonly MeasurementWrite[], actor: string, now: string, today: string) => {
      const problems = check(rows, today);
      if (problems.length > 0) return { ok: false as const, problems };
      const effects: Effect[] = [];
      const measured: MeasuredAt[] = [];
      let unchanged = 0;
      for (const w of rows) {
        const previous = repos.indicators.measurement(w.indicatorId, w.unitId, w.periodStart);
        if (previous && same(previous, w)) {
          unchanged += 1;
          continue;
        }
        const measurement: Measurement = { ...w, recordedAt: now, recordedBy: actor };
        measured.push({ indicatorId: w.indicatorId, unitId: w.unitId });
        const boardIds = repos.indicators.boardsShowing(w.indicatorId, w.unitId);
        if (boardIds.length === 0) repos.indicators.saveMeasurement(measurement);
        else effects.push({ body: { type: 'measurement.recorded', measurement, previous: previous ?? null }, boardIds });
      }
      let events: BoardEvent[] = [];
      const meta = { opId: `feed-${randomUUID()}`, command: 'measurement:import', originBoardId: effects[0]?.boardIds[0] ?? '', actor, at: now };
      if (meta.originBoardId) events = commitEffectsNow(repos, effects, meta);
      // Also values no board shows at their unit: a case above may follow its progress there.
      events = [...events, ...commitFollowUpsNow(repos, followUp, measured, meta)];
      return { ok: true as const, written: rows.length - unchanged, unchanged, events };
    },
  );

  return {
    /** The problems writing these rows would meet, without writing (an import's preview). */
    check: (rows: readonly MeasurementWrite[], now: Date): WriteProblem[] => check(rows, calendarDate(now)),
    /** Validates every row, then writes all of them or none. */
    write: (rows: readonly MeasurementWrite[], actor: string, now: Date) =>
      write.immediate(rows, actor, now.toISOString(), calendarDate(now)),
  };
}
export type MeasurementWriter = ReturnType<typeof createMeasurementWriter>;
