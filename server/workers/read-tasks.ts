import { IndicatorPageResponse } from '../../shared/cascade';
import { StatusReport } from '../../shared/maalstyring';
import { OverviewPage } from '../../shared/overview';
import { createOverviewService } from '../services/cascade/overview-service';
import { writeCsv } from '../services/csv';
import type { Store } from '../store';
import { createCascadeService } from '../services/cascade/cascade-service';
import { createBusinessCases } from '../services/cascade/business-cases';
import { createStatusReports } from '../services/cascade/status-report';
import { type AnswerEncoding, type ReadAnswer, encodeAnswer } from './read-answer';

/**
 * Reads that touch many rows (reports, exports, indicator pages with roll-ups): plain functions of a database and
 * the request's time, run in a worker thread on a read-only connection (read-pool.ts) or in-process where no
 * worker can open the database (an in-memory one).
 */
export type ReadTask =
  | { kind: 'status-report'; unit: string; from: string; to: string; now: string }
  | { kind: 'measurements-csv'; indicatorId: string; unitId: string; now: string }
  | { kind: 'status-csv'; unitId: string; now: string }
  | { kind: 'indicator-page'; indicatorId: string; unitId: string; now: string }
  | { kind: 'overview'; userId: string; parent?: string | undefined; cursor?: string | undefined; limit: number; now: string };

/** Why a task answered nothing to send: the route turns each into its error. */
export type ReadRefusal = { refusal: 'not-found' | 'forbidden' | 'bad-cursor' };

/** What a read worker opens (the main thread passes it as workerData): never a connection, only where to find one. */
export type ReadWorkerData = { engine: 'sqlite'; databasePath: string } | { engine: 'postgres'; databaseUrl: string };

export function createReadTasks(store: Store) {
  // The request's time, so a report judges targets as of the moment it was asked for, in whichever thread.
  let now = new Date();
  const clock = { now: () => now };
  const cascade = createCascadeService(store, clock);
  const reports = createStatusReports(store, cascade, createBusinessCases(store, clock));
  const overview = createOverviewService(store);

  const run = async (task: ReadTask): Promise<string | null | ReadRefusal> => {
    now = new Date(task.now);
    switch (task.kind) {
      // Checked against the response schema and serialised here, so the main thread only sends the text.
      case 'status-report': {
        const report = await reports.build(task.unit, task.from, task.to);
        return report ? JSON.stringify(StatusReport.parse(report)) : null;
      }
      // The start page: cheap per page (stored statuses), yet asked for by everyone on it at once.
      case 'overview': {
        const outcome = await overview.page({ kind: 'person', userId: task.userId }, { parent: task.parent, cursor: task.cursor, limit: task.limit });
        return typeof outcome === 'string' ? { refusal: outcome } : JSON.stringify(OverviewPage.parse(outcome));
      }
      case 'indicator-page': {
        const page = await cascade.indicatorPage(task.indicatorId, task.unitId);
        return page ? JSON.stringify(IndicatorPageResponse.parse(page)) : null;
      }
      case 'measurements-csv': {
        const page = await cascade.indicatorPage(task.indicatorId, task.unitId);
        if (!page) return null;
        return writeCsv(
          ['indicator', 'unit', 'period', 'value', 'numerator', 'denominator', 'respondents', 'note', 'recorded_at', 'recorded_by'],
          page.measurements.map((m) => [m.indicatorId, m.unitId, m.periodStart, m.value, m.numerator, m.denominator, m.respondents, m.note, m.recordedAt, m.recordedBy]),
        );
      }
      case 'status-csv': {
        if (!(await cascade.boardOfUnit(task.unitId))) return null;
        const rows = await cascade.statusTable(task.unitId);
        return writeCsv(
          ['indicator', 'name', 'period', 'value', 'target', 'low', 'high', 'tolerance', 'status'],
          rows.map((r) => [r.indicatorId, r.name, r.periodStart, r.value, r.target, r.low, r.high, r.tolerance, r.status]),
        );
      }
    }
  };
  return {
    run,
    /** The task's text answer encoded for the client (null: nothing to answer, the route's 404). */
    answer: async (task: ReadTask, encoding: AnswerEncoding | null): Promise<ReadAnswer | ReadRefusal | null> => {
      const text = await run(task);
      return typeof text === 'string' ? encodeAnswer(text, encoding) : text;
    },
  };
}
export type ReadTasks = ReturnType<typeof createReadTasks>;
