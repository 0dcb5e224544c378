import { createStore, type StoreApi } from 'zustand/vanilla';
import { createBoardSlice } from '../../features/board/board-slice';
import { lazyCommandChecker } from '../../features/board/command-checker';
import { createCardsSlice } from '../../features/cards/cards-slice';
import { memoryOnlyPendingStore } from '../../features/board/pending-store';
import { createIndicatorsSlice } from '../../features/indicators/indicators-slice';
import { newId } from '../../lib/ids';
import type { AppState, StoreDeps } from './types';

export type AppStore = StoreApi<AppState>;

/** Builds the app store from its slices. One per app (or per test), handed down through StoreProvider. */
export function createAppStore(deps: Partial<StoreDeps> & Pick<StoreDeps, 'transport'>): AppStore {
  const full: StoreDeps = {
    actorName: () => '',
    newId,
    now: () => new Date(),
    commandChecker: lazyCommandChecker(),
    pendingStore: memoryOnlyPendingStore,
    ...deps,
  };
  return createStore<AppState>()((...a) => ({
    ...createBoardSlice(full)(...a),
    ...createCardsSlice(full)(...a),
    ...createIndicatorsSlice(...a),
  }));
}
