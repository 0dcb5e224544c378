// `npx tsx bench/move-path-cpu.ts`: the server's CPU per card move on its write path alone (access check, group
// commit through the command service on the async store, the ack's encoding), in-process on a copy of the bench
// database with synchronous=OFF, so no sync and no socket blurs it. 8 moves submitted per turn, as the moves bench's
// 8 senders do; five rounds of 4,800 moves after a warm-up. Prints CPU/wall µs per move per round and the median.
// Used for "The move path on the async store" in bench/FINDINGS.md (compare two trees by running it on each).
import { createBenchDatabase } from './lib/fixture';
import { openDatabase } from '../server/db/open-database';
import { sqliteStore } from '../server/store';
import { createCommandService } from '../server/services/command-service';
import { createRoleAccess } from '../server/services/access-policy';
import { accountsRepository } from '../server/repositories/accounts-repository';
import { randomUUID } from 'node:crypto';
import { createTestSession } from '../tests/helpers/auth';

const bench = await createBenchDatabase();
const { actor } = createTestSession(bench.path, 'Bench');
const db = openDatabase(bench.path);
db.pragma('synchronous = OFF');
const store = sqliteStore(db);
const commands = createCommandService(store, undefined, (e) => { throw e; });
const access = createRoleAccess(accountsRepository(store));
const { id: boardId, columns, cards } = bench.moveBoard;
let n = 0;
const wave = (size: number) => new Promise<void>((resolve) => {
  let left = size;
  for (let k = 0; k < size; k++) {
    n++;
    const cmd = { opId: randomUUID(), boardId, cardId: cards[k]!, toColumnId: columns[n % 2]!, index: 0 };
    const allowed = Promise.resolve(access.can(actor, 'write', boardId)).then((may) => (may ? undefined : { code: 'FORBIDDEN', message: 'no' } as const));
    commands.submit('card:move', cmd, actor, (r) => {
      if (!r.outcome?.ok) throw new Error(JSON.stringify(r));
      // what the socket layer encodes per ack
      JSON.stringify(r.outcome.events);
      if (--left === 0) resolve();
    }, allowed);
  }
});
const run = async (waves: number) => {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < waves; i++) await wave(8);
  const c = process.cpuUsage(c0);
  return { usPerMove: (c.user + c.system) / (waves * 8), wallUsPerMove: ((performance.now() - t0) * 1000) / (waves * 8) };
};
await run(300);
const out = [];
for (let r = 0; r < 5; r++) out.push(await run(600));
console.log(out.map((o) => `${o.usPerMove.toFixed(0)}/${o.wallUsPerMove.toFixed(0)}`).join(' '), 'cpu/wall µs per move; median cpu', out.map((o) => o.usPerMove).sort((a, b) => a - b)[2]!.toFixed(0));
db.close();
bench.cleanup();
