import { HistoryResponse } from '../../../../shared/meeting-rest';
import type { BoardEvent } from '../../../../shared/protocol';

/** A card's (or the board's) history from the server's event log, newest first. */
export async function fetchHistory(boardId: string, cardId?: string): Promise<{ events: BoardEvent[]; actors: Record<string, string> }> {
  const query = cardId ? `?cardId=${encodeURIComponent(cardId)}` : '';
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/history${query}`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(response.statusText);
  const body = HistoryResponse.parse(await response.json());
  return { events: body.events, actors: body.actors ?? {} };
}
