import { logRealtimeError } from './guard';

/**
 * Serves board joins in bounded slices, yielding to the event loop between them, so that commands arriving at the
 * same time are read and answered in between. After a deploy every wall screen of a region re-joins within seconds;
 * served as they arrive, thousands of snapshots in a row held the event loop while moves waited behind them.
 *
 * A slice ends after `maxPerSlice` joins or `sliceMs`, whichever comes first; the next one starts with
 * `setImmediate`, i.e. after the I/O that arrived meanwhile (commands) has been handled.
 */
export interface JoinPacing {
  maxPerSlice: number;
  sliceMs: number;
}

export const DEFAULT_JOIN_PACING: JoinPacing = { maxPerSlice: 64, sliceMs: 8 };

export function createJoinPacer(pacing: JoinPacing = DEFAULT_JOIN_PACING) {
  const queue: (() => void)[] = [];
  let head = 0;
  let scheduled = false;

  const drain = (): void => {
    scheduled = false;
    const started = performance.now();
    let served = 0;
    while (head < queue.length && served < pacing.maxPerSlice && performance.now() - started < pacing.sliceMs) {
      const task = queue[head]!;
      queue[head++] = noop; // let the closure go at once
      served++;
      try {
        task();
      } catch (err) {
        logRealtimeError({ err }, 'paced join failed');
      }
    }
    if (head >= queue.length) {
      queue.length = 0;
      head = 0;
    } else schedule();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };

  return {
    /** Runs `task` in a later slice, in arrival order. A task that throws is logged; the rest still run. */
    enqueue(task: () => void): void {
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
