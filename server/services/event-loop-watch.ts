import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How long one window of event-loop delay is; the health answer shows the last full window and the current one. */
const WINDOW_MS = 60_000;

export interface EventLoopFigures {
  /** 99th percentile delay in the window, milliseconds. */
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** How long the window has run, milliseconds. */
  windowMs: number;
}

/**
 * Watches how late the event loop runs (perf_hooks' histogram): a synchronous read that holds the loop shows here
 * as delay every live socket on the process felt.
 */
export function watchEventLoop(): { figures(): { current: EventLoopFigures; previous: EventLoopFigures | null }; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let started = Date.now();
  let previous: EventLoopFigures | null = null;
  const read = (): EventLoopFigures => ({
    p99Ms: round(histogram.percentile(99) / 1e6),
    maxMs: round(histogram.max / 1e6),
    meanMs: round(Number.isNaN(histogram.mean) ? 0 : histogram.mean / 1e6),
    windowMs: Date.now() - started,
  });
  const roll = setInterval(() => {
    previous = read();
    histogram.reset();
    started = Date.now();
  }, WINDOW_MS);
  roll.unref();
  return {
    figures: () => ({ current: read(), previous }),
    stop: () => {
      clearInterval(roll);
      histogram.disable();
    },
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
