import type { FastifyServerOptions } from 'fastify';

export type LogFormat = 'json' | 'pretty';

/** What Fastify is given for logging: the pino options, and whether every request is logged. */
export interface LogSetup {
  logger: NonNullable<FastifyServerOptions['logger']>;
  disableRequestLogging: boolean;
}

/**
 * JSON lines in production (for a log collector); readable, coloured lines for `npm run dev` (LOG_FORMAT=pretty,
 * through pino-pretty, a development dependency). In development the per-request lines are left out, so the demo
 * logins printed at start-up stay on the screen instead of scrolling away under every asset the browser loads.
 */
export function logSetup(format: LogFormat): LogSetup {
  if (format === 'json') return { logger: true, disableRequestLogging: false };
  return {
    logger: {
      level: 'info',
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true } },
    },
    disableRequestLogging: true,
  };
}

/** LOG_FORMAT from the environment: `pretty` or `json` (the default, and anything else). */
export const parseLogFormat = (value: string | undefined): LogFormat => (value === 'pretty' ? 'pretty' : 'json');
