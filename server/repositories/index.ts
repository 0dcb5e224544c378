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
 * hold no statements of their own (their queries are module-level shapes, compiled once per engine), so making them
 * is cheap enough to do per transaction (`store.transaction(async (tx) => { const repos = createRepositories(tx); … })`).
 * Inside a transaction, use the transaction's repositories only.
 */
export function createRepositories(ex: Executor) {
  const indicators = indicatorsRepository(ex);
  const unitStatus = unitStatusRepository(ex, indicators.currentTarget);
  return {
    accounts: accountsRepository(ex),
    apiTokens: apiTokensRepository(ex),
    boards: boardsRepository(ex),
    cards: cardsRepository(ex),
    cascade: cascadeRepository(ex),
    columns: columnsRepository(ex),
    events: eventsRepository(ex),
    indicators: {
      ...indicators,
      // Every door a measurement comes through (board, feed, import) ends here, inside the writer's transaction:
      // the stored statuses commit with it.
      saveMeasurement: async (m: Measurement): Promise<void> => {
        await indicators.saveMeasurement(m);
        await unitStatus.measurementChanged(m.indicatorId, m.unitId, m.periodStart, calendarDate(new Date(m.recordedAt)));
      },
    },
    indicatorSettings: indicatorSettingsRepository(ex),
    initiatives: initiativesRepository(ex),
    effectChains: effectChainsRepository(ex),
    meetings: meetingsRepository(ex),
    orgAdmin: orgAdminRepository(ex),
    overview: overviewRepository(ex),
    system: systemRepository(ex),
    unitStatus,
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
