/**
 * The baseline page of `board_paint_ratio` (bench/lib/paint-bench.ts): the product's own app — the same modules,
 * styles and entry shape as client/src/main.tsx, built by the same vite config — rendering the board from JSON
 * inside the page. The signed-in person and the board's snapshot are read from `<script id="bench-board">`, and
 * `board:join` is answered from it, so no request for the session or the board stands before the tiles. What the
 * board page asks for beside them (access, goal chains, business cases) goes to the server as in the product.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Me } from '../../shared/auth';
import type { Ack, JoinResult } from '../../shared/protocol';
import type { BoardSnapshot } from '../../shared/schemas';
import { App } from '../../client/src/app/app';
import { createAppStore } from '../../client/src/app/store/app-store';
import { MeProvider } from '../../client/src/features/auth';
import { createFetchApi } from '../../client/src/lib/api-client';
import { I18nProvider } from '../../client/src/lib/i18n-context';
import type { Transport, TypedEmit } from '../../client/src/lib/transport';
import '../../client/src/styles/tokens.css';
import '../../client/src/styles/base.css';
import '../../client/src/styles/components.css';
import '../../client/src/styles/layout.css';
import '../../client/src/styles/tiles.css';
import '../../client/src/styles/cards.css';
import '../../client/src/styles/forms.css';
import '../../client/src/styles/access.css';

/** What paint-bench.ts puts in the page: the answers of `/api/auth/me` and of the board's snapshot. */
export interface InlineBoard {
  me: Me;
  snapshot: BoardSnapshot;
}

const root = document.getElementById('root');
const inline = document.getElementById('bench-board')?.textContent;
if (!root || !inline) throw new Error('the baseline page needs #root and #bench-board');
const { me, snapshot } = JSON.parse(inline) as InlineBoard;

/** A transport that is always connected and answers `board:join` with the inline snapshot, as the server's ack would. */
const emit = ((event: string, ...args: unknown[]) => {
  const ack = args.at(-1);
  if (event !== 'board:join' || typeof ack !== 'function') return;
  const answer: Ack<JoinResult> = { ok: true, seq: snapshot.seq, data: { kind: 'snapshot', snapshot, epoch: 'inline' } };
  queueMicrotask(() => (ack as (a: Ack<JoinResult>) => void)(answer));
}) as TypedEmit;
const transport: Transport = {
  emit,
  isConnected: () => true,
  connect: () => undefined,
  reconnect: () => undefined,
  subscribe: () => () => undefined,
};

const store = createAppStore({ transport });
store.getState().openBoard(snapshot.board.id);
const app = <App store={store} api={createFetchApi()} />;
createRoot(root).render(
  <StrictMode>
    <I18nProvider>{me.kind === 'user' ? <MeProvider value={me}>{app}</MeProvider> : app}</I18nProvider>
  </StrictMode>,
);
