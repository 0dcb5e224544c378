import type { ApiError } from '../../../../shared/protocol';
import type { AnyCommand } from './optimistic';

export type CommandCheck = (command: AnyCommand) => ApiError | null;

/** The client's check of outgoing commands, which may not be loaded yet. */
export interface CommandChecker {
  /** The check if it is loaded, else null. */
  ready(): CommandCheck | null;
  /** Loads it once; null if it could not be loaded (the server checks every command anyway). */
  load(): Promise<CommandCheck | null>;
}

/**
 * Loads the check on first use instead of with the board page: it needs zod and every command schema, a quarter
 * of the page's JavaScript, and a board can be watched for hours without a single change.
 */
export function lazyCommandChecker(
  importCheck: () => Promise<CommandCheck> = () => import('./command-check').then((m) => m.checkCommand),
): CommandChecker {
  let check: CommandCheck | null = null;
  let loading: Promise<CommandCheck | null> | null = null;
  const failed = () => {
    loading = null; // try again on the next command (the network may be back)
    return null;
  };
  return {
    ready: () => check,
    load: () => (loading ??= importCheck().then((loaded) => (check = loaded), failed)),
  };
}

/** A check that is there from the start (tests, which need commands to go out synchronously). */
export const loadedCommandChecker = (check: CommandCheck): CommandChecker => ({
  ready: () => check,
  load: () => Promise.resolve(check),
});
