import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol';

export interface SocketData {
  /** Who this connection's changes are recorded as. */
  actor: string;
}

export type KaskadeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type KaskadeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const boardRoom = (boardId: string): string => `board:${boardId}`;
