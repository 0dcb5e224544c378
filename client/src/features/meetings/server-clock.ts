import { useEffect, useState } from 'react';

let offset: Promise<number> | null = null;

/**
 * The server's clock minus this screen's, from the HTTP `Date` header (whole seconds; the middle of the second is
 * assumed). Timers count from start times on the server's clock, so a wall screen whose clock is off still shows
 * the same time left as the facilitator's laptop. 0 until known, or when it cannot be read.
 */
export function serverClockOffset(fetchImpl: typeof fetch = fetch): Promise<number> {
  offset ??= (async () => {
    const sent = Date.now();
    const response = await fetchImpl('/api/health', { cache: 'no-store' });
    const received = Date.now();
    const date = response.headers.get('date');
    if (!date || Number.isNaN(Date.parse(date))) return 0;
    return Date.parse(date) + 500 - (sent + received) / 2;
  })().catch(() => 0);
  return offset;
}

export function useServerClockOffset(): number {
  const [value, setValue] = useState(0);
  useEffect(() => {
    let live = true;
    void serverClockOffset().then((ms) => live && setValue(Math.abs(ms) < 1500 ? 0 : ms));
    return () => {
      live = false;
    };
  }, []);
  return value;
}

/** Forgets the measured offset (tests). */
export function resetServerClockOffset(): void {
  offset = null;
}
