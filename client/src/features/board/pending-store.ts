import { createStore, del, get, set, type UseStore } from 'idb-keyval';
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

/** IndexedDB through idb-keyval: one entry per board. */
export function browserPendingStore(): PendingStore {
  if (typeof indexedDB === 'undefined') return memoryOnlyPendingStore;
  let db: UseStore | null = null;
  const store = () => (db ??= createStore('kaskade-pending', 'changes'));
  const key = (boardId: string) => `board:${boardId}`;
  return {
    load: async (boardId) => {
      try {
        return (await get<PendingOp[]>(key(boardId), store())) ?? [];
      } catch {
        return []; // private browsing or a full disk: the page works on, without surviving a reload
      }
    },
    save: (boardId, ops) => {
      const write = ops.length > 0 ? set(key(boardId), ops, store()) : del(key(boardId), store());
      write.catch(() => {});
    },
  };
}
