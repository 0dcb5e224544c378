import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol';
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

export type KaskadeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type KaskadeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const boardRoom = (boardId: string): string => `board:${boardId}`;

/** Sockets of open overview pages, told when indicator statuses may have changed. */
export const OVERVIEW_ROOM = 'overview';
