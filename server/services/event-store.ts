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
 * Where an event's seq comes from: by default each is a bump of its board's row (UPDATE … RETURNING); the command
 * service counts them for a whole group commit instead and writes each board's head once (see command-batch.ts).
 */
export type NextSeq = (boardId: string) => Promise<number>;

/**
 * Writes decided effects: applies each change to its table, takes each event's seq and appends the event, and
 * records the operation. Must be called inside the command's transaction.
 */
export async function commitEffects(
  repos: Repositories,
  effects: Effect[],
  meta: CommitMeta,
  nextSeq: NextSeq = (boardId) => repos.boards.nextSeq(boardId),
): Promise<BoardEvent[]> {
  const events: BoardEvent[] = [];
  for (const effect of effects) {
    await applyChange(repos, effect.body);
    const body = await withSignal(repos, effect.body);
    for (const boardId of effect.boardIds) {
      const event: BoardEvent = {
        boardId,
        seq: await nextSeq(boardId),
        opId: meta.opId,
        actor: meta.actor,
        at: meta.at,
        body,
      };
      await repos.events.append(event);
      events.push(event);
    }
  }
  await repos.events.recordOperation(meta.opId, meta.originBoardId, meta.command, meta.actor, meta.at);
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
  nextSeq?: NextSeq,
): Promise<BoardEvent[]> {
  if (!followUp || measured.length === 0) return [];
  const effects = await followUp(repos, measured);
  const origin = effects[0]?.boardIds[0];
  if (!origin) return [];
  return commitEffects(repos, effects, { ...meta, opId: `${meta.opId}:follow-up`, originBoardId: origin }, nextSeq);
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
