import { createStore, del, delMany, get, keys, set, type UseStore } from 'idb-keyval';

/**
 * Unsent changes kept in IndexedDB across a reload, one entry per person (or wall screen) and board. Keyed by who
 * made them, so a different person signing in on the same browser never loads, shows or sends them; signing out
 * forgets them (see forgetSavedChanges).
 */
export interface SavedChanges<T> {
  load(boardId: string): Promise<T[]>;
  /** Keeps exactly these; an empty list removes the board's entry. */
  save(boardId: string, items: readonly T[]): void;
}

/** Whose changes these are: the signed-in person or the enrolled wall screen (never a secret such as a token). */
export const userOwner = (userId: string): string => `user:${userId}`;
export const deviceOwner = (deviceId: string): string => `device:${deviceId}`;

let db: UseStore | null = null;
const store = () => (db ??= createStore('kaskade-pending', 'changes'));
const key = (owner: string, boardId: string) => `${owner}|board:${boardId}`;

/**
 * `owner` resolves once the session check has said who is signed in; until then nothing is read or written (and
 * writes wait in order behind it). It never resolves on the sign-in page, so nothing is loaded there.
 */
export function browserSavedChanges<T>(owner: Promise<string>): SavedChanges<T> | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    load: async (boardId) => {
      try {
        return (await get<T[]>(key(await owner, boardId), store())) ?? [];
      } catch {
        return []; // private browsing or a full disk: the page works on, without surviving a reload
      }
    },
    save: (boardId, items) => {
      const list = [...items];
      void owner
        .then((o) => (list.length > 0 ? set(key(o, boardId), list, store()) : del(key(o, boardId), store())))
        .catch(() => {});
    },
  };
}

/**
 * Signing out: this person's unsent changes on every board are dropped, and so are entries from before changes were
 * kept per person (their owner is unknown, so no one may send them).
 */
export async function forgetSavedChanges(owner: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    const all = await keys<string>(store());
    await delMany(all.filter((k) => typeof k !== 'string' || k.startsWith(`${owner}|`) || !k.includes('|')), store());
  } catch {
    // nothing kept to forget
  }
}

/** The owner to come: `owner` for browserSavedChanges now, `setOwner` once the session or device check answers. */
export function ownerToCome(): { owner: Promise<string>; setOwner: (owner: string) => void } {
  let setOwner: (owner: string) => void = () => {};
  const owner = new Promise<string>((resolve) => (setOwner = resolve));
  return { owner, setOwner };
}
