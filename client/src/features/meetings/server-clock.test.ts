import { afterEach, describe, expect, it } from 'vitest';
import { resetServerClockOffset, serverClockOffset } from './server-clock';

afterEach(resetServerClockOffset);

const answering = (date: string | null) =>
  (async () => new Response('{}', { headers: date ? { date } : {} })) as unknown as typeof fetch;

describe('the server clock offset', () => {
  it('is the server time from the Date header minus ours', async () => {
    const serverTime = new Date(Date.now() + 3_600_000);
    serverTime.setMilliseconds(0);
    const ms = await serverClockOffset(answering(serverTime.toUTCString()));
    expect(ms).toBeGreaterThan(3_600_000 - 1500);
    expect(ms).toBeLessThan(3_600_000 + 1500);
  });

  it('is 0 without a usable header or when the request fails', async () => {
    expect(await serverClockOffset(answering(null))).toBe(0);
    resetServerClockOffset();
    expect(await serverClockOffset(async () => { throw new Error('offline'); })).toBe(0);
  });
});
