import { randomUUID } from 'node:crypto';
import type { MeasurementInput } from '../../../shared/cascade';
import { calendarDate, isPeriodStart } from '../../../shared/domain/periods';
import type { BoardEvent, ErrorIssue } from '../../../shared/protocol';
import type { Indicator, Measurement } from '../../../shared/schemas';
import { type Repositories, createRepositories } from '../../repositories';
import type { Store } from '../../store';
import type { Effect } from '../decision';
import { commitEffects, commitFollowUps, type MeasuredAt, type MeasurementFollowUp } from '../event-store';

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
export function createMeasurementWriter(store: Store, followUp?: MeasurementFollowUp) {
  const check = async (repos: Repositories, rows: readonly MeasurementWrite[], today: string): Promise<WriteProblem[]> => {
    const problems: WriteProblem[] = [];
    for (const [index, w] of rows.entries()) {
      const issues = checkMeasurement(w, await repos.indicators.get(w.indicatorId), await repos.cascade.unitExists(w.unitId), today);
      problems.push(...issues.map((i) => ({ ...i, index })));
    }
    return problems;
  };

  const write = (rows: readonly MeasurementWrite[], actor: string, now: string, today: string) =>
    store.transaction(async (tx) => {
      const repos = createRepositories(tx);
      const problems = await check(repos, rows, today);
      if (problems.length > 0) return { ok: false as const, problems };
      const effects: Effect[] = [];
      const measured: MeasuredAt[] = [];
      let unchanged = 0;
      for (const w of rows) {
        const previous = await repos.indicators.measurement(w.indicatorId, w.unitId, w.periodStart);
        if (previous && same(previous, w)) {
          unchanged += 1;
          continue;
        }
        const measurement: Measurement = { ...w, recordedAt: now, recordedBy: actor };
        measured.push({ indicatorId: w.indicatorId, unitId: w.unitId });
        const boardIds = await repos.indicators.boardsShowing(w.indicatorId, w.unitId);
        if (boardIds.length === 0) await repos.indicators.saveMeasurement(measurement);
        else effects.push({ body: { type: 'measurement.recorded', measurement, previous: previous ?? null }, boardIds });
      }
      let events: BoardEvent[] = [];
      const meta = { opId: `feed-${randomUUID()}`, command: 'measurement:import', originBoardId: effects[0]?.boardIds[0] ?? '', actor, at: now };
      if (meta.originBoardId) events = await commitEffects(repos, effects, meta);
      // Also values no board shows at their unit: a case above may follow its progress there.
      events = [...events, ...(await commitFollowUps(repos, followUp, measured, meta))];
      return { ok: true as const, written: rows.length - unchanged, unchanged, events };
    });

  return {
    /** The problems writing these rows would meet, without writing (an import's preview). */
    check: (rows: readonly MeasurementWrite[], now: Date): Promise<WriteProblem[]> => check(createRepositories(store), rows, calendarDate(now)),
    /** Validates every row, then writes all of them or none. */
    write: (rows: readonly MeasurementWrite[], actor: string, now: Date) => write(rows, actor, now.toISOString(), calendarDate(now)),
  };
}
export type MeasurementWriter = ReturnType<typeof createMeasurementWriter>;
