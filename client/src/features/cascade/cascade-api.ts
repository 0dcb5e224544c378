import { OverviewPage } from '../../../../shared/overview';
import {
  type GoalInput,
  type InitiativeInput,
  type InitiativePatch,
  GoalListResponse,
  Initiative,
  type ImportResponse,
  ImportResponse as ImportResponseSchema,
  IndicatorPageResponse,
} from '../../../../shared/cascade';
import { BusinessCase, EffectChain, type EffectChainInput, StatusReport } from '../../../../shared/maalstyring';
import { ApiRequestError, getJson, request } from '../../lib/http';

/** A failed cascade request is the client's one request error (status, code, message, issues). */
export { ApiRequestError as CascadeRequestError };

const write = (method: string, url: string, body: unknown) => request(method, url, { body });

/** The cascade's REST calls; responses are parsed with the shared schemas. */
export const cascadeApi = {
  statusReport: async (unit: string, from: string, to: string) =>
    StatusReport.parse(await getJson(`/api/reports/status?${new URLSearchParams({ unit, from, to }).toString()}`)),
  /** The heat-map's top rows, or a unit's children (`parent`), a page at a time (`cursor`). */
  overview: async (query: { parent?: string; cursor?: string } = {}) =>
    OverviewPage.parse(await getJson(`/api/overview?${new URLSearchParams(query).toString()}`)),
  goals: async () => GoalListResponse.parse(await getJson('/api/goals')),
  createGoal: (goal: GoalInput) => write('POST', '/api/goals', goal),
  updateGoal: (id: string, changes: Partial<GoalInput>) => write('PATCH', `/api/goals/${encodeURIComponent(id)}`, changes),
  addInitiative: (goalId: string, initiative: InitiativeInput) =>
    write('POST', `/api/goals/${encodeURIComponent(goalId)}/initiatives`, initiative),
  setInitiativeDone: (id: string, done: boolean) => write('PATCH', `/api/initiatives/${encodeURIComponent(id)}`, { done }),
  updateInitiative: async (id: string, changes: InitiativePatch) =>
    Initiative.parse(await write('PATCH', `/api/initiatives/${encodeURIComponent(id)}`, changes)),
  closeInitiative: async (id: string, conclusion: string) =>
    Initiative.parse(await write('POST', `/api/initiatives/${encodeURIComponent(id)}/close`, { conclusion })),
  businessCases: async (query: { goal: string } | { board: string } | Record<string, never> = {}) =>
    BusinessCase.array().parse(await getJson(`/api/business-cases?${new URLSearchParams(query).toString()}`)),
  effectChains: async (query: { goal: string } | { indicator: string; unit: string } | Record<string, never> = {}) =>
    EffectChain.array().parse(await getJson(`/api/effect-chains?${new URLSearchParams(query).toString()}`)),
  saveEffectChain: (goalId: string, chain: EffectChainInput) => write('PUT', `/api/goals/${encodeURIComponent(goalId)}/effect-chain`, chain),
  indicator: async (id: string, unitId: string) =>
    IndicatorPageResponse.parse(await getJson(`/api/indicators/${encodeURIComponent(id)}?unit=${encodeURIComponent(unitId)}`)),
  recordMeasurement: (id: string, m: { unitId: string; periodStart: string; value: number; respondents: number | null; note: string }) =>
    write('PUT', `/api/indicators/${encodeURIComponent(id)}/measurements`, { measurements: [m] }),
  setTarget: (id: string, t: { unitId: string; target: number | null; low: number | null; high: number | null; tolerance: number }) =>
    write('PUT', `/api/indicators/${encodeURIComponent(id)}/target`, t),
  setSettings: (id: string, s: { mandatory: boolean; rollup: 'sum' | 'mean' | 'weighted' | null }) =>
    write('PUT', `/api/indicators/${encodeURIComponent(id)}/settings`, s),
  setBaseline: (id: string, unitId: string, baselineTo: string | null) =>
    write('PUT', `/api/indicators/${encodeURIComponent(id)}/baseline`, { unitId, baselineTo }),
  recordDeviation: (id: string, d: { unitId: string; periodStart: string; cause: string; action: string; ownerName: string; dueDate: string | null }) =>
    write('POST', `/api/indicators/${encodeURIComponent(id)}/deviations`, d),
  importCsv: async (unitId: string, text: string, apply: boolean): Promise<ImportResponse> => {
    // A refused import (400) answers with the rows' problems in the import's own shape, not as an error.
    const path = `/api/imports/measurements?unit=${encodeURIComponent(unitId)}&apply=${apply}`;
    const body = await request('POST', path, { text: { body: text, contentType: 'text/csv' } }).catch((err: unknown) => {
      if (err instanceof ApiRequestError && err.status === 400 && err.code === null) return err.body;
      throw err;
    });
    const parsed = ImportResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new ApiRequestError('The server answered the import in an unexpected shape.', 200, null);
  },
};
export type CascadeApi = typeof cascadeApi;
