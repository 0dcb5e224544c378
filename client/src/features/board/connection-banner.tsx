import { useId } from 'react';
import { useT } from '../../lib/i18n-context';
import { useSyncStatus } from './use-sync-status';

/** Shown whenever the board is offline: says so plainly, and how many changes are waiting. */
export function ConnectionBanner() {
  const t = useT();
  const { connection, waiting } = useSyncStatus();
  const textId = useId();
  if (connection !== 'offline') return null;
  // role="alert" rather than "status": dnd-kit already keeps a role="status" live region on the page.
  return (
    <div className="banner banner--offline" role="alert" aria-labelledby={textId}>
      <p id={textId} className="banner__text">{t.offline}</p>
      {waiting > 0 && <p className="banner__detail">{t.pendingChanges(waiting)}</p>}
    </div>
  );
}
