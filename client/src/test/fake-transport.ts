import type { Ack, BoardEvent, CommandResult, JoinRequest, JoinResult } from '../../../shared/protocol';
import type { Transport, TransportListener, TypedEmit } from '../lib/transport';

export interface EmitCall {
  event: string;
  payload: unknown;
  ack: ((answer: never) => void) | undefined;
}

interface FakeOptions {
  connected?: boolean;
  /** Answers `board:join`; by default nothing answers (the test calls `answerJoin`). */
  onJoin?: (req: JoinRequest) => Ack<JoinResult>;
}

/** A stand-in for the network: records every emit, lets the test answer acks and push server events. */
export function createFakeTransport(options: FakeOptions = {}) {
  let connected = options.connected ?? true;
  const listeners = new Set<TransportListener>();
  const calls: EmitCall[] = [];

  const emit: TypedEmit = (event, ...args) => {
    if (!connected) return; // like the real transport: nothing leaves while offline
    const [payload, ack] = args as unknown[];
    const call: EmitCall = { event, payload, ack: typeof ack === 'function' ? (ack as EmitCall['ack']) : undefined };
    calls.push(call);
    if (event === 'board:join' && options.onJoin && call.ack) {
      (call.ack as (a: Ack<JoinResult>) => void)(options.onJoin(payload as JoinRequest));
    }
  };

  const transport: Transport = {
    emit,
    isConnected: () => connected,
    connect: () => undefined,
    reconnect: () => undefined,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const callsOf = (event: string) => calls.filter((c) => c.event === event);

  return {
    transport,
    calls,
    callsOf,
    lastCall: (event: string) => callsOf(event).at(-1),
    setConnected(next: boolean) {
      connected = next;
      listeners.forEach((l) => (next ? l.connected() : l.disconnected()));
    },
    /** Pushes one `board:events` message (one event, or the events of one commit). */
    pushEvent(...events: BoardEvent[]) {
      listeners.forEach((l) => l.boardEvents(events));
    },
    answer(call: EmitCall | undefined, answer: Ack<CommandResult> | Ack<JoinResult>) {
      if (!call?.ack) throw new Error('no ack to answer');
      (call.ack as (a: typeof answer) => void)(answer);
    },
  };
}

export type FakeTransport = ReturnType<typeof createFakeTransport>;
