import { useEffect, useState } from 'react';
import type { BoardEvent } from '../../../../shared/protocol';
import { useAppStore } from '../../app/store/store-context';
import { fetchHistory } from './history-api';

export type History = { events: BoardEvent[]; actors: Record<string, string> };

/**
 * A board's or a card's history from the event log, null while loading. Re-read whenever the board moves on
 * (an undo, a peer's change): the last applied seq is the cue. A failed read shows as an empty history.
 */
export function useHistory(boardId: string, cardId: string | undefined, load: typeof fetchHistory): History | null {
  const seq = useAppStore((s) => s.lastSeq);
  const [history, setHistory] = useState<History | null>(null);
  useEffect(() => {
    let live = true;
    load(boardId, cardId)
      .then((h) => live && setHistory(h))
      .catch(() => live && setHistory({ events: [], actors: {} }));
    return () => {
      live = false;
    };
  }, [boardId, cardId, seq, load]);
  return history;
}
