import type { ApiError } from '../../../../shared/protocol';
import type { AnyCommand } from './optimistic';

export type LoadState = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';

/** `connecting` covers both "no socket yet" and "socket up, join not yet answered". */
export type ConnectionState = 'connecting' | 'online' | 'offline';

/** A command applied optimistically and not yet reflected in the server-confirmed state. */
export interface PendingOp {
  opId: string;
  command: AnyCommand;
  /** When it was issued (ISO). */
  at: string;
  /** Set once the server accepted it: the seq its last event has. It stays in the view until that seq is applied. */
  ackedSeq: number | null;
}

/** A message for the user; the text is made at render time so it follows the language switch. */
export interface Notice {
  id: string;
  kind: 'refused';
  error: ApiError;
}
