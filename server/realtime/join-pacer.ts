import { logRealtimeError } from './guard';

/**
 * Serves board joins in bounded slices, yielding to the event loop between them, so that commands arriving at the
 * same time are read and answered in between. After a deploy every wall screen of a region re-joins within seconds;
 * served as they arrive, thousands of snapshots in a row held the event loop while moves waited behind them.
 *
 * A slice ends after `maxPerSlice` joins or `sliceMs`, whichever comes first; the next one starts with
 * `setImmediate`, i.e. after the I/O that arrived meanwhile (commands) has been handled. Within a slice each join is
 * awaited before the next starts: on SQLite its reads complete at once, so the slice is measured as before; on
 * PostgreSQL a join waits for the database, and `lanes` joins wait at a time, each lane keeping to the slice.
 */
export interface JoinPacing {
  maxPerSlice: number;
  sliceMs: number;
  /** Joins served at the same time (1: one after the other). More only help where a join waits on a network. */
  lanes?: number;
}

export const DEFAULT_JOIN_PACING: JoinPacing = { maxPerSlice: 64, sliceMs: 8 };

type Task = () => void | Promise<void>;

export function createJoinPacer(pacing: JoinPacing = DEFAULT_JOIN_PACING) {
  const queue: Task[] = [];
  let head = 0;
  let scheduled = false;
  let running = 0;
  const lanes = Math.max(1, pacing.lanes ?? 1);

  const lane = async (): Promise<void> => {
    const started = performance.now();
    let served = 0;
    while (head < queue.length && served < pacing.maxPerSlice && performance.now() - started < pacing.sliceMs) {
      const task = queue[head]!;
      queue[head++] = noop; // let the closure go at once
      served++;
      try {
        await task();
      } catch (err) {
        logRealtimeError({ err }, 'paced join failed');
      }
    }
  };

  const drain = (): void => {
    scheduled = false;
    while (running < lanes && head < queue.length) {
      running++;
      void lane().finally(() => {
        running--;
        if (head >= queue.length) {
          if (running === 0) {
            queue.length = 0;
            head = 0;
          }
        } else schedule();
      });
    }
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };

  return {
    /** Runs `task` in a later slice, in arrival order. A task that throws is logged; the rest still run. */
    enqueue(task: Task): void {
      queue.push(task);
      schedule();
    },
    /** Joins waiting to be served. */
    get waiting(): number {
      return queue.length - head;
    },
  };
}
export type JoinPacer = ReturnType<typeof createJoinPacer>;

const noop = (): void => {};
