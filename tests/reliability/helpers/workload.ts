import { randomCommand, sleep } from './commands';
import type { Rng } from './rng';
import type { SyncClient } from './sync-client';
import type { ReliabilityBoard } from './fixture';

/** What a background workload has seen: every opId sent, and the ones whose ok ack arrived (with its seq). */
export interface WorkloadLog {
  sent: Set<string>;
  acked: Map<string, { at: number; boardId: string; seq: number }>;
  refused: number;
}

/**
 * Clients writing random commands until `stop()` is called: the "while clients write" of the crash and backup
 * tests. Bounded by `maxOps` per client so a stuck stop can never run forever.
 */
export function startWorkload(clients: SyncClient[], boards: ReliabilityBoard[], rng: Rng, maxOps = 10_000) {
  const log: WorkloadLog = { sent: new Set(), acked: new Map(), refused: 0 };
  let running = true;
  const done = Promise.all(
    clients.map(async (client, i) => {
      const own = rng.fork(i + 1000);
      const board = boards.find((b) => b.id === client.options.boardId)!;
      for (let n = 0; n < maxOps && running; n++) {
        const { name, cmd } = randomCommand(own, board, client.replica.state!, `w${i}`);
        const opId = String(cmd.opId);
        log.sent.add(opId);
        const ack = await client.send(name, cmd);
        if (ack.ok) log.acked.set(opId, { at: Date.now(), boardId: board.id, seq: ack.seq });
        else log.refused++;
        await sleep(own.int(5));
      }
    }),
  );
  return {
    log,
    async stop(): Promise<void> {
      running = false;
      await done;
    },
  };
}
