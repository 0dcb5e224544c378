import type { BusinessCase } from '../../../../shared/maalstyring';
import type { BoardEventBody, MovedCard } from '../../../../shared/protocol';
import type {
  BoardCadence,
  BoardIndicator,
  BoardSnapshot,
  BoardSummary,
  Card,
  Column,
  Escalation,
  Measurement,
  Meeting,
} from '../../../../shared/schemas';

/** A board normalized by id: the shape both the server-confirmed state and the optimistic view take. */
export interface BoardData {
  board: BoardSummary;
  columns: Readonly<Record<string, Column>>;
  cards: Readonly<Record<string, Card>>;
  indicators: Readonly<Record<string, BoardIndicator>>;
  /** Escalations whose chain includes this board (sent, received, passed on). */
  escalations: Readonly<Record<string, Escalation>>;
  /** The running meeting, if any, and the last ended one. */
  meeting: Meeting | null;
  lastMeeting: Meeting | null;
  cadence: BoardCadence | null;
  /**
   * Business cases changed since the snapshot, by initiative (null: no longer on this board). The board's list
   * itself is loaded over REST (it is not in the snapshot); these events keep it current.
   */
  businessCases: Readonly<Record<string, BusinessCase | null>>;
  /** The seq of the snapshot this state was built from: what is loaded beside the snapshot is reloaded when it moves. */
  snapshotSeq: number;
}

/** How many measurements a tile keeps for its sparkline once new ones arrive. */
const MAX_RECENT = 24;

const byId = <T extends { id: string }>(items: readonly T[]): Record<string, T> =>
  Object.fromEntries(items.map((item) => [item.id, item]));

export function fromSnapshot(snapshot: BoardSnapshot): BoardData {
  return {
    board: snapshot.board,
    columns: byId(snapshot.columns),
    cards: byId(snapshot.cards.filter((card) => !card.archived)),
    indicators: byId(snapshot.indicators),
    escalations: byId(snapshot.escalations ?? []),
    meeting: snapshot.meeting ?? null,
    lastMeeting: snapshot.lastMeeting ?? null,
    cadence: snapshot.cadence ?? null,
    businessCases: {},
    snapshotSeq: snapshot.seq,
  };
}

export function upsertCard(data: BoardData, card: Card): BoardData {
  if (card.archived) return removeCard(data, card.id);
  return { ...data, cards: { ...data.cards, [card.id]: card } };
}

/** A move changes only where the card is (a live `card.moved` carries just that); an unknown card stays unknown. */
export function moveCard(data: BoardData, moved: MovedCard): BoardData {
  const card = data.cards[moved.id];
  return card ? upsertCard(data, { ...card, ...moved }) : data;
}

export function removeCard(data: BoardData, cardId: string): BoardData {
  if (!(cardId in data.cards)) return data;
  const { [cardId]: _removed, ...cards } = data.cards;
  return { ...data, cards };
}

export function upsertColumn(data: BoardData, column: Column): BoardData {
  return { ...data, columns: { ...data.columns, [column.id]: column } };
}

/** Puts a measurement into its indicator's recent list (replacing the same period), kept oldest first. */
export function upsertMeasurement(data: BoardData, measurement: Measurement): BoardData {
  const indicator = data.indicators[measurement.indicatorId];
  if (!indicator) return data;
  const others = indicator.recent.filter((m) => m.periodStart !== measurement.periodStart);
  const recent = [...others, measurement]
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0))
    .slice(-Math.max(MAX_RECENT, indicator.recent.length));
  return { ...data, indicators: { ...data.indicators, [indicator.id]: { ...indicator, recent } } };
}

/** Applies a server event. Bodies carry the entity after the change (a move: its position), so applying is an upsert. */
export function applyEventBody(data: BoardData, body: BoardEventBody): BoardData {
  switch (body.type) {
    case 'card.created':
    case 'card.updated':
    case 'card.archived':
      return upsertCard(data, body.card);
    case 'card.moved':
      return moveCard(data, body.card);
    case 'column.created':
    case 'column.renamed':
    case 'column.moved':
      return upsertColumn(data, body.column);
    case 'measurement.recorded': {
      const next = upsertMeasurement(data, body.measurement);
      const indicator = next.indicators[body.measurement.indicatorId];
      // The signal is judged on the whole series, which only the server has; it comes with the value.
      return indicator && body.signal ? { ...next, indicators: { ...next.indicators, [indicator.id]: { ...indicator, signal: body.signal } } } : next;
    }
    case 'indicator.changed':
      return { ...data, indicators: { ...data.indicators, [body.indicator.id]: body.indicator } };
    case 'card.restored':
      return upsertCard(data, body.card);
    case 'board.cadence':
      return { ...data, cadence: body.cadence };
    case 'escalation.raised':
    case 'escalation.forwarded':
    case 'escalation.answered':
    case 'escalation.returned':
    case 'escalation.acknowledged':
      return { ...data, escalations: { ...data.escalations, [body.escalation.id]: body.escalation } };
    case 'meeting.started':
    case 'meeting.changed':
      return { ...data, meeting: body.meeting };
    case 'meeting.ended':
      return { ...data, meeting: null, lastMeeting: body.meeting };
    case 'business-case.changed':
      return { ...data, businessCases: { ...data.businessCases, [body.initiativeId]: body.businessCase } };
  }
}

/** The unarchived cards of one column. */
export function cardsInColumn(data: BoardData, columnId: string, exceptId?: string): Card[] {
  return Object.values(data.cards).filter((card) => card.columnId === columnId && card.id !== exceptId);
}
