import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppStore } from './app/store/app-store';
import { createFetchApi } from './lib/api-client';
import { createSocketTransport } from './lib/socket-transport';
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
  const transport = createSocketTransport({ auth: () => ({}), onAuthError: () => window.location.reload() });
  const store = createAppStore({ transport });
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionGate>{() => <App store={store} api={createFetchApi()} />}</SessionGate>
      </I18nProvider>
    </StrictMode>,
  );
}
