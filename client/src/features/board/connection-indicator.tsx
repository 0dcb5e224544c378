import { useT } from '../../lib/i18n-context';
import { useSyncStatus } from './use-sync-status';

/** A small, always visible note of the connection state in the board's header. */
export function ConnectionIndicator() {
  const t = useT();
  const { connection, waiting } = useSyncStatus();
  const text = connection === 'online' && waiting > 0 ? t.connection.saving : t.connection[connection];
  return (
    <p className={`connection connection--${connection}`}>
      <span className="connection__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
