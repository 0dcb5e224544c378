import { io, type Socket } from 'socket.io-client';
import { testToken } from '../../helpers/auth';
import {
  type Ack,
  type BoardEvent,
  type CommandName,
  type CommandResult,
  type JoinResult,
  PROTOCOL_VERSION,
} from '../../../shared/protocol';
import { BoardReplica } from './board-state';

/** What `send` rejects with when the client was abandoned (its server killed) before any answer came. */
export class LostCommand extends Error {
  override name = 'LostCommand';
}

/** A command the client has sent and not yet had answered (the optimistic queue). */
interface PendingOp {
  opId: string;
  name: CommandName;
  cmd: Record<string, unknown>;
  resolve: (ack: Ack<CommandResult>) => void;
  reject: (err: LostCommand) => void;
}

export interface SyncClientOptions {
  name: string;
  boardId: string;
  /** Reconnect on its own after a lost connection (network tests); off for plain convergence runs. */
  reconnect?: boolean;
  /** Session or device token; by default a new signed-in test user named `name`. */
  token?: string;
}

/**
 * A headless board client with the sync engine's recovery rules, over a real socket.io-client: join (with
 * `sinceSeq` once it has a seq), apply events in seq order, re-join on a gap, keep sent commands until their ack,
 * and after every (re)join re-send the unanswered ones with the same opIds. The browser's sync engine follows the
 * same protocol; this one exposes its timings and its queue to the tests.
 */
export class SyncClient {
  readonly replica: BoardReplica;
  readonly socket: Socket;
  private pending = new Map<string, PendingOp>();
  private joining = false;
  private joinAgain = false;
  joins = 0;
  rejoinsOnGap = 0;
  resent = 0;
  rolledBack = 0;
  /** Anything that went wrong inside socket callbacks, where throwing would only crash the test runner. */
  errors: string[] = [];
  disconnectedAt: number | null = null;
  resyncedAt: number | null = null;

  private constructor(url: string, readonly options: SyncClientOptions) {
    this.replica = new BoardReplica(options.boardId);
    const reconnect = options.reconnect ?? false;
    this.socket = io(url, {
      transports: ['websocket'],
      auth: { name: options.name, token: options.token ?? testToken(url, options.name) },
      forceNew: true,
      reconnection: reconnect,
      // Short back-off and connect timeout: a wall screen should be back within a second of the network.
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      randomizationFactor: 0,
      timeout: 1000,
    });
    this.socket.on('connect', () => this.join());
    this.socket.on('disconnect', () => {
      this.disconnectedAt = Date.now();
      this.joining = false;
    });
    this.socket.on('board:events', (events: BoardEvent[]) => {
      this.replica.receive(events);
      if (this.replica.hasGap()) this.rejoinOnGap();
    });
  }

  static async connect(url: string, options: SyncClientOptions): Promise<SyncClient> {
    const client = new SyncClient(url, options);
    await client.waitFor(() => client.replica.state !== null && client.socket.connected, 10_000, 'first join');
    return client;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  /** Sends a command now if connected; it stays queued (and is re-sent after a re-join) until answered. */
  send(name: CommandName, cmd: Record<string, unknown>): Promise<Ack<CommandResult>> {
    const opId = String(cmd.opId);
    return new Promise((resolve, reject) => {
      this.pending.set(opId, { opId, name, cmd, resolve, reject });
      this.emit(this.pending.get(opId)!);
    });
  }

  /** Emits a command again with the same opId, as a retry after a lost ack would. */
  resend(opId: string): void {
    const op = this.pending.get(opId);
    if (op) this.emit(op);
  }

  close(): void {
    this.socket.disconnect();
  }

  /** Closes and rejects every unanswered command: whether the server applied it is for the test to find out. */
  abandon(): void {
    this.close();
    for (const op of this.pending.values()) op.reject(new LostCommand(op.opId));
    this.pending.clear();
  }

  async waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const start = Date.now();
    while (!done()) {
      if (Date.now() - start > timeoutMs) throw new Error(`${this.options.name}: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private emit(op: PendingOp): void {
    if (!this.socket.connected) return; // queued; the next join re-sends it
    this.socket.emit(op.name, op.cmd, (ack: Ack<CommandResult>) => this.answered(op.opId, ack));
  }

  private answered(opId: string, ack: Ack<CommandResult>): void {
    const op = this.pending.get(opId);
    if (!op) return; // a late answer to a retry: the first one already settled it
    this.pending.delete(opId);
    if (ack.ok) {
      this.replica.receive(ack.data.events);
      if (this.replica.hasGap()) this.rejoinOnGap();
    } else {
      this.rolledBack++; // the optimistic change is dropped: the server refused it and nothing was applied
    }
    op.resolve(ack);
  }

  private rejoinOnGap(): void {
    this.rejoinsOnGap++;
    this.join();
  }

  private join(): void {
    if (this.joining) {
      this.joinAgain = true;
      return;
    }
    this.joining = true;
    const { state, seq, epoch } = this.replica;
    const req = { boardId: this.options.boardId, protocol: PROTOCOL_VERSION, ...(state && epoch !== null && { sinceSeq: seq, epoch }) };
    this.socket.emit('board:join', req, (ack: Ack<JoinResult>) => {
      this.joining = false;
      if (!ack.ok) {
        this.errors.push(`join refused: ${ack.error.code}`);
        return;
      }
      this.joins++;
      this.replica.joined(ack.data);
      this.resyncedAt = Date.now();
      for (const op of this.pending.values()) {
        this.resent++;
        this.emit(op);
      }
      if (this.joinAgain || this.replica.hasGap()) {
        this.joinAgain = false;
        this.join();
      }
    });
  }
}
