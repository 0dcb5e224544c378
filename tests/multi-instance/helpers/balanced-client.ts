import { io, type Socket } from 'socket.io-client';
import { type Ack, type BoardEvent, type CommandName, type CommandResult, type JoinResult, PROTOCOL_VERSION } from '../../../shared/protocol';
import { BoardReplica } from '../../reliability/helpers/board-state';

interface PendingOp {
  name: CommandName;
  cmd: Record<string, unknown>;
  resolve: (ack: Ack<CommandResult>) => void;
}

export interface BalancedClientOptions {
  name: string;
  boardId: string;
  token: string;
  /** The load balancer: the address of a live instance, asked again at every (re)connection. */
  pickInstance: () => string;
}

/**
 * A headless board client behind a load balancer the test plays: it follows the sync engine's rules (join with
 * `sinceSeq`, apply events in seq order, re-join on a gap, keep every command until it is answered and re-send the
 * unanswered ones with the same opIds after each join), and when its connection is lost it connects again to
 * whichever instance `pickInstance` names, as a browser behind a balancer does once its instance is gone.
 */
export class BalancedClient {
  readonly replica: BoardReplica;
  socket!: Socket;
  /** The instance the current connection goes to. */
  url = '';
  private pending = new Map<string, PendingOp>();
  private joining = false;
  private joinAgain = false;
  private closed = false;
  private gapTimer: NodeJS.Timeout | null = null;
  reconnects = 0;
  resent = 0;
  joinRefusals: string[] = [];

  constructor(readonly options: BalancedClientOptions) {
    this.replica = new BoardReplica(options.boardId);
    this.open();
  }

  get joined(): boolean {
    return this.replica.state !== null && this.socket.connected;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  /** Sends now if connected; kept (and re-sent with the same opId after every join) until an answer arrives. */
  send(name: CommandName, cmd: Record<string, unknown>): Promise<Ack<CommandResult>> {
    const opId = String(cmd.opId);
    return new Promise((resolve) => {
      const op = { name, cmd, resolve };
      this.pending.set(opId, op);
      if (this.joined) this.emit(opId, op);
    });
  }

  close(): void {
    this.closed = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.socket.disconnect();
  }

  async waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`${this.options.name} (on ${this.url}): timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private open(): void {
    this.url = this.options.pickInstance();
    const socket = io(this.url, { transports: ['websocket'], auth: { token: this.options.token }, forceNew: true, reconnection: false, timeout: 5000 });
    this.socket = socket;
    socket.on('connect', () => this.join());
    const again = () => {
      if (socket !== this.socket || this.closed) return;
      this.joining = false;
      this.reconnects++;
      setTimeout(() => !this.closed && this.open(), 100);
    };
    socket.on('disconnect', again);
    socket.on('connect_error', again);
    socket.on('board:events', (events: BoardEvent[]) => {
      this.replica.receive(events);
      this.checkGap();
    });
  }

  private emit(opId: string, op: PendingOp): void {
    const socket = this.socket;
    socket.emit(op.name, op.cmd, (ack: Ack<CommandResult>) => {
      if (this.pending.get(opId) !== op) return; // a late answer to a re-send: the first one settled it
      this.pending.delete(opId);
      if (ack.ok) {
        this.replica.receive(ack.data.events);
        this.checkGap();
      }
      op.resolve(ack);
    });
  }

  /** A seq gap is usually a relay still on its way from another instance: wait a moment before going to the log. */
  private checkGap(): void {
    if (!this.replica.hasGap() || this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.replica.hasGap()) this.join();
    }, 150);
  }

  private join(): void {
    if (this.joining) {
      this.joinAgain = true;
      return;
    }
    this.joining = true;
    const socket = this.socket;
    const { state, seq, epoch } = this.replica;
    const req = { boardId: this.options.boardId, protocol: PROTOCOL_VERSION, ...(state && epoch !== null && { sinceSeq: seq, epoch }) };
    socket.emit('board:join', req, (ack: Ack<JoinResult>) => {
      if (socket !== this.socket) return;
      this.joining = false;
      if (!ack.ok) {
        // e.g. UNAVAILABLE while the database is away: try again shortly, as the browser does.
        this.joinRefusals.push(ack.error.code);
        setTimeout(() => socket === this.socket && socket.connected && this.join(), 250);
        return;
      }
      this.replica.joined(ack.data);
      for (const [opId, op] of this.pending) {
        this.resent++;
        this.emit(opId, op);
      }
      if (this.joinAgain || this.replica.hasGap()) {
        this.joinAgain = false;
        this.join();
      }
    });
  }
}
