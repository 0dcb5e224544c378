import { useT } from '../../lib/i18n-context';
import { useSyncStatus } from './use-sync-status';

/**
 * A small, always visible note of the connection state in the board's header. That the server is waiting for its
 * database is announced (politely: the changes are safe); the rest changes with every move and is only shown.
 */
export function ConnectionIndicator() {
  const t = useT();
  const { connection, serverWaiting, waiting } = useSyncStatus();
  const waitingForServer = connection === 'online' && serverWaiting;
  const text = connection === 'online' && waiting > 0 ? t.connection.saving : t.connection[connection];
  return (
    <p className={`connection connection--${waitingForServer ? 'waiting' : connection}`}>
      <span className="connection__dot" aria-hidden="true" />
      <span>
        {/* In the page from the start, so that a screen reader hears the text that appears in it. */}
        <span role="status" aria-live="polite">{waitingForServer ? t.connection.waitingForServer : ''}</span>
        {!waitingForServer && text}
      </span>
    </p>
  );
}
