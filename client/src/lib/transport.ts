import type { BoardEvent, ClientToServerEvents } from '../../../shared/protocol';

/** `emit` typed by the shared event map, so a command and its ack can never drift from the server's. */
export type TypedEmit = <E extends keyof ClientToServerEvents>(
  event: E,
  ...args: Parameters<ClientToServerEvents[E]>
) => void;

export interface TransportListener {
  connected(): void;
  disconnected(): void;
  /** One `board:events` message: a board's events of one commit, in seq order. */
  boardEvents(events: readonly BoardEvent[]): void;
}

/**
 * The client's only door to the network for live boards. The Socket.IO implementation lives in
 * socket-transport.ts; tests inject a fake that records emits and answers acks.
 */
export interface Transport {
  /** Sends only while connected; the store queues commands itself and re-sends them after a re-join. */
  readonly emit: TypedEmit;
  isConnected(): boolean;
  /** Starts connecting if not already; reconnects on its own afterwards. */
  connect(): void;
  /** Drops the connection and connects again (if it was in use), e.g. after the display name changed. */
  reconnect(): void;
  subscribe(listener: TransportListener): () => void;
}
