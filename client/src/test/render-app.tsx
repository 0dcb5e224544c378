import { render } from '@testing-library/react';
import { memoryLocation } from 'wouter/memory-location';
import type { BoardAccess } from '../../../shared/auth';
import type { BoardSnapshot } from '../../../shared/schemas';
import { App } from '../app/app';
import { createAppStore } from '../app/store/app-store';
import { BoardAccessProvider } from '../features/board/board-access';
import { I18nProvider } from '../lib/i18n-context';
import { checkCommand } from '../features/board/command-check';
import { loadedCommandChecker } from '../features/board/command-checker';
import type { ApiClient } from '../lib/api-client';
import type { Lang } from '../lib/i18n';
import { createFakeTransport } from './fake-transport';
import { makeSnapshot } from './fixtures';

interface RenderOptions {
  path?: string;
  lang?: Lang;
  snapshot?: BoardSnapshot;
  api?: ApiClient;
  connected?: boolean;
  /** What the person may do on the board, as the server would say; without it, everything. */
  access?: BoardAccess;
}

let ids = 0;

/** Renders the whole app on a fake network; `board:join` answers with the snapshot. */
export function renderApp(options: RenderOptions = {}) {
  const snapshot = options.snapshot ?? makeSnapshot();
  const fake = createFakeTransport({
    connected: options.connected ?? true,
    onJoin: (req) =>
      req.boardId === snapshot.board.id
        ? { ok: true, seq: snapshot.seq, data: req.sinceSeq === undefined ? { kind: 'snapshot', snapshot, epoch: 'e1' } : { kind: 'events', events: [], epoch: 'e1' } }
        : { ok: false, error: { code: 'NOT_FOUND', message: 'Board not found' } },
  });
  const store = createAppStore({
    transport: fake.transport,
    newId: () => `id-${++ids}-test`,
    actorName: () => 'Tester',
    commandChecker: loadedCommandChecker(checkCommand),
  });
  const api: ApiClient = options.api ?? { listBoards: async () => [snapshot.board] };
  const location = memoryLocation({ path: options.path ?? `/boards/${snapshot.board.id}` });
  const app = <App store={store} api={api} lang={options.lang ?? 'da'} locationHook={location.hook} />;
  const view = render(
    options.access ? (
      <I18nProvider initialLang={options.lang ?? 'da'}>
        <BoardAccessProvider boardId={snapshot.board.id} fixed={options.access}>{app}</BoardAccessProvider>
      </I18nProvider>
    ) : (
      app
    ),
  );
  return { ...view, fake, store, snapshot };
}
