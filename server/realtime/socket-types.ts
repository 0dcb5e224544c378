import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol';
import type { Principal } from '../services/auth-service';

export interface SocketData {
  /** Who this connection's changes are recorded as: the principal's stable id (`user:<id>` or `device:<id>`). */
  actor: string;
  /** The signed-in person or enrolled device, checked again while the socket lives. */
  principal: Principal;
  /** What is left of the socket's command allowance, and when it was last refilled (see the socket server). */
  commandBudget?: { tokens: number; at: number };
}

export type KaskadeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type KaskadeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const boardRoom = (boardId: string): string => `board:${boardId}`;
