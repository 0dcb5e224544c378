import { useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { useI18n } from '../../lib/i18n-context';
import { useWallTexts } from './wall-texts';

/** Re-renders every `ms` milliseconds and answers the time. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** A large clock and how fresh the board is ("opdateret for 12 s siden"), counted from the last change applied. */
export function WallStatus() {
  const { lang } = useI18n();
  const x = useWallTexts();
  const now = useNow(1000);
  const store = useAppStoreApi();
  const loaded = useAppStore((s) => s.loadState === 'ready');
  const [updatedAt, setUpdatedAt] = useState(() => Date.now());
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.lastSeq !== previous.lastSeq || state.loadState !== previous.loadState) setUpdatedAt(Date.now());
      }),
    [store],
  );
  const seconds = Math.max(0, Math.round((now.getTime() - updatedAt) / 1000));
  const time = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(now);
  return (
    <div className="wall-status">
      <time className="wall-status__clock" dateTime={now.toISOString()} aria-label={`${x.clock} ${time}`}>
        {time}
      </time>
      {loaded && <span className="wall-status__updated">{x.updated(seconds)}</span>}
    </div>
  );
}
