import type { StateCreator } from 'zustand';
import type { CommandInput, CommandName } from '../../../../shared/protocol';
import type { AppState, StoreDeps } from '../../app/store/types';
import type { BoardData } from './board-data';
import type { AnyCommand } from './optimistic';
import { createSyncEngine } from './sync-engine';
import type { ConnectionState, LoadState, Notice, PendingOp } from './sync-types';

export interface BoardState {
  boardId: string | null;
  loadState: LoadState;
  connection: ConnectionState;
  /** The last seq applied to `server`. */
  lastSeq: number;
  /** The board as the server has confirmed it. */
  server: BoardData | null;
  /** What the UI shows: `server` plus pending commands. Components read this. */
  view: BoardData | null;
  pending: PendingOp[];
  /** The server said it cannot reach its database (UNAVAILABLE): pending commands wait and are sent again. */
  serverWaiting: boolean;
  notices: Notice[];
}

/** The payload of a command without the fields the store fills in. */
export type CommandDraft<N extends CommandName> = Omit<CommandInput<N>, 'opId' | 'boardId'>;

export interface BoardActions {
  openBoard: (boardId: string) => void;
  closeBoard: () => void;
  dismissNotice: (id: string) => void;
  /** Reconnects so a changed display name is used; the board re-joins and catches up by itself. */
  reconnect: () => void;
  /**
   * Queues a command (optimistic); returns false if it was refused locally as invalid. A page's first command
   * waits for the check to load, so it is refused (rolled back, with a notice) a moment later instead.
   */
  issue: <N extends CommandName>(name: N, draft: CommandDraft<N>) => boolean;
}

export type BoardSlice = BoardState & BoardActions;

export const initialBoardState: BoardState = {
  boardId: null,
  loadState: 'idle',
  connection: 'connecting',
  lastSeq: 0,
  server: null,
  view: null,
  pending: [],
  serverWaiting: false,
  notices: [],
};

/** Board data, connection and the command queue. */
export const createBoardSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], BoardSlice> =>
  (set, get) => {
    const engine = createSyncEngine(deps, get, set);
    return {
      ...initialBoardState,
      openBoard: (boardId) => engine.open(boardId),
      closeBoard: () => engine.close(),
      dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
      reconnect: () => deps.transport.reconnect(),
      issue: (name, draft) => {
        const boardId = get().boardId;
        if (!boardId || !get().server) return false;
        const cmd = { ...draft, opId: deps.newId(), boardId };
        // `name` and `cmd` belong together by construction; a generic N cannot be narrowed to the union member.
        return engine.issue({ name, cmd } as unknown as AnyCommand);
      },
    };
  };
