import type { Db } from '../db/open-database';
import { boardsRepository } from './boards-repository';
import { cardsRepository } from './cards-repository';
import { columnsRepository } from './columns-repository';
import { eventsRepository } from './events-repository';
import { indicatorsRepository } from './indicators-repository';
import { effectChainsRepository, initiativesRepository } from './initiatives-repository';
import { meetingsRepository } from './meetings-repository';

/** Every repository over one database: the only place SQL lives. */
export function createRepositories(db: Db) {
  return {
    boards: boardsRepository(db),
    cards: cardsRepository(db),
    columns: columnsRepository(db),
    events: eventsRepository(db),
    indicators: indicatorsRepository(db),
    initiatives: initiativesRepository(db),
    effectChains: effectChainsRepository(db),
    meetings: meetingsRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
