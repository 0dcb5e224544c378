import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppStore } from './app/store/app-store';
import { createFetchApi } from './lib/api-client';
import { createSocketTransport } from './lib/socket-transport';
import { ownerToCome, userOwner } from './lib/saved-changes';
import { browserPendingStore } from './features/board/pending-store';
import { SessionGate } from './features/auth/session';
import { I18nProvider } from './lib/i18n-context';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/tiles.css';
import './styles/cards.css';
import './styles/forms.css';
import './styles/access.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');

if (window.location.pathname.startsWith('/wall')) {
  // A wall screen: its own device token, no header, no sign-in (features/wall); loaded only on wall screens.
  void import('./features/wall/wall-app').then((m) => m.startWall(root));
} else {
  // The browser is known by its session cookie; signed out, the socket is refused and the page signs in again.
  // A refusal after a connection once worked is an expired session: reload to sign in. A refusal of the very first
  // connection is a visitor not signed in yet; the session check shows the sign-in page.
  let connectedOnce = false;
  const transport = createSocketTransport({ auth: () => ({}), onAuthError: () => connectedOnce && window.location.reload() });
  transport.subscribe({ connected: () => void (connectedOnce = true), disconnected: () => undefined, boardEvents: () => undefined });
  // Unsent changes are kept per person: read and written once the session check has said who is signed in.
  const { owner, setOwner } = ownerToCome();
  const store = createAppStore({ transport, pendingStore: browserPendingStore(owner) });
  // A board's data is asked for at once, beside the session and access checks, not after them. The server refuses
  // the join to whoever may not read the board, and the access check still shows "Ingen adgang" in its place.
  const boardId = /^\/boards\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];
  if (boardId) store.getState().openBoard(decodeURIComponent(boardId));
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionGate onUser={(me) => setOwner(userOwner(me.id))} onSignOut={() => store.getState().closeBoard()}>{() => <App store={store} api={createFetchApi()} />}</SessionGate>
      </I18nProvider>
    </StrictMode>,
  );
}
