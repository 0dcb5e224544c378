import type { CommandName } from '../../../shared/protocol';
import type { BoardState } from './board-state';
import { PERIODS, type ReliabilityBoard } from './fixture';
import type { Rng } from './rng';

export interface GeneratedCommand {
  name: CommandName;
  cmd: Record<string, unknown>;
}

let counter = 0;
/** A unique opId (the run's seed and a counter keep it reproducible in shape, the pid keeps runs apart). */
export const newOpId = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;

/**
 * A random command of the kinds people send all day (create, edit, move across columns, archive, record a
 * measurement), built from what this client currently sees, so most are valid and some race with peers
 * (moving a card a peer just archived is refused with CONFLICT, and must change nothing).
 */
export function randomCommand(rng: Rng, board: ReliabilityBoard, seen: BoardState, who: string): GeneratedCommand {
  const cards = Object.values(seen.cards);
  const opId = newOpId(who);
  const roll = rng.next();
  if (cards.length === 0 || roll < 0.2) {
    return {
      name: 'card:create',
      cmd: {
        opId,
        boardId: board.id,
        card: { id: newOpId(`card-${who}`), columnId: rng.pick(board.columns), type: rng.pick(['action', 'idea', 'problem', 'decision']), title: `Kort ${rng.int(1000)}` },
        ...(rng.chance(0.5) && { index: rng.int(8) }),
      },
    };
  }
  const card = rng.pick(cards);
  if (roll < 0.4) {
    const changes = rng.chance(0.5) ? { title: `Rettet ${rng.int(1000)}` } : { ownerName: rng.pick(['Anne', 'Bo', 'Cecilie', '']), dueDate: rng.chance(0.5) ? '2026-03-01' : null };
    return { name: 'card:update', cmd: { opId, boardId: board.id, cardId: card.id, changes } };
  }
  if (roll < 0.75) {
    return { name: 'card:move', cmd: { opId, boardId: board.id, cardId: card.id, toColumnId: rng.pick(board.columns), index: rng.int(6) } };
  }
  if (roll < 0.85) return { name: 'card:archive', cmd: { opId, boardId: board.id, cardId: card.id } };
  return {
    name: 'measurement:record',
    cmd: { opId, boardId: board.id, indicatorId: board.indicator, periodStart: rng.pick(PERIODS), value: rng.int(1000) / 10 },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
