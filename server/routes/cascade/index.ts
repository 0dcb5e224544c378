import type { FastifyInstance } from 'fastify';
import { createRepositories } from '../../repositories';
import type { Store } from '../../store';
import type { UnitAccessPolicy } from '../../services/access-policy';
import { createApiTokens } from '../../services/cascade/api-tokens';
import { type BusinessCases, createBusinessCases } from '../../services/cascade/business-cases';
import { createCascadeService } from '../../services/cascade/cascade-service';
import { createOverviewService } from '../../services/cascade/overview-service';
import type { LiveUpdates } from '../../realtime/live-updates';
import { createMeasurementWriter } from '../../services/cascade/measurement-writer';
import type { Clock } from '../../services/command-service';
import { businessCaseRoutes } from './business-case-routes';
import { feedRoutes } from './feed-routes';
import { goalsRoutes } from './goals-routes';
import { indicatorRoutes } from './indicator-routes';
import { reportRoutes } from './report-routes';
import { createReadPool } from '../../workers/read-pool';
import { createStatusSweep } from '../../services/cascade/status-sweep';

export interface CascadeDeps {
  store: Store;
  access: UnitAccessPolicy;
  clock: Clock;
  updates: LiveUpdates;
  /** Business cases, shared with the command service (a measurement moves their progress on the boards). */
  cases?: BusinessCases;
}

/** The cascade's REST routes: overview, goals, business cases, effect chains, indicator pages, reports, feeds, CSV, tokens. */
export async function registerCascadeRoutes(app: FastifyInstance, deps: CascadeDeps): Promise<void> {
  const cascade = createCascadeService(deps.store, deps.clock);
  const reads = createReadPool(deps.store);
  // The start page's pages get a thread of their own: each takes milliseconds, and in the shared pool they would
  // wait behind a region's report or export (a tenth of a second or more) for every viewer on the page.
  const overviewReads = createReadPool(deps.store, { threads: 1 });
  app.addHook('onClose', () => Promise.all([reads.close(), overviewReads.close()]).then(() => undefined));
  const sweep = createStatusSweep(() => createRepositories(deps.store).unitStatus, deps.clock, deps.updates.overviewChanged);
  sweep.start();
  app.addHook('onClose', async () => sweep.stop());
  const cases = deps.cases ?? createBusinessCases(deps.store, deps.clock);
  await app.register(goalsRoutes, { cascade, overview: createOverviewService(deps.store), sweep, reads: overviewReads, cases, access: deps.access });
  await app.register(businessCaseRoutes, { cascade, cases, access: deps.access, live: deps.updates });
  await app.register(reportRoutes, { reads, clock: deps.clock, cascade, access: deps.access });
  await app.register(indicatorRoutes, { cascade, access: deps.access, live: deps.updates, store: deps.store, reads, clock: deps.clock });
  await app.register(feedRoutes, {
    cascade,
    access: deps.access,
    tokens: createApiTokens(deps.store, deps.clock),
    writer: createMeasurementWriter(deps.store, cases.measured),
    live: deps.updates,
    store: deps.store,
    clock: deps.clock,
    reads,
  });
}
