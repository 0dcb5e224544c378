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
export function createStatusSweep(statuses: () => Pick<UnitStatusRepository, 'sweep'>, clock: Clock, changed: () => void) {
  let checkedDay = '';
  /** The sweep under way, which a read asking meanwhile waits for rather than starting another. */
  let sweeping: Promise<void> | null = null;
  const ensure = (): Promise<void> => {
    const day = calendarDate(clock.now());
    if (day === checkedDay) return Promise.resolve();
    sweeping ??= (async () => {
      try {
        if ((await statuses().sweep(day)) > 0) changed();
        checkedDay = day;
      } finally {
        sweeping = null;
      }
    })();
    return sweeping;
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    ensure,
    start(): void {
      const check = () => void ensure().catch(() => {}); // a failed sweep is tried again on the next check or read
      check();
      timer = setInterval(check, CHECK_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type StatusSweep = ReturnType<typeof createStatusSweep>;
