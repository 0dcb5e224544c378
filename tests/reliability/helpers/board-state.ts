import type { BoardEvent, JoinResult } from '../../../shared/protocol';
import type { BoardSnapshot, Card, Column, Measurement } from '../../../shared/schemas';
import { sql } from 'kysely';
import { createRepositories } from '../../../server/repositories';
import type { Executor } from '../../../server/store';
import { type MeasurementRow, toMeasurement } from '../../../server/repositories/rows';

/** What a client holds of a board, in a shape two copies can be compared with `toEqual`. */
export interface BoardState {
  seq: number;
  cards: Record<string, Card>;
  columns: Record<string, Column>;
  measurements: Record<string, Measurement>;
}

const measurementKey = (m: Measurement): string => `${m.indicatorId}|${m.periodStart}`;
const byKey = <T>(items: T[], key: (t: T) => string): Record<string, T> =>
  Object.fromEntries(items.map((i): [string, T] => [key(i), i]).sort(([a], [b]) => a.localeCompare(b)));

export function fromSnapshot(s: BoardSnapshot): BoardState {
  return {
    seq: s.seq,
    cards: byKey(s.cards, (c) => c.id),
    columns: byKey(s.columns, (c) => c.id),
    measurements: byKey(s.indicators.flatMap((i) => i.recent), measurementKey),
  };
}

/** Applies one event; the caller guarantees it is the next seq. Archived cards leave the board, as in a snapshot. */
export function applyEvent(state: BoardState, e: BoardEvent): void {
  if (e.seq !== state.seq + 1) throw new Error(`event ${e.seq} applied after ${state.seq}`);
  state.seq = e.seq;
  const b = e.body;
  switch (b.type) {
    case 'card.archived':
      delete state.cards[b.card.id];
      return;
    case 'card.created':
    case 'card.updated':
      state.cards[b.card.id] = b.card;
      return;
    case 'card.moved': {
      // A live move carries only the card's new position.
      const card = state.cards[b.card.id];
      if (card) state.cards[b.card.id] = { ...card, ...b.card };
      return;
    }
    case 'column.created':
    case 'column.renamed':
    case 'column.moved':
      state.columns[b.column.id] = b.column;
      return;
    case 'measurement.recorded':
      state.measurements[measurementKey(b.measurement)] = b.measurement;
      return;
  }
}

/**
 * A board replica as a client keeps it: a join result, then events in seq order. Events may arrive early (held
 * until the gap closes) or twice (ignored); `hasGap` tells the owner to re-join with `sinceSeq`.
 */
export class BoardReplica {
  state: BoardState | null = null;
  /** The database timeline `seq` was told in (see JoinResult). */
  epoch: string | null = null;
  private held = new Map<number, BoardEvent>();

  constructor(readonly boardId: string) {}

  get seq(): number {
    return this.state?.seq ?? 0;
  }

  joined(result: JoinResult): void {
    if (result.epoch !== this.epoch) this.held.clear(); // another timeline counts another history
    this.epoch = result.epoch;
    if (result.kind === 'snapshot') {
      this.state = fromSnapshot(result.snapshot);
      for (const seq of [...this.held.keys()]) if (seq <= this.state.seq) this.held.delete(seq);
      this.drain();
    } else {
      this.receive(result.events);
    }
  }

  receive(events: readonly BoardEvent[]): void {
    for (const e of events) {
      if (e.boardId !== this.boardId) continue; // a measurement's ack also carries the other boards' events
      if (e.seq > this.seq) this.held.set(e.seq, e);
    }
    this.drain();
  }

  hasGap(): boolean {
    return this.held.size > 0;
  }

  private drain(): void {
    const state = this.state;
    if (!state) return;
    for (let next = this.held.get(state.seq + 1); next; next = this.held.get(state.seq + 1)) {
      this.held.delete(next.seq);
      applyEvent(state, next);
    }
  }
}

/** The same board read from the database: live cards, columns, and the measurements of its indicators. */
export async function dbBoardState(store: Executor, boardId: string): Promise<BoardState> {
  const repos = createRepositories(store);
  const unitId = await repos.boards.unitId(boardId);
  const rows = await store.all(sql<MeasurementRow>`SELECT m.* FROM measurements m JOIN board_indicators bi ON bi.indicator_id = m.indicator_id
       WHERE bi.board_id = ${boardId} AND m.unit_id = ${unitId ?? ''}`);
  return {
    seq: (await repos.boards.seq(boardId)) ?? -1,
    cards: byKey(await repos.cards.liveOnBoard(boardId), (c) => c.id),
    columns: byKey(await repos.columns.onBoard(boardId), (c) => c.id),
    measurements: byKey(rows.map(toMeasurement), measurementKey),
  };
}

/** Normalises key order so states built in different orders compare equal. */
export function normalise(s: BoardState): BoardState {
  return {
    seq: s.seq,
    cards: byKey(Object.values(s.cards), (c) => c.id),
    columns: byKey(Object.values(s.columns), (c) => c.id),
    measurements: byKey(Object.values(s.measurements), measurementKey),
  };
}
