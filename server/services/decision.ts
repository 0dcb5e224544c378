import type { ApiError, BoardEventBody, CommandName, ErrorCode, ErrorIssue } from '../../shared/protocol';
import type { Repositories } from '../repositories';

/** One change and the boards whose logs record it (a measurement is shown on every board of its unit). */
export interface Effect {
  body: BoardEventBody;
  boardIds: string[];
}

/** What the rules decide for a command: the effects to commit, or why nothing may change. */
export type Decision = { ok: true; effects: Effect[] } | { ok: false; error: ApiError };

export const accept = (...effects: Effect[]): Decision => ({ ok: true, effects });

export const reject = (code: ErrorCode, message: string, issues?: ErrorIssue[]): Decision => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export interface CommandContext {
  actor: string;
  /** ISO timestamp of this command, one clock reading for all its effects. */
  now: string;
  /** Today's date (YYYY-MM-DD) on the server. */
  today: string;
}

/** Reads the state a command touches (in the command's transaction), then asks the pure rules what to do with it. */
export type CommandRunner<C> = (command: C, repos: Repositories, ctx: CommandContext) => Promise<Decision>;

export type { CommandName };
