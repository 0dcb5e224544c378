import { describe, expect, it } from 'vitest';
import { logSetup, parseLogFormat } from './logging';

describe('log setup', () => {
  it('is JSON with a line per request unless LOG_FORMAT=pretty (npm run dev), which is pino-pretty without request lines', () => {
    expect(parseLogFormat(undefined)).toBe('json');
    expect(parseLogFormat('yaml')).toBe('json');
    expect(parseLogFormat('pretty')).toBe('pretty');
    expect(logSetup('json')).toEqual({ logger: true, disableRequestLogging: false });
    const pretty = logSetup('pretty');
    expect(pretty.logger).toMatchObject({ transport: { target: 'pino-pretty' } });
    expect(pretty.disableRequestLogging).toBe(true);
  });
});
