import type { AgendaItem, AgendaItemKind, BoardIndicator, Card, Column, Escalation, Meeting } from '../schemas';
import { sortByKey } from './ordering';
import { type Status, measurementStatus } from './status';

/** What the agenda is built from: the board as it is when the meeting starts. */
export interface AgendaInput {
  boardId: string;
  today: string;
  /** The meeting after this one: actions due before it come up now. */
  nextMeetingDate: string | null;
  indicators: readonly BoardIndicator[];
  /** The board's live cards. */
  cards: readonly Card[];
  columns: readonly Column[];
  /** Escalations whose chain includes the board. */
  escalations: readonly Escalation[];
  /** The last ended meeting: its actions and decisions open the agenda. */
  lastMeeting: Meeting | null;
  /** Open business cases moving the board's indicators: followed at every meeting until closed with a conclusion. */
  businessCases?: readonly { id: string; title: string }[];
  /** A run-chart signal (non-random variation); by default the signal the board carries for the indicator. */
  hasSignal?: (indicator: BoardIndicator) => boolean;
}

/** An indicator's latest value judged against its current target. */
export function latestStatus(indicator: BoardIndicator): { value: number | null; periodStart: string | null; status: Status } {
  const latest = indicator.recent.at(-1);
  const status = measurementStatus(indicator, indicator.target, latest);
  return { value: latest?.value ?? null, periodStart: latest?.periodStart ?? null, status };
}

/** The column that means "done": the last one, when a board has more than one. */
export function doneColumnId(columns: readonly Column[]): string | null {
  const sorted = sortByKey(columns);
  return sorted.length > 1 ? sorted.at(-1)!.id : null;
}

/**
 * Indicators worth the meeting's time, signal first (learning before control): a signal asks for cause and action
 * (`red-signal`, `amber-signal`, `signal`); red and amber without one are common-cause variation (`red`, `amber`),
 * a question of what in the system must change.
 */
export function indicatorItems(input: Pick<AgendaInput, 'indicators' | 'hasSignal'>): { indicator: BoardIndicator; detail: string }[] {
  const signalOf = input.hasSignal ?? ((i: BoardIndicator) => i.signal?.signal ?? false);
  const rank = { red: 0, amber: 1, green: 2, none: 2 } as const;
  const judged = input.indicators.map((indicator, index) => {
    const status = latestStatus(indicator).status;
    const signal = signalOf(indicator);
    return { indicator, index, status, signal, order: (signal ? 0 : 3) + rank[status] };
  });
  return judged
    .filter((j) => j.signal || j.status === 'red' || j.status === 'amber')
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ indicator, status, signal }) => ({
      indicator,
      detail: signal ? (status === 'red' || status === 'amber' ? `${status}-signal` : 'signal') : status,
    }));
}

const item = (kind: AgendaItemKind, id: string, title: string, refId: string | null, detail = ''): AgendaItem => ({
  id: id.slice(0, 64),
  kind,
  title,
  refId,
  detail,
  skipped: false,
  startedAt: null,
  endedAt: null,
  outcome: '',
  decisions: [],
  actionIds: [],
});

/**
 * The agenda at the start of a meeting, in order: follow-up of the last meeting's actions and decisions; indicators
 * with a run-chart signal, then red and amber ones without (see indicatorItems); open business cases on the board's
 * indicators (progress against baseline, until closed with a conclusion); actions overdue or due before the next meeting;
 * escalations received (overdue first) and answers to escalations sent; new improvement ideas.
 */
export function buildAgenda(input: AgendaInput): AgendaItem[] {
  const items: AgendaItem[] = [];
  const seen = new Set<string>();
  const cardsById = new Map(input.cards.map((c) => [c.id, c]));
  const done = doneColumnId(input.columns);
  const open = (c: Card) => !c.archived && c.columnId !== done;
  const since = input.lastMeeting?.startedAt ?? null;

  for (const action of input.lastMeeting?.minutes?.actionsCreated ?? []) {
    const card = cardsById.get(action.id);
    if (card && !open(card)) continue;
    const now = card ?? action;
    items.push(item('follow-up', `fu-${action.id}`, now.title, action.id, [now.ownerName, now.dueDate].filter(Boolean).join(' · ')));
    seen.add(action.id);
  }
  for (const decision of input.lastMeeting?.minutes?.decisions ?? []) {
    items.push(item('follow-up', `fu-${decision.id}`, decision.text, null, decision.itemTitle));
  }

  for (const { indicator, detail } of indicatorItems(input)) {
    items.push(item('indicator', `ind-${indicator.id}`, indicator.name, indicator.id, detail));
  }
  for (const c of input.businessCases ?? []) items.push(item('business-case', `bc-${c.id}`, c.title, c.id));

  const horizon = input.nextMeetingDate ?? input.today;
  const due = input.cards
    .filter((c) => c.type === 'action' && open(c) && !seen.has(c.id) && c.dueDate !== null && c.dueDate <= horizon)
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : a.title.localeCompare(b.title)));
  for (const c of due) {
    items.push(item('action', `act-${c.id}`, c.title, c.id, c.dueDate! < input.today ? 'overdue' : 'due'));
  }

  const received = input.escalations
    .filter((e) => e.holderBoardId === input.boardId && e.status === 'open')
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  for (const e of received) {
    items.push(item('escalation', `esc-${e.id}`, e.cardTitle, e.id, e.dueDate < input.today ? 'overdue' : 'received'));
  }
  const answered = input.escalations.filter(
    (e) => e.originBoardId === input.boardId && e.status !== 'open' && (since === null || e.updatedAt > since),
  );
  for (const e of answered) items.push(item('escalation', `esc-${e.id}`, e.cardTitle, e.id, e.status));

  const ideas = input.cards.filter((c) => c.type === 'idea' && open(c) && (since === null || c.createdAt > since));
  for (const c of sortByKey(ideas)) items.push(item('idea', `idea-${c.id}`, c.title, c.id));
  return items;
}
