import type { Server, Socket } from 'socket.io';
import type { BoardEvent, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol';
import type { Principal } from '../services/auth-service';
import type { SocketBudget } from './rate-limits';

export interface SocketData {
  /** Who this connection's changes are recorded as: the principal's stable id (`user:<id>` or `device:<id>`). */
  actor: string;
  /** The signed-in person or enrolled device, checked again while the socket lives. */
  principal: Principal;
  /** What is left of the socket's allowance per event class, and of refusals (see rate-limits.ts). */
  budget?: SocketBudget;
}

/** What the instances tell each other through the adapter (see board-relay.ts). */
export interface InterServerEvents {
  /** One board's committed events, for the other instances' sockets in the board's room. */
  'board:committed': (boardId: string, events: BoardEvent[]) => void;
  /** A session ended or access changed: check this instance's sockets against the database now, not at the next round. */
  'sockets:revalidate': () => void;
}

export type KaskadeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type KaskadeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const boardRoom = (boardId: string): string => `board:${boardId}`;

/** Sockets of open overview pages, told when indicator statuses may have changed. */
export const OVERVIEW_ROOM = 'overview';
