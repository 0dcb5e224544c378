import { isDeepStrictEqual } from 'node:util';
import { type GeneratedCommand, randomCommand, sleep } from '../../reliability/helpers/commands';
import type { ReliabilityBoard } from '../../reliability/helpers/fixture';
import type { Rng } from '../../reliability/helpers/rng';
import { normalise } from '../../reliability/helpers/board-state';
import type { BalancedClient } from './balanced-client';
import { type PostgresOrganisation, ackedProblems, postgresBoardState, postgresSeqProblems } from './organisation';

export interface MultiWorkloadLog {
  /** Ok acks by opId: the board and the seqs the ack reported for it. */
  acked: Map<string, { boardId: string; seqs: number[]; at: number; client: number; command: GeneratedCommand }>;
  /** Refusals by error code, with when each came. */
  refused: { code: string; at: number }[];
  duplicates: number;
  /**
   * Commands answered UNAVAILABLE (the database away), kept and sent again with the same opId as the browser's sync
   * engine does, by opId: their final answer's code ('ok' when acknowledged) once they have one.
   */
  kept: Map<string, { final?: string; duplicate?: boolean }>;
}

/**
 * Every client sends random commands (create, edit, move, archive, measure: tests/reliability/helpers/commands.ts)
 * with short random pauses until `stop()` or `opsPerClient`; each waits for the answer to one command before
 * sending the next, as a person does. A command answered UNAVAILABLE is sent again (the same opId) until it has
 * another answer, as the browser's sync engine does; the loop stops only between commands.
 */
export function startMultiWorkload(clients: BalancedClient[], boards: ReliabilityBoard[], rng: Rng, opsPerClient: number) {
  const log: MultiWorkloadLog = { acked: new Map(), refused: [], duplicates: 0, kept: new Map() };
  let running = true;
  const done = Promise.all(
    clients.map(async (client, i) => {
      const own = rng.fork(i);
      const board = boards.find((b) => b.id === client.options.boardId)!;
      for (let n = 0; n < opsPerClient && running; n++) {
        await sleep(own.int(20));
        const command = randomCommand(own, board, client.replica.state!, `m${i}`);
        const { name, cmd } = command;
        let ack = await client.send(name, cmd);
        while (!ack.ok && ack.error.code === 'UNAVAILABLE') {
          log.refused.push({ code: ack.error.code, at: Date.now() });
          log.kept.set(String(cmd.opId), {});
          await sleep(200 + own.int(300));
          ack = await client.send(name, cmd);
        }
        const kept = log.kept.get(String(cmd.opId));
        if (kept) Object.assign(kept, { final: ack.ok ? 'ok' : ack.error.code, duplicate: ack.ok && ack.duplicate === true });
        if (ack.ok) {
          if (ack.duplicate) log.duplicates++;
          log.acked.set(String(cmd.opId), { boardId: board.id, seqs: ack.data.events.filter((e) => e.boardId === board.id).map((e) => e.seq), at: Date.now(), client: i, command });
        } else log.refused.push({ code: ack.error.code, at: Date.now() });
      }
    }),
  );
  return {
    log,
    done,
    async stop(): Promise<void> {
      running = false;
      await done;
    },
  };
}

/**
 * After the writes: every client's replica reaches its board's seq in the database (generous time: two loaded
 * cores), then equals the database's board exactly; every board's log is gapless; every ack is in the log once.
 * Answers the number of replicas that differ (the assertions say which) and the problems found.
 */
export async function convergenceProblems(org: PostgresOrganisation, clients: BalancedClient[], log: MultiWorkloadLog, timeoutMs = 60_000): Promise<{ divergences: number; problems: string[] }> {
  const problems: string[] = [];
  const heads = new Map<string, number>();
  for (const b of org.boards) heads.set(b.id, (await org.store.pool.query<{ seq: number }>('SELECT seq FROM boards WHERE id = $1', [b.id])).rows[0]!.seq);
  const deadline = Date.now() + timeoutMs;
  for (const client of clients) {
    const expected = heads.get(client.options.boardId)!;
    await client
      .waitFor(() => client.joined && client.replica.seq >= expected && !client.replica.hasGap() && client.pendingCount() === 0, Math.max(0, deadline - Date.now()), `seq ${expected}`)
      .catch((err: Error) => problems.push(`${err.message} (at seq ${client.replica.seq})`));
  }
  let divergences = 0;
  for (const client of clients) {
    const server = await postgresBoardState(org.store, client.options.boardId);
    const local = client.replica.state ? normalise(client.replica.state) : null;
    if (!isDeepStrictEqual(local, server)) {
      divergences++;
      problems.push(`${client.options.name} on ${client.options.boardId} diverged: replica seq ${local?.seq}, database seq ${server.seq}`);
    }
  }
  problems.push(...(await postgresSeqProblems(org.store)), ...(await ackedProblems(org.store, log.acked)));
  return { divergences, problems };
}
