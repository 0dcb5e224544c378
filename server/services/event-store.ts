import type { BoardEvent, BoardEventBody } from '../../shared/protocol';
import type { Repositories } from '../repositories';
import type { Effect } from './decision';

export interface CommitMeta {
  opId: string;
  command: string;
  originBoardId: string;
  actor: string;
  at: string;
}

/**
 * Where committed effects go in the log: each event's seq, the event, the operation. By default straight to the
 * tables, each seq a bump of its board's row (UPDATE … RETURNING). The command service's group commit counts the
 * seqs and may hold the rows back to write them all at its end (see command-batch.ts): on PostgreSQL every
 * statement is a round trip made with the board locked.
 */
export interface LogWriter {
  nextSeq(boardId: string): Promise<number>;
  append(event: BoardEvent): Promise<void>;
  recordOperation(meta: CommitMeta): Promise<void>;
}

/** Each seq bumped on its board's row, each row written as it comes: for writes outside the command service. */
export const writeThrough = (repos: Repositories): LogWriter => ({
  nextSeq: (boardId) => repos.boards.nextSeq(boardId),
  append: (event) => repos.events.append(event),
  recordOperation: (m) => repos.events.recordOperation(m.opId, m.originBoardId, m.command, m.actor, m.at),
});

/**
 * Writes decided effects: applies each change to its table, takes each event's seq and appends the event, and
 * records the operation. Must be called inside the command's transaction.
 */
export async function commitEffects(
  repos: Repositories,
  effects: Effect[],
  meta: CommitMeta,
  log: LogWriter = writeThrough(repos),
): Promise<BoardEvent[]> {
  const events: BoardEvent[] = [];
  for (const effect of effects) {
    await applyChange(repos, effect.body);
    const body = await withSignal(repos, effect.body);
    for (const boardId of effect.boardIds) {
      const event: BoardEvent = {
        boardId,
        seq: await log.nextSeq(boardId),
        opId: meta.opId,
        actor: meta.actor,
        at: meta.at,
        body,
      };
      await log.append(event);
      events.push(event);
    }
  }
  await log.recordOperation(meta);
  return events;
}

/** Where a measurement was recorded: what follow-ups (business cases moving with it) look at. */
export interface MeasuredAt {
  indicatorId: string;
  unitId: string;
}

/**
 * Effects that follow from measurements once they are applied, computed from the state after them (a business
 * case's progress moves with its indicator), read through the committing transaction's repositories. Kept as a
 * function passed in, so the event store knows no business rule.
 */
export type MeasurementFollowUp = (repos: Repositories, measured: readonly MeasuredAt[]) => Promise<Effect[]>;

export const measuredIn = (effects: readonly Effect[]): MeasuredAt[] =>
  effects.flatMap((e) => (e.body.type === 'measurement.recorded' ? [{ indicatorId: e.body.measurement.indicatorId, unitId: e.body.measurement.unitId }] : []));

/**
 * Commits what follows from measurements already applied in this transaction, as an operation of its own (`<opId>:
 * follow-up`), so a repeated opId still answers the command's own events. Nothing when nothing follows.
 */
export async function commitFollowUps(
  repos: Repositories,
  followUp: MeasurementFollowUp | undefined,
  measured: readonly MeasuredAt[],
  meta: CommitMeta,
  log?: LogWriter,
): Promise<BoardEvent[]> {
  if (!followUp || measured.length === 0) return [];
  const effects = await followUp(repos, measured);
  const origin = effects[0]?.boardIds[0];
  if (!origin) return [];
  return commitEffects(repos, effects, { ...meta, opId: `${meta.opId}:follow-up`, originBoardId: origin }, log);
}

/**
 * A measurement's event carries the indicator's run-chart signal over the unit's whole series as it is after the
 * value (the boards have only the latest few values): a tile then shows a new signal at once, not after a reload.
 */
async function withSignal(repos: Repositories, body: BoardEventBody): Promise<BoardEventBody> {
  if (body.type !== 'measurement.recorded') return body;
  const signal = await repos.indicators.signalOf(body.measurement.indicatorId, body.measurement.unitId);
  return signal ? { ...body, signal } : body;
}

// Every event carries the entity as it is after the change (a move: its position), so applying it is a write.
async function applyChange(repos: Repositories, body: BoardEventBody): Promise<void> {
  switch (body.type) {
    case 'card.created':
    case 'card.updated':
    case 'card.archived':
      return repos.cards.save(body.card);
    case 'card.moved':
      return repos.cards.move(body.card);
    case 'column.created':
    case 'column.renamed':
    case 'column.moved':
      return repos.columns.save(body.column);
    case 'measurement.recorded':
      return repos.indicators.saveMeasurement(body.measurement);
    case 'card.restored':
      return repos.cards.save(body.card);
    case 'board.cadence':
      return repos.meetings.saveCadence(body.boardId, body.cadence);
    case 'escalation.raised':
    case 'escalation.forwarded':
    case 'escalation.answered':
    case 'escalation.returned':
    case 'escalation.acknowledged':
      return repos.meetings.saveEscalation(body.escalation);
    case 'meeting.started':
    case 'meeting.changed':
    case 'meeting.ended':
      return repos.meetings.saveMeeting(body.meeting);
    case 'indicator.changed':
      return; // told after the target or setting it reports was written (see cascade-changes.ts)
  }
}
