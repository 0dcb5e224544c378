import type { BoardEvent } from '../../shared/protocol';
import type { CommandService } from '../services/command-service';
import { type KaskadeServer, OVERVIEW_ROOM } from './socket-types';

/** How long the overview notice waits for more changes, so an import of 500 rows sends one notice. */
const OVERVIEW_DEBOUNCE_MS = 250;

/**
 * Hands changes made outside a board's socket (REST feeds, CSV imports, deviations) to the live boards, and tells
 * open overview pages (the overview room, see overview-room.ts) that statuses may have changed. Bound to
 * Socket.IO once it exists (app.ts builds routes first).
 */
export function createLiveUpdates() {
  let io: KaskadeServer | null = null;
  let publish: ((events: readonly BoardEvent[]) => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const overviewChanged = (): void => {
    if (timer || !io) return;
    timer = setTimeout(() => {
      timer = null;
      io?.to(OVERVIEW_ROOM).emit('overview:changed');
    }, OVERVIEW_DEBOUNCE_MS);
    timer.unref?.();
  };
  return {
    /** `send` tells the boards' rooms of committed events, in commit order (the socket server's outbox). */
    attach(server: KaskadeServer, send: (events: readonly BoardEvent[]) => void): void {
      io = server;
      publish = send;
    },
    /** Sends committed events to every socket in their boards' rooms. */
    broadcast(events: readonly BoardEvent[]): void {
      publish?.(events);
      if (events.some((e) => e.body.type === 'measurement.recorded')) overviewChanged();
    },
    overviewChanged,
    close(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
export type LiveUpdates = ReturnType<typeof createLiveUpdates>;

/** The command service, telling the overview when a measurement recorded on a board's socket was committed. */
export function notifyingCommands(commands: CommandService, live: LiveUpdates): CommandService {
  return {
    ...commands,
    execute: async (name, cmd, actor) => {
      const outcome = await commands.execute(name, cmd, actor);
      if (outcome.ok && !outcome.duplicate && name === 'measurement:record') live.overviewChanged();
      return outcome;
    },
    submit: (name, cmd, actor, done) =>
      commands.submit(name, cmd, actor, (result) => {
        done(result);
        if (result.outcome?.ok && !result.outcome.duplicate && name === 'measurement:record') live.overviewChanged();
      }),
  };
}
