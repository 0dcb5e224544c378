import { type GeneratedCommand, randomCommand, sleep } from './commands';
import type { Rng } from './rng';
import { LostCommand, type SyncClient } from './sync-client';
import type { ReliabilityBoard } from './fixture';

/** What a background workload has seen: every opId sent, and the ones whose ok ack arrived (with its seq). */
export interface WorkloadLog {
  /** Every command sent, by opId (so an unanswered one can be retried after a crash). */
  sent: Map<string, GeneratedCommand>;
  /** Ok acks: when, and the seqs of the events the ack reported on the command's board. */
  acked: Map<string, { at: number; boardId: string; seq: number; seqs: number[] }>;
  refused: number;
}

/**
 * Clients writing random commands until `stop()` is called: the "while clients write" of the crash and backup
 * tests. Bounded by `maxOps` per client so a stuck stop can never run forever.
 */
export function startWorkload(clients: SyncClient[], boards: ReliabilityBoard[], rng: Rng, maxOps = 10_000) {
  const log: WorkloadLog = { sent: new Map(), acked: new Map(), refused: 0 };
  let running = true;
  const done = Promise.all(
    clients.map(async (client, i) => {
      const own = rng.fork(i + 1000);
      const board = boards.find((b) => b.id === client.options.boardId)!;
      for (let n = 0; n < maxOps && running; n++) {
        const command = randomCommand(own, board, client.replica.state!, `w${i}`);
        const opId = String(command.cmd.opId);
        log.sent.set(opId, command);
        const ack = await client.send(command.name, command.cmd).catch((err: unknown) => {
          if (err instanceof LostCommand) return null; // its server was killed: outcome unknown until restart
          throw err;
        });
        if (ack === null) break;
        if (ack.ok) {
          const seqs = ack.data.events.filter((e) => e.boardId === board.id).map((e) => e.seq);
          log.acked.set(opId, { at: Date.now(), boardId: board.id, seq: ack.seq, seqs });
        } else log.refused++;
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
