import type { Command } from '../../../shared/protocol';
import type { BoardSummary, Card, Escalation, EscalationStep, IndicatorContext } from '../../../shared/schemas';
import { latestStatus } from '../../../shared/domain/agenda';
import { addDays, upcomingMeetingDate } from '../../../shared/domain/cadence';
import type { Repositories } from '../../repositories';
import { type CommandContext, type CommandRunner, type Decision, accept, reject } from '../decision';

// Pure rules first (state in, decision out), then the runners that load that state.

/** Every step goes to every board along the chain, so each shows the whole trail live. */
const emit = (type: `escalation.${'raised' | 'forwarded' | 'answered' | 'returned' | 'acknowledged'}`, escalation: Escalation): Decision =>
  accept({ body: { type, escalation }, boardIds: escalation.boardIds });

/** The context with the actor's display name, so every board's trail reads "who" without a lookup. */
type NamedContext = CommandContext & { actorName?: string };

const step = (
  kind: EscalationStep['kind'],
  from: BoardSummary,
  to: BoardSummary | null,
  text: string,
  ctx: NamedContext,
): EscalationStep => ({
  kind, boardId: from.id, boardName: from.name, toBoardId: to?.id ?? null, toBoardName: to?.name ?? null,
  actor: ctx.actor, ...(ctx.actorName && { actorName: ctx.actorName }), at: ctx.now, text,
});

export interface RaiseState {
  card?: Card;
  existing?: Escalation;
  alreadyOpen: boolean;
  origin?: BoardSummary;
  /** The board of the unit above the origin's unit. */
  target?: BoardSummary;
  defaultDueDate: string;
  context: IndicatorContext[];
}

export function decideEscalationRaise(cmd: Command<'escalation:raise'>, s: RaiseState, ctx: NamedContext): Decision {
  if (!s.card || s.card.boardId !== cmd.boardId || s.card.archived || !s.origin) {
    return reject('NOT_FOUND', 'The card is not on this board.');
  }
  if (s.existing) return reject('CONFLICT', 'An escalation with this id already exists.');
  if (s.alreadyOpen) return reject('CONFLICT', 'The card is already escalated.');
  if (!s.target) return reject('CONFLICT', 'There is no board above this one to escalate to.');
  const escalation: Escalation = {
    id: cmd.escalationId, cardId: s.card.id, cardTitle: s.card.title,
    originBoardId: s.origin.id, originBoardName: s.origin.name,
    holderBoardId: s.target.id, holderBoardName: s.target.name,
    status: 'open', reason: cmd.reason.trim(), dueDate: cmd.dueDate ?? s.defaultDueDate, resolution: null,
    context: s.context, boardIds: [s.origin.id, s.target.id],
    steps: [step('raised', s.origin, s.target, cmd.reason.trim(), ctx)],
    createdAt: ctx.now, updatedAt: ctx.now,
  };
  return emit('escalation.raised', escalation);
}

/** Only the board holding an open escalation can answer, return or forward it. */
function held(escalation: Escalation | undefined, boardId: string): Decision | null {
  if (!escalation || !escalation.boardIds.includes(boardId)) return reject('NOT_FOUND', 'The escalation is not on this board.');
  if (escalation.holderBoardId !== boardId) return reject('CONFLICT', 'The escalation is held by another board.');
  if (escalation.status !== 'open') return reject('CONFLICT', 'The escalation is already closed.');
  return null;
}

export function decideEscalationClose(
  cmd: Command<'escalation:answer'> | Command<'escalation:return'>,
  state: { escalation?: Escalation; holder?: BoardSummary },
  ctx: NamedContext,
): Decision {
  const refused = held(state.escalation, cmd.boardId);
  if (refused || !state.escalation || !state.holder) return refused ?? reject('NOT_FOUND', 'The board does not exist.');
  const answered = 'decision' in cmd;
  const text = (answered ? cmd.decision : cmd.reason).trim();
  const escalation: Escalation = {
    ...state.escalation,
    status: answered ? 'answered' : 'returned',
    resolution: text,
    steps: [...state.escalation.steps, step(answered ? 'answered' : 'returned', state.holder, null, text, ctx)],
    updatedAt: ctx.now,
  };
  return emit(answered ? 'escalation.answered' : 'escalation.returned', escalation);
}

export function decideEscalationForward(
  cmd: Command<'escalation:forward'>,
  state: { escalation?: Escalation; holder?: BoardSummary; target?: BoardSummary; defaultDueDate: string },
  ctx: NamedContext,
): Decision {
  const refused = held(state.escalation, cmd.boardId);
  if (refused || !state.escalation || !state.holder) return refused ?? reject('NOT_FOUND', 'The board does not exist.');
  if (!state.target) return reject('CONFLICT', 'There is no board above this one to escalate to.');
  const e = state.escalation;
  const escalation: Escalation = {
    ...e,
    holderBoardId: state.target.id,
    holderBoardName: state.target.name,
    dueDate: cmd.dueDate ?? state.defaultDueDate,
    boardIds: e.boardIds.includes(state.target.id) ? e.boardIds : [...e.boardIds, state.target.id],
    steps: [...e.steps, step('forwarded', state.holder, state.target, cmd.reason.trim(), ctx)],
    updatedAt: ctx.now,
  };
  return emit('escalation.forwarded', escalation);
}

/** "Kvittér": the sending board has read the answer or the return; the escalation is archived along its chain. */
export function decideEscalationAcknowledge(
  cmd: Command<'escalation:acknowledge'>,
  state: { escalation?: Escalation; origin?: BoardSummary },
  ctx: NamedContext,
): Decision {
  const e = state.escalation;
  if (!e || !e.boardIds.includes(cmd.boardId) || !state.origin) return reject('NOT_FOUND', 'The escalation is not on this board.');
  if (e.originBoardId !== cmd.boardId) return reject('CONFLICT', 'Only the board that sent the escalation acknowledges its answer.');
  if (e.status === 'open') return reject('CONFLICT', 'The escalation has not been answered yet.');
  if (e.acknowledgedAt) return accept();
  const escalation: Escalation = {
    ...e,
    acknowledgedAt: ctx.now,
    steps: [...e.steps, step('acknowledged', state.origin, null, '', ctx)],
    updatedAt: ctx.now,
  };
  return emit('escalation.acknowledged', escalation);
}

const named = async (repos: Repositories, ctx: CommandContext): Promise<NamedContext> => ({ ...ctx, actorName: await repos.meetings.displayName(ctx.actor) });

/** The board of the unit above `board`'s unit, if there is one. */
async function boardAbove(repos: Repositories, board: BoardSummary | undefined): Promise<BoardSummary | undefined> {
  const parentId = board?.unit.parentId;
  const id = parentId ? await repos.meetings.boardOfUnit(parentId) : undefined;
  return id ? repos.boards.get(id) : undefined;
}

/** Default due date: the receiving board's next meeting, else 14 days. */
async function dueAt(repos: Repositories, board: BoardSummary | undefined, today: string): Promise<string> {
  const cadence = board && (await repos.meetings.cadence(board.id));
  return cadence ? upcomingMeetingDate(cadence.cadence, cadence.nextMeetingDate, today) : addDays(today, 14);
}

/** The origin's indicators that are not on target, red first: what the receiving board should see. */
async function indicatorContext(repos: Repositories, board: BoardSummary, today: string): Promise<IndicatorContext[]> {
  const rank = { red: 0, amber: 1, none: 2, green: 3 } as const;
  return (await repos.indicators.forBoard(board.id, board.unit.id, today))
    .map((i) => ({ indicatorId: i.id, name: i.name, unitLabel: i.unitLabel, decimals: i.decimals, ...latestStatus(i) }))
    .filter((i) => i.status === 'red' || i.status === 'amber')
    .sort((a, b) => rank[a.status] - rank[b.status])
    .slice(0, 6)
    .map(({ indicatorId, name, unitLabel, decimals, value, status }) => ({ indicatorId, name, unitLabel, decimals, value, status }));
}

export const runEscalationRaise: CommandRunner<Command<'escalation:raise'>> = async (cmd, repos, ctx) => {
  const origin = await repos.boards.get(cmd.boardId);
  const target = await boardAbove(repos, origin);
  return decideEscalationRaise(cmd, {
    card: await repos.cards.get(cmd.cardId),
    existing: await repos.meetings.escalation(cmd.escalationId),
    alreadyOpen: (await repos.meetings.escalationsOf(cmd.boardId)).some((e) => e.cardId === cmd.cardId && e.status === 'open'),
    origin,
    target,
    defaultDueDate: await dueAt(repos, target, ctx.today),
    context: origin ? await indicatorContext(repos, origin, ctx.today) : [],
  }, await named(repos, ctx));
};

export const runEscalationAnswer: CommandRunner<Command<'escalation:answer'>> = async (cmd, repos, ctx) =>
  decideEscalationClose(cmd, { escalation: await repos.meetings.escalation(cmd.escalationId), holder: await repos.boards.get(cmd.boardId) }, await named(repos, ctx));

export const runEscalationReturn: CommandRunner<Command<'escalation:return'>> = async (cmd, repos, ctx) =>
  decideEscalationClose(cmd, { escalation: await repos.meetings.escalation(cmd.escalationId), holder: await repos.boards.get(cmd.boardId) }, await named(repos, ctx));

export const runEscalationForward: CommandRunner<Command<'escalation:forward'>> = async (cmd, repos, ctx) => {
  const holder = await repos.boards.get(cmd.boardId);
  const target = await boardAbove(repos, holder);
  return decideEscalationForward(cmd, {
    escalation: await repos.meetings.escalation(cmd.escalationId),
    holder,
    target,
    defaultDueDate: await dueAt(repos, target, ctx.today),
  }, await named(repos, ctx));
};

export const runEscalationAcknowledge: CommandRunner<Command<'escalation:acknowledge'>> = async (cmd, repos, ctx) =>
  decideEscalationAcknowledge(cmd, { escalation: await repos.meetings.escalation(cmd.escalationId), origin: await repos.boards.get(cmd.boardId) }, await named(repos, ctx));
