import { HistoryResponse } from '../../../../shared/meeting-rest';
import type { BoardEvent } from '../../../../shared/protocol';
import { getJson } from '../../lib/http';

/** A card's (or the board's) history from the server's event log, newest first. */
export async function fetchHistory(boardId: string, cardId?: string): Promise<{ events: BoardEvent[]; actors: Record<string, string> }> {
  const query = cardId ? `?cardId=${encodeURIComponent(cardId)}` : '';
  const body = HistoryResponse.parse(await getJson(`/api/boards/${encodeURIComponent(boardId)}/history${query}`));
  return { events: body.events, actors: body.actors ?? {} };
}
