// `npx tsx bench/move-path-pg.ts`: the server's write path for card moves on PostgreSQL alone (the command
// service's group commit, no sockets, no access checks), in-process on a new database of the machine's PostgreSQL
// holding the bench fixture (dropped after). 4 moves submitted per wave, as the moves bench's batches average; four
// rounds of 240 moves. Prints per round the wall and CPU time per move, and per transaction the time of its
// statements and of its COMMIT (the sync). Used for "Fewer round trips per move" in bench/FINDINGS.md (compare two
// trees by running it in each).
import { randomUUID } from 'node:crypto';
import { createBenchDatabase } from './lib/fixture';
import { createPgBenchDatabase } from './lib/pg-fixture';
import { type Executor, postgresStore } from '../server/store';
import { createPool } from '../server/store/postgres';
import { type CommandResultOrError, createCommandService } from '../server/services/command-service';

const WAVE = 4;
const WAVES = 60;
const bench = await createBenchDatabase();
const pgDb = await createPgBenchDatabase(bench);
const store = postgresStore(createPool(pgDb.url, { max: 10 }));

// Each transaction split in two: its statements (the callback) and its COMMIT (the callback's end to its promise's).
const split = { statements: 0, commit: 0, n: 0 };
const transaction = store.transaction.bind(store);
store.transaction = async <T>(fn: (tx: Executor) => Promise<T>): Promise<T> => {
  const start = performance.now();
  let bodyEnd = start;
  const result = await transaction(async (tx) => {
    const value = await fn(tx);
    bodyEnd = performance.now();
    return value;
  });
  split.statements += bodyEnd - start;
  split.commit += performance.now() - bodyEnd;
  split.n++;
  return result;
};

const commands = createCommandService(store, undefined, (e) => { throw e; });
const { id: boardId, columns, cards } = bench.moveBoard;
let n = 0;
const wave = () => new Promise<void>((resolve) => {
  let left = WAVE;
  for (let k = 0; k < WAVE; k++) {
    n++;
    const cmd = { opId: randomUUID(), boardId, cardId: cards[k]!, toColumnId: columns[n % 2]!, index: 0 };
    commands.submit('card:move', cmd, 'Bench', (r: CommandResultOrError) => {
      if (!r.outcome?.ok) throw new Error(JSON.stringify(r));
      if (--left === 0) resolve();
    });
  }
});

const rounds: string[] = [];
await wave(); // warm-up: connections, statements, caches
for (let round = 0; round < 4; round++) {
  Object.assign(split, { statements: 0, commit: 0, n: 0 });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < WAVES; i++) await wave();
  const cpu = process.cpuUsage(c0);
  const moves = WAVE * WAVES;
  rounds.push(
    `${((performance.now() - t0) / moves).toFixed(2)} ms / ${((cpu.user + cpu.system) / moves).toFixed(0)} µs per move ` +
      `(per transaction: statements ${(split.statements / split.n).toFixed(1)} ms, COMMIT ${(split.commit / split.n).toFixed(1)} ms)`,
  );
}
console.log(`wall / CPU per move, batches of ${WAVE}:\n${rounds.join('\n')}`);
await store.close();
await pgDb.drop();
process.exit(0);
