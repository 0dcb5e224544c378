import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppInstances, startAppInstances } from '../../support/app-instances';
import { BalancedClient } from './balanced-client';
import { type PostgresOrganisation, createPostgresOrganisation } from './organisation';

export interface Cluster {
  org: PostgresOrganisation;
  app: AppInstances;
  clients: BalancedClient[];
  /** Instances the balancer still sends clients to. */
  alive: Set<number>;
  close(): Promise<void>;
}

/**
 * `instances` Kaskade processes on the PostgreSQL database at `url` (organisation written first), and `clients`
 * board clients spread over them (client i starts on instance i mod n, on board i mod boards). After a lost
 * connection a client goes to the next live instance, as a balancer without sticky sessions would send it.
 */
export async function startCluster(url: string, options: { instances: number; boards: number; clients: number; redisUrl?: string; env?: NodeJS.ProcessEnv }): Promise<Cluster> {
  const names = Array.from({ length: options.clients }, (_, i) => `Klient ${i}`);
  const org = await createPostgresOrganisation(url, options.boards, names);
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-multi-'));
  let app: AppInstances;
  try {
    app = await startAppInstances(options.instances, {
      databasePath: join(dir, 'unused.db'), // every instance is on PostgreSQL; sessions come from the organisation
      databaseUrl: url,
      ...(options.redisUrl && { redisUrl: options.redisUrl }),
      env: { LOG_LEVEL: 'warn', ...options.env },
      together: true, // migrated with the organisation: no instance has to wait for another's migrations
    });
  } catch (err) {
    await org.store.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const alive = new Set(app.instances.map((_, i) => i));
  let turn = 0;
  const clients = names.map((name, i) => {
    let first = true;
    const pickInstance = (): string => {
      const live = [...alive];
      const at = first ? i % options.instances : live[turn++ % live.length]!;
      first = false;
      return app.instances[at]!.url;
    };
    return new BalancedClient({ name, boardId: org.boards[i % options.boards]!.id, token: org.tokens.get(name)!, pickInstance });
  });
  await Promise.all(clients.map((c) => c.waitFor(() => c.joined, 30_000, 'first join')));
  return {
    org,
    app,
    clients,
    alive,
    async close() {
      clients.forEach((c) => c.close());
      await app.stop();
      await org.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The instance a client's connection goes to now. */
export const instanceOf = (cluster: Cluster, client: BalancedClient): number => cluster.app.instances.findIndex((s) => s.url === client.url);
