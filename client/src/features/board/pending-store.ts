import { browserSavedChanges } from '../../lib/saved-changes';
import type { PendingOp } from './sync-types';

/**
 * Where a board's unsent changes are kept across a reload (or a closed tab): changes made offline are sent when
 * the board is opened again and the connection is back. Each carries its opId, so the server applies it once even
 * if it had arrived before the reload.
 */
export interface PendingStore {
  load(boardId: string): Promise<PendingOp[]>;
  /** Keeps exactly these (the unacknowledged ones); an empty list removes the board's entry. */
  save(boardId: string, ops: readonly PendingOp[]): void;
}

/** No persistence (tests, a browser without IndexedDB): the queue lives as long as the page. */
export const memoryOnlyPendingStore: PendingStore = {
  load: async () => [],
  save: () => {},
};

/** IndexedDB, one entry per owner (person or wall screen) and board; `owner` resolves once the session is known. */
export function browserPendingStore(owner: Promise<string>): PendingStore {
  return browserSavedChanges<PendingOp>(owner) ?? memoryOnlyPendingStore;
}
