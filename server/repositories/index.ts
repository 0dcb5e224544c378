import { calendarDate } from '../../shared/domain/periods';
import type { Measurement } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { boardsRepository } from './boards-repository';
import { cardsRepository } from './cards-repository';
import { columnsRepository } from './columns-repository';
import { eventsRepository } from './events-repository';
import { indicatorsRepository } from './indicators-repository';
import { effectChainsRepository, initiativesRepository } from './initiatives-repository';
import { meetingsRepository } from './meetings-repository';
import { unitStatusRepository } from './unit-status-repository';

/** Every repository over one database: the only place SQL lives. */
export function createRepositories(db: Db) {
  const indicators = indicatorsRepository(db);
  const unitStatus = unitStatusRepository(db, indicators.currentTarget);
  return {
    boards: boardsRepository(db),
    cards: cardsRepository(db),
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
    initiatives: initiativesRepository(db),
    effectChains: effectChainsRepository(db),
    meetings: meetingsRepository(db),
    unitStatus,
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
