import { PROTOCOL_VERSION } from '../../../../shared/constants';
import type { Ack, ApiError, BoardEvent, CommandResult, JoinResult } from '../../../../shared/protocol';
import type { AppState, StoreDeps } from '../../app/store/types';
import { applyEventBody, fromSnapshot, type BoardData } from './board-data';
import type { CommandCheck } from './command-checker';
import { EventBuffer } from './event-buffer';
import { applyCommand, type AnyCommand } from './optimistic';
import type { BoardState } from './board-slice';
import type { PendingOp } from './sync-types';

type Get = () => AppState;
type SetState = (partial: Partial<AppState>) => void;
type CommandAck = (ack: Ack<CommandResult>) => void;

/** The optimistic view: the server-confirmed board with every pending command re-applied on top. */
export function rebase(server: BoardData | null, pending: readonly PendingOp[], actor: string): BoardData | null {
  if (!server) return null;
  return pending.reduce((data, op) => applyCommand(data, op.command, { at: op.at, actor }), server);
}

/**
 * Keeps one board in step with the server: join and catch up by seq, apply peers' events in order, queue
 * commands (sent now when online, re-sent after the next join otherwise), keep and re-send those the server could
 * not yet commit (UNAVAILABLE: its database away), and roll back refused ones.
 */
/**
 * How long a hole in the seqs may stay open before the board re-joins to catch up. With several server instances,
 * two of them committing to one board at once relay their events concurrently, so an event often arrives a few ms
 * after the next one (bench/FINDINGS.md, "Live updates across instances": every hole measured was filled within
 * 150 ms, nearly all within 50). On one instance a hole means something was really missed; this is all it waits.
 */
export const GAP_GRACE_MS = 150;

/**
 * Sending again after the server answered UNAVAILABLE (its database away: a restart or failover takes seconds):
 * the first wait, doubling up to the last, each jittered between half and all of it so a ward's screens do not all
 * come back in the same instant.
 */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 5000;

export function createSyncEngine(deps: StoreDeps, get: Get, set: SetState) {
  const buffer = new EventBuffer();
  let gapTimer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribe: (() => void) | null = null;
  let joining = false;
  let joinAgain = false;
  /** The database timeline `lastSeq` was told in (see JoinResult); null until the first join. */
  let epoch: string | null = null;
  // Commands issued before the command check had loaded: applied optimistically, sent once checked.
  const unchecked = new Set<string>();
  // Commands sent and not yet answered: sending again does not send these (their answer is on its way).
  const inFlight = new Set<string>();
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let retries = 0;
  // The last join was answered UNAVAILABLE: the retry joins (and then sends) rather than sends.
  let joinRefused = false;

  function commit(partial: Partial<BoardState>): void {
    const next = { ...get(), ...partial };
    set({ ...partial, view: rebase(next.server, next.pending, deps.actorName()) });
    if (partial.pending) persist();
  }

  /** Writes the unacknowledged commands of the open board where a reload finds them. */
  function persist(): void {
    const { boardId, pending } = get();
    if (boardId) deps.pendingStore.save(boardId, pending.filter((op) => op.ackedSeq === null));
  }

  /** Takes back the commands a reload (or a closed tab) left unsent; sent after the join, or now if joined. */
  function restore(boardId: string): void {
    void deps.pendingStore.load(boardId).then((saved) => {
      if (get().boardId !== boardId || saved.length === 0) return;
      const known = new Set(get().pending.map((op) => op.opId));
      const restored = saved.filter((op) => !known.has(op.opId)).map((op) => ({ ...op, ackedSeq: null }));
      if (restored.length === 0) return;
      commit({ pending: [...restored, ...get().pending] });
      flush();
    });
  }

  /**
   * Sends, in the order issued, every pending command not yet acknowledged, answered or held for the check; none
   * while offline (the join sends them) or while the server waits for its database (the retry sends them).
   */
  function flush(): void {
    if (get().serverWaiting) return;
    sendUnsent();
  }

  function sendUnsent(): void {
    if (get().connection !== 'online') return;
    for (const op of get().pending) if (op.ackedSeq === null && !unchecked.has(op.opId) && !inFlight.has(op.opId)) send(op);
  }

  /** The server could not reach its database: keep everything, say so, and try again after a growing pause. */
  function waitForServer(): void {
    if (!get().serverWaiting) set({ serverWaiting: true });
    if (retryTimer) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retries) * (0.5 + Math.random() / 2);
    retries++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!deps.transport.isConnected()) return; // the reconnect joins and sends
      if (joinRefused) return join();
      sendUnsent(); // still shown as waiting until one is acknowledged
    }, delay);
  }

  /** The server answered from its database: back to sending at once. */
  function serverBack(): void {
    retries = 0;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (get().serverWaiting) set({ serverWaiting: false });
  }

  function notice(error: ApiError): void {
    set({ notices: [...get().notices, { id: deps.newId(), kind: 'refused', error }] });
  }

  /**
   * Applies whatever events are now contiguous; re-joins if a hole remains. A pending command whose events are
   * among them is settled: the broadcast of a commit reaches its sender before the ack does.
   */
  function receive(events: readonly BoardEvent[]): void {
    const { server, lastSeq, boardId } = get();
    buffer.add(events.filter((e) => e.boardId === boardId), lastSeq);
    if (!server) return; // held until the snapshot arrives; those it already covers are dropped then
    const ready = buffer.drain(lastSeq);
    const seq = ready.at(-1)?.seq ?? lastSeq;
    const applied = ready.reduce((data, e) => applyEventBody(data, e.body), server);
    const committed = new Set(ready.map((e) => e.opId));
    const pending = get().pending.filter((op) => !committed.has(op.opId) && (op.ackedSeq === null || op.ackedSeq > seq));
    if (ready.length > 0 || pending.length !== get().pending.length) commit({ server: applied, lastSeq: seq, pending });
    if (buffer.hasGap()) joinIfStillMissing();
  }

  /** Re-joins if the hole is still there after GAP_GRACE_MS (the missing event is usually on its way). */
  function joinIfStillMissing(): void {
    if (gapTimer) return;
    gapTimer = setTimeout(() => {
      gapTimer = null;
      if (buffer.hasGap()) join();
    }, GAP_GRACE_MS);
  }

  function onJoined(result: JoinResult): void {
    // Events held from another timeline (before a backup was restored) count another history: only the snapshot counts.
    if (result.epoch !== epoch) buffer.clear();
    epoch = result.epoch;
    if (result.kind === 'snapshot') {
      const seq = result.snapshot.seq;
      const pending = get().pending.filter((op) => op.ackedSeq === null || op.ackedSeq > seq);
      commit({ server: fromSnapshot(result.snapshot), lastSeq: seq, pending, loadState: 'ready' });
      receive([]);
    } else {
      receive(result.events);
    }
    set({ connection: 'online' });
    serverBack();
    flush();
  }

  function join(): void {
    const { boardId, server, lastSeq } = get();
    if (!boardId || !deps.transport.isConnected()) return;
    if (joining) {
      joinAgain = true;
      return;
    }
    joining = true;
    const request = { boardId, protocol: PROTOCOL_VERSION, ...(server && epoch !== null ? { sinceSeq: lastSeq, epoch } : {}) };
    deps.transport.emit('board:join', request, (ack) => {
      joining = false;
      if (get().boardId !== boardId) return;
      joinRefused = !ack.ok && ack.error.code === 'UNAVAILABLE';
      if (joinRefused) return waitForServer();
      if (!ack.ok) {
        if (!get().server) set({ loadState: ack.error.code === 'NOT_FOUND' ? 'not-found' : 'error' });
        else notice(ack.error);
        return;
      }
      onJoined(ack.data);
      if (joinAgain) {
        joinAgain = false;
        if (buffer.hasGap()) join();
      }
    });
  }

  function onAck(opId: string, ack: Ack<CommandResult>): void {
    inFlight.delete(opId);
    if (!ack.ok && ack.error.code === 'UNAVAILABLE') {
      // Nothing was committed: the change stays shown and queued, and goes again with the same opId (applied once).
      if (get().pending.some((p) => p.opId === opId && p.ackedSeq === null)) waitForServer();
      return;
    }
    // Any other answer came from the database, even for a command settled already (its own event can arrive before
    // its ack): what waited for the database goes now, after this answer is settled.
    const wasWaiting = get().serverWaiting;
    if (wasWaiting) serverBack();
    settle(opId, ack);
    if (wasWaiting) flush();
  }

  function settle(opId: string, ack: Ack<CommandResult>): void {
    const op = get().pending.find((p) => p.opId === opId);
    if (!op || op.ackedSeq !== null) return; // a late or repeated ack for something already settled
    if (!ack.ok) {
      commit({ pending: get().pending.filter((p) => p.opId !== opId) });
      notice(ack.error);
      return;
    }
    const ackedSeq = Math.max(0, ...ack.data.events.map((e) => e.seq));
    set({ pending: get().pending.map((p) => (p.opId === opId ? { ...p, ackedSeq } : p)) });
    persist(); // durable on the server now: not to be sent again after a reload
    receive(ack.data.events);
  }

  function send(op: PendingOp): void {
    inFlight.add(op.opId);
    const ack: CommandAck = (answer) => onAck(op.opId, answer);
    // The name and payload are correlated by AnyCommand; TypeScript cannot follow that through a union.
    const emit = deps.transport.emit as (name: AnyCommand['name'], cmd: AnyCommand['cmd'], ack: CommandAck) => void;
    emit(op.command.name, op.command.cmd, ack);
  }

  /**
   * Validates with the shared schema, applies optimistically, queues, and sends if online. Before the check has
   * loaded (the first command of a page) the command is applied at once and sent when the check has passed it.
   */
  function issue(command: AnyCommand): boolean {
    const check = deps.commandChecker.ready();
    const error = check?.(command);
    if (error) {
      notice(error);
      return false;
    }
    const op: PendingOp = { opId: command.cmd.opId, command, at: deps.now().toISOString(), ackedSeq: null };
    commit({ pending: [...get().pending, op] });
    if (!check) {
      unchecked.add(op.opId);
      void deps.commandChecker.load().then(settleUnchecked);
    } else flush();
    return true;
  }

  /** Checks the commands that waited for the check, in order: a refused one is rolled back, the rest are sent. */
  function settleUnchecked(check: CommandCheck | null): void {
    for (const op of get().pending) {
      if (!unchecked.delete(op.opId)) continue;
      // Without the check (it failed to load) the server's own check decides, as for every command.
      const error = check?.(op.command);
      if (error) {
        commit({ pending: get().pending.filter((p) => p.opId !== op.opId) });
        notice(error);
      }
    }
    flush();
  }

  function open(boardId: string): void {
    // Already opened for this board (main.tsx opens it before the session check answers): keep what arrived.
    if (get().boardId === boardId && unsubscribe) {
      deps.transport.connect();
      return;
    }
    close();
    set({ boardId, loadState: 'loading', connection: 'connecting' });
    unsubscribe = deps.transport.subscribe({
      connected: () => {
        set({ connection: 'connecting' });
        join();
      },
      disconnected: () => {
        joining = false;
        // Unanswered now for good: the join after the reconnect sends them (and any waiting ones) again.
        inFlight.clear();
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
        set({ connection: 'offline' });
      },
      boardEvents: receive,
    });
    deps.transport.connect();
    if (deps.transport.isConnected()) join();
    restore(boardId);
  }

  function close(): void {
    const { boardId } = get();
    unsubscribe?.();
    unsubscribe = null;
    if (boardId && deps.transport.isConnected()) deps.transport.emit('board:leave', { boardId });
    buffer.clear();
    unchecked.clear();
    inFlight.clear();
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    retries = 0;
    joinRefused = false;
    if (gapTimer) clearTimeout(gapTimer);
    gapTimer = null;
    joining = false;
    joinAgain = false;
    epoch = null;
    // The saved queue stays: what was not sent yet goes out the next time this board is opened.
    set({ boardId: null, loadState: 'idle', server: null, view: null, lastSeq: 0, pending: [], serverWaiting: false, notices: [] });
  }

  return { open, close, issue };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
