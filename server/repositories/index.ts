import { calendarDate } from '../../shared/domain/periods';
import type { Measurement } from '../../shared/schemas';
import type { Db } from '../db/open-database';
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

/** Every repository over one database: the only place SQL lives. */
function repositoriesOn(db: Db) {
  const indicators = indicatorsRepository(db);
  const unitStatus = unitStatusRepository(db, indicators.currentTarget);
  return {
    accounts: accountsRepository(db),
    apiTokens: apiTokensRepository(db),
    boards: boardsRepository(db),
    cards: cardsRepository(db),
    cascade: cascadeRepository(db),
    columns: columnsRepository(db),
    events: eventsRepository(db),
    indicators: {
      ...indicators,
      // Every door a measurement comes through (board, feed, import) ends here, inside the writer's transaction:
      // the stored statuses commit with it.
      saveMeasurement: (m: Measurement): void => {
        indicators.saveMeasurement(m);
        unitStatus.measurementChanged(m.indicatorId, m.unitId, m.periodStart, calendarDate(new Date(m.recordedAt)));
      },
    },
    indicatorSettings: indicatorSettingsRepository(db),
    initiatives: initiativesRepository(db),
    effectChains: effectChainsRepository(db),
    meetings: meetingsRepository(db),
    orgAdmin: orgAdminRepository(db),
    overview: overviewRepository(db),
    system: systemRepository(db),
    unitStatus,
  };
}
export type Repositories = ReturnType<typeof repositoriesOn>;

// Interim, while the repositories still run better-sqlite3 statements themselves (issue 22 moves them onto the
// Executor): a store or transaction on SQLite is one connection, so its repositories are made once per connection.
const perConnection = new WeakMap<Db, Repositories>();

/**
 * The repositories over a store or an open transaction (`store.transaction(async (tx) => createRepositories(tx))`):
 * inside a transaction, use the transaction's repositories only.
 */
export function createRepositories(source: Db | Executor): Repositories {
  const db = 'prepare' in source ? source : (source as unknown as { db: Db }).db;
  let repos = perConnection.get(db);
  if (!repos) {
    repos = repositoriesOn(db);
    perConnection.set(db, repos);
  }
  return repos;
}
