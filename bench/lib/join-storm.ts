import { join } from 'node:path';
import { benchCredentials } from './auth';
import { createRegionDatabase } from './join-storm-fixture';
import { CORES, type Spawned, spawnNode } from './procs';
import { type Entry, entry, interleave, median } from './stats';

const here = import.meta.dirname;
const KASKADE = join(here, '..', 'servers', 'kaskade-server.ts');
const BARE = join(here, '..', 'servers', 'join-storm-bare.ts');
const LOAD = join(here, '..', 'load', 'join-storm.ts');

/** Sockets and boards of the storm (issue 21): a region's wall screens over its boards (sockets overridable for a trial). */
export const JOIN_STORM = { sockets: Number(process.env.JOIN_STORM_SOCKETS ?? 3000), units: 590 } as const;

/**
 * `join_storm_ratio`: a freshly started server (as after a deploy: no snapshot shared yet) and 3,000 sockets that
 * connect at once and each join one of ~600 boards; the time until every one has its board's state, against a bare
 * Socket.IO server on the same database answering each join with a snapshot it loaded before the storm. A fresh
 * server of each kind per repetition, A B A B …; the storm is timed from the first connect to the last ack.
 */
export async function joinStormBench(reps: number): Promise<Entry[]> {
  const region = await createRegionDatabase(JOIN_STORM.units);
  const load = spawnNode(LOAD, { core: CORES.load, nodeArgs: ['--max-old-space-size=4096'] });
  try {
    await load.next('ready', 60_000);
    const { token } = await benchCredentials(region.path);
    const storm = async (script: string, withToken: boolean): Promise<{ ms: number; retries: number }> => {
      const server: Spawned = spawnNode(script, { core: CORES.server, env: { DATABASE_PATH: region.path } });
      try {
        const { url } = await server.next<{ url: string }>('ready', 120_000);
        return await load.request<{ ms: number; retries: number }>(
          { type: 'storm', url, token: withToken ? token : '', sockets: JOIN_STORM.sockets, boards: region.boards },
          600_000,
        );
      } finally {
        await server.stop();
      }
    };
    const kaskade = () => storm(KASKADE, true);
    const bare = () => storm(BARE, false);
    const { a, b } = await interleave(reps, kaskade, bare);
    const retries = a.reduce((n, r) => n + r.retries, 0);
    const note = `${JOIN_STORM.sockets} sockets over ${region.boards.length} boards; Kaskade ${a.map((r) => Math.round(r.ms)).join('/')} ms, bare ${b.map((r) => Math.round(r.ms)).join('/')} ms; ${retries} reconnects`;
    return [entry('join_storm_ratio', median(a.map((r) => r.ms)), median(b.map((r) => r.ms)), 'ms', { maxRatio: 2 }, note)];
  } finally {
    await load.stop();
    region.cleanup();
  }
}
