import { calendarDate } from '../../../shared/domain/periods';
import type { UnitStatusRepository } from '../../repositories/unit-status-repository';
import type { Clock } from '../command-service';

/** How often the date is checked; a target that starts today is judged within this of midnight (or at the next read). */
const CHECK_MS = 60_000;

/**
 * Keeps stored statuses right across a change of date: a target valid from a day that has now come (or valid until
 * a day now past) changes the status of the cells it governs, though nothing was written. Checked on a timer (so
 * open overviews hear of it) and before each overview read (so no read answers with yesterday's targets).
 */
export function createStatusSweep(statuses: Pick<UnitStatusRepository, 'sweep'>, clock: Clock, changed: () => void) {
  let checkedDay = '';
  const ensure = (): void => {
    const day = calendarDate(clock.now());
    if (day === checkedDay) return;
    if (statuses.sweep(day) > 0) changed();
    checkedDay = day;
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    ensure,
    start(): void {
      ensure();
      timer = setInterval(ensure, CHECK_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type StatusSweep = ReturnType<typeof createStatusSweep>;
