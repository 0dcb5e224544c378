import type { BoardEvent } from '../../shared/protocol';
import { LOG_REPOSITORIES, type Repositories } from '../repositories';
import type { OperationRow } from '../repositories/events-repository';
import type { CommitMeta, LogWriter } from './event-store';

/** What an opId was applied as: a repeat must name the same board and command to be answered as a duplicate. */
export interface AppliedOperation {
  board_id: string;
  command: string;
}

/**
 * The seqs a transaction hands out, counted per board from the head the transaction found, and written back once
 * per board before the commit (`advance`). A move used to bump its board's row with UPDATE … RETURNING for each
 * event: on PostgreSQL one more round trip per move, with the board locked (bench/FINDINGS.md, "Fewer round trips
 * per move"). Counting in memory is safe because nothing else can move a head this transaction has read: on
 * PostgreSQL `heads` locks the board rows until COMMIT, and SQLite has one writer. Seqs stay gapless: each is its
 * board's head plus one, and a rolled-back transaction (or savepoint, see checkpoint) hands its seqs out again.
 */
export class BoardSeqs {
  /** Per board the transaction has read: its head as stored, and as counted since (the last seq handed out). */
  private heads = new Map<string, { stored: number; counted: number }>();
  /** Boards found missing (the lock query returned no row), so asking twice reads once. */
  private readonly missing = new Set<string>();

  constructor(private readonly repos: Repositories) {}

  /** Reads (and on PostgreSQL locks) these boards' heads in one statement; the group commit's first, in id order. */
  async load(boardIds: readonly string[]): Promise<void> {
    const wanted = boardIds.filter((id) => !this.heads.has(id) && !this.missing.has(id));
    if (wanted.length === 0) return;
    const found = await this.repos.boards.heads(wanted);
    for (const id of wanted) {
      const seq = found.get(id);
      if (seq === undefined) this.missing.add(id);
      else this.heads.set(id, { stored: seq, counted: seq });
    }
  }

  /** The board's last seq as this transaction sees it (its events so far included); undefined if no such board. */
  async head(boardId: string): Promise<number | undefined> {
    await this.load([boardId]);
    return this.heads.get(boardId)?.counted;
  }

  /** The seq of the board's next event. A board not loaded yet is loaded (and locked) now. */
  async next(boardId: string): Promise<number> {
    await this.load([boardId]);
    const head = this.heads.get(boardId);
    if (!head) throw new Error(`board ${boardId} does not exist`);
    return ++head.counted;
  }

  /** The counts as they are now, to return to when a savepoint is rolled back. */
  checkpoint(): ReadonlyMap<string, { stored: number; counted: number }> {
    return new Map([...this.heads].map(([id, h]) => [id, { ...h }]));
  }

  restore(mark: ReadonlyMap<string, { stored: number; counted: number }>): void {
    this.heads = new Map([...mark].map(([id, h]) => [id, { ...h }]));
  }

  /**
   * Writes each board's new head, one statement per board that got events. The database adds to the stored seq
   * and answers the sum: should it differ from the count (something moved the head unlocked), the transaction
   * fails rather than commit a log and a head that disagree.
   */
  async write(): Promise<void> {
    for (const [boardId, head] of this.heads) {
      if (head.counted === head.stored) continue;
      const seq = await this.repos.boards.advance(boardId, head.counted - head.stored);
      if (seq !== head.counted) throw new Error(`board ${boardId}: seq ${seq} stored, ${head.counted} counted`);
      head.stored = seq;
    }
  }
}

/**
 * What one transaction of commands shares, and where their effects go in the log (a LogWriter): the board heads
 * (BoardSeqs) and which of its opIds were applied before, both read once for the whole group commit instead of once
 * per command. With `holdAppends`, the events and operation rows of commands whose rules never read the log are
 * kept back and written at the end, a few multi-row INSERTs for the batch instead of two statements per command;
 * they are written first whenever something is about to read the log (see `repositories`). An opId another instance
 * took meanwhile then fails the batch's INSERT rather than its own command's: the group commit runs the batch again
 * isolated, without holding back, where it is answered as the duplicate it is (command-service.ts).
 */
export class CommandBatch implements LogWriter {
  readonly seqs: BoardSeqs;
  /** opId → what it was applied as, or null when it was not applied when the batch began (or by the batch since). */
  private operations = new Map<string, AppliedOperation | null>();
  /** Events and operations held back, in the order made. */
  private held: { events: BoardEvent[]; operations: OperationRow[] } = { events: [], operations: [] };
  /** What `repositories` hands out when holding back, made once. */
  private commandRepos: Repositories | null = null;

  private constructor(
    private readonly repos: Repositories,
    private readonly holdAppends: boolean,
  ) {
    this.seqs = new BoardSeqs(repos);
  }

  /** Locks and reads the commands' boards, and looks their opIds up, before the first command runs. */
  static async open(
    repos: Repositories,
    commands: readonly { opId: string; boardId: string }[],
    options: { holdAppends?: boolean } = {},
  ): Promise<CommandBatch> {
    const batch = new CommandBatch(repos, options.holdAppends ?? false);
    if (commands.length === 0) return batch;
    await batch.seqs.load(commands.map((c) => c.boardId));
    const opIds = commands.map((c) => c.opId);
    const applied = await repos.events.operations(opIds);
    for (const opId of opIds) batch.operations.set(opId, applied.get(opId) ?? null);
    return batch;
  }

  /** What `opId` was applied as, if it was: before the batch, or by an earlier command of it. */
  async operation(opId: string): Promise<AppliedOperation | undefined> {
    const known = this.operations.get(opId);
    if (known !== undefined) return known ?? undefined;
    await this.writeHeld();
    return this.repos.events.operation(opId);
  }

  /** A command of the batch applied `opId`: a repeat of it later in the batch is its duplicate. */
  applied(opId: string, as: AppliedOperation): void {
    this.operations.set(opId, as);
  }

  /** Asks the database again about `opId`: another instance committed it after the batch looked. */
  forget(opId: string): void {
    this.operations.delete(opId);
  }

  /**
   * The repositories the batch's commands run on: any call to a repository of the log (LOG_REPOSITORIES: an undo
   * finding the last change, a meeting reading its events) first writes what was held back, so it sees the batch's
   * earlier commands (an undo of a move made in the same batch). Rules that read only cards, columns and indicators
   * never wait for that. Without holding back, `repos` as they are (the transaction's, or a savepoint's).
   */
  repositories(repos: Repositories): Repositories {
    if (!this.holdAppends) return repos;
    if (!this.commandRepos) {
      const writingFirst = (repository: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(repository).map(([name, method]) => [
          name,
          typeof method !== 'function' ? method : async (...args: unknown[]): Promise<unknown> => {
            await this.writeHeld();
            return (method as (...a: unknown[]) => unknown)(...args);
          },
        ]));
      // Made on first use, as the transaction's repositories are: most batches never touch the log's.
      const views = new Map<string, unknown>();
      this.commandRepos = Object.create(
        repos,
        Object.fromEntries(LOG_REPOSITORIES.map((name) => [name, { get: () => views.get(name) ?? views.set(name, writingFirst(repos[name])).get(name) }])),
      ) as Repositories;
    }
    return this.commandRepos;
  }

  nextSeq(boardId: string): Promise<number> {
    return this.seqs.next(boardId);
  }

  async append(event: BoardEvent): Promise<void> {
    if (this.holdAppends) this.held.events.push(event);
    else await this.repos.events.append(event);
  }

  async recordOperation(m: CommitMeta): Promise<void> {
    if (this.holdAppends) this.held.operations.push({ opId: m.opId, boardId: m.originBoardId, command: m.command, actor: m.actor, at: m.at });
    else await this.repos.events.recordOperation(m.opId, m.originBoardId, m.command, m.actor, m.at);
  }

  private async writeHeld(): Promise<void> {
    const { events, operations } = this.held;
    if (events.length === 0 && operations.length === 0) return;
    this.held = { events: [], operations: [] };
    await this.repos.events.appendAll(events);
    await this.repos.events.recordOperations(operations);
  }

  /** The batch's state now, to return to when a command's savepoint is rolled back. */
  checkpoint(): BatchMark {
    return {
      seqs: this.seqs.checkpoint(),
      operations: new Map(this.operations),
      held: { events: [...this.held.events], operations: [...this.held.operations] },
    };
  }

  restore(mark: BatchMark): void {
    this.seqs.restore(mark.seqs);
    this.operations = new Map(mark.operations);
    this.held = { events: [...mark.held.events], operations: [...mark.held.operations] };
  }

  /** Before the commit: what was held back, and the boards' new heads. */
  async finish(): Promise<void> {
    await this.writeHeld();
    await this.seqs.write();
  }
}

export interface BatchMark {
  seqs: ReturnType<BoardSeqs['checkpoint']>;
  operations: ReadonlyMap<string, AppliedOperation | null>;
  held: { events: BoardEvent[]; operations: OperationRow[] };
}
