import type { BoardSlice } from '../../features/board/board-slice';
import type { CommandChecker } from '../../features/board/command-checker';
import type { CardsSlice } from '../../features/cards/cards-slice';
import type { PendingStore } from '../../features/board/pending-store';
import type { IndicatorsSlice } from '../../features/indicators/indicators-slice';
import type { Transport } from '../../lib/transport';

/** The one app store, composed from feature slices (zustand slices pattern). */
export type AppState = BoardSlice & CardsSlice & IndicatorsSlice;

/** What the store needs from the outside world; tests pass fakes. */
export interface StoreDeps {
  transport: Transport;
  /** The display name used on optimistic measurements until the server's event arrives. */
  actorName: () => string;
  newId: () => string;
  now: () => Date;
  /** Checks commands before they are sent; the app loads it on the first command. */
  commandChecker: CommandChecker;
  /** Keeps unsent changes across a reload (IndexedDB in the browser, per person); memory only by default. */
  pendingStore: PendingStore;
}
