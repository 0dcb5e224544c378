import { calendarDate } from '../../shared/domain/periods';
import type { Measurement } from '../../shared/schemas';
import type { Executor } from '../store';
import { accountsRepository } from './accounts-repository';
import { apiTokensRepository } from './api-tokens-repository';
import { boardsRepository } from './boards-repository';
import { cardsRepository } from './cards-repository';
import { cascadeRepository, indicatorSettingsRepository } from './cascade-repository';
import { columnsRepository } from './columns-repository';
import { eventsRepository } from './events-repository';
import { indicatorsRepository } from './indicators-repository';
import { effectChainsRepository, initiativesRepository } from './initiatives-repository';
import { meetingsRepository } from './meetings-repository';
import { orgAdminRepository } from './org-admin-repository';
import { overviewRepository } from './overview-repository';
import { systemRepository } from './system-repository';
import { unitStatusRepository } from './unit-status-repository';

/**
 * Every repository over one executor (the store, or an open transaction): the only place SQL lives. The repositories
 * hold no state but their executor (their queries are module-level shapes, compiled once per engine), so one set per
 * executor is enough: `createRepositories(tx)` inside a transaction hands out the set already made for that executor
 * (SQLite's transaction executor is one object for the life of the store), and a set is made lazily, each repository
 * on first use (a PostgreSQL transaction is a new executor each time, and a move uses four of the seventeen). Making
 * all seventeen per group commit was ~8 % of the server's CPU on the move path (bench/FINDINGS.md, "The move path on
 * the async store"). Inside a transaction, use the transaction's repositories only.
 */
/**
 * The repositories whose statements read or write the event log (the `events` and `operations` tables). A group
 * commit that holds its log rows back writes them before any call to one of these (services/command-batch.ts);
 * log-repositories.test.ts checks that no other repository touches those tables.
 */
export const LOG_REPOSITORIES = ['events', 'meetings', 'orgAdmin'] as const satisfies readonly (keyof Repositories)[];

export function createRepositories(ex: Executor): Repositories {
  let repos = made.get(ex);
  if (!repos) made.set(ex, (repos = repositoriesOver(ex)));
  return repos;
}
const made = new WeakMap<Executor, Repositories>();

/** The value `make` returns, made on the first call only. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function repositoriesOver(ex: Executor) {
  const indicators = once(() => indicatorsRepository(ex));
  const unitStatus = once(() => unitStatusRepository(ex, indicators().currentTarget));
  const indicatorsWithStatus = once(() => ({
    ...indicators(),
    // Every door a measurement comes through (board, feed, import) ends here, inside the writer's transaction:
    // the stored statuses commit with it.
    saveMeasurement: async (m: Measurement): Promise<void> => {
      await indicators().saveMeasurement(m);
      await unitStatus().measurementChanged(m.indicatorId, m.unitId, m.periodStart, calendarDate(new Date(m.recordedAt)));
    },
  }));
  const accounts = once(() => accountsRepository(ex));
  const apiTokens = once(() => apiTokensRepository(ex));
  const boards = once(() => boardsRepository(ex));
  const cards = once(() => cardsRepository(ex));
  const cascade = once(() => cascadeRepository(ex));
  const columns = once(() => columnsRepository(ex));
  const events = once(() => eventsRepository(ex));
  const indicatorSettings = once(() => indicatorSettingsRepository(ex));
  const initiatives = once(() => initiativesRepository(ex));
  const effectChains = once(() => effectChainsRepository(ex));
  const meetings = once(() => meetingsRepository(ex));
  const orgAdmin = once(() => orgAdminRepository(ex));
  const overview = once(() => overviewRepository(ex));
  const system = once(() => systemRepository(ex));
  return {
    get accounts() { return accounts(); },
    get apiTokens() { return apiTokens(); },
    get boards() { return boards(); },
    get cards() { return cards(); },
    get cascade() { return cascade(); },
    get columns() { return columns(); },
    get events() { return events(); },
    get indicators() { return indicatorsWithStatus(); },
    get indicatorSettings() { return indicatorSettings(); },
    get initiatives() { return initiatives(); },
    get effectChains() { return effectChains(); },
    get meetings() { return meetings(); },
    get orgAdmin() { return orgAdmin(); },
    get overview() { return overview(); },
    get system() { return system(); },
    get unitStatus() { return unitStatus(); },
  };
}
export type Repositories = ReturnType<typeof repositoriesOver>;
