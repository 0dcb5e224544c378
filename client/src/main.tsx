import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createAppStore } from './app/store/app-store';
import { createFetchApi } from './lib/api-client';
import { readDisplayName } from './lib/local-setting';
import { createSocketTransport } from './lib/socket-transport';
import './styles/base.css';
import './styles/layout.css';
import './styles/tiles.css';
import './styles/cards.css';
import './styles/forms.css';

const transport = createSocketTransport({
  auth: () => {
    const name = readDisplayName();
    return name ? { name } : {};
  },
});
const store = createAppStore({ transport, actorName: readDisplayName });

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');
createRoot(root).render(
  <StrictMode>
    <App store={store} api={createFetchApi()} />
  </StrictMode>,
);
