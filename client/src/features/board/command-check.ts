import { COMMANDS, toIssues, type ApiError } from '../../../../shared/protocol';
import type { AnyCommand } from './optimistic';

/**
 * A command checked against its shared schema, as the server will check it: null when it is valid. This module
 * brings zod and every command schema with it, so the app loads it on the first command (see command-checker).
 */
export function checkCommand(command: AnyCommand): ApiError | null {
  const parsed = COMMANDS[command.name].safeParse(command.cmd);
  if (parsed.success) return null;
  return { code: 'VALIDATION_FAILED', message: parsed.error.message, issues: toIssues(parsed.error) };
}
