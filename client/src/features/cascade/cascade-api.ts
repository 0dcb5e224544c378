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
import type { ErrorIssue } from '../../../../shared/protocol';

/** A failed cascade request: status, the server's message, and its per-field issues when it sent them. */
export class CascadeRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'CascadeRequestError';
  }
}

// Cookie-authenticated writes prove they come from this page (the server's CSRF check).
const WRITE_HEADERS = { 'content-type': 'application/json', 'x-kaskade-csrf': '1' };

async function request(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init?.headers } });
  if (response.status === 204) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { message?: string; issues?: ErrorIssue[] } } | null)?.error;
    throw new CascadeRequestError(error?.message ?? response.statusText, response.status, error?.issues ?? []);
  }
  return body;
}

const write = (method: string, url: string, body: unknown) =>
  request(url, { method, headers: WRITE_HEADERS, body: JSON.stringify(body) });

/** The cascade's REST calls; responses are parsed with the shared schemas. */
export const cascadeApi = {
  statusReport: async (unit: string, from: string, to: string) =>
    StatusReport.parse(await request(`/api/reports/status?${new URLSearchParams({ unit, from, to }).toString()}`)),
  /** The heat-map's top rows, or a unit's children (`parent`), a page at a time (`cursor`). */
  overview: async (query: { parent?: string; cursor?: string } = {}) =>
    OverviewPage.parse(await request(`/api/overview?${new URLSearchParams(query).toString()}`)),
  goals: async () => GoalListResponse.parse(await request('/api/goals')),
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
    BusinessCase.array().parse(await request(`/api/business-cases?${new URLSearchParams(query).toString()}`)),
  effectChains: async (query: { goal: string } | { indicator: string; unit: string } | Record<string, never> = {}) =>
    EffectChain.array().parse(await request(`/api/effect-chains?${new URLSearchParams(query).toString()}`)),
  saveEffectChain: (goalId: string, chain: EffectChainInput) => write('PUT', `/api/goals/${encodeURIComponent(goalId)}/effect-chain`, chain),
  indicator: async (id: string, unitId: string) =>
    IndicatorPageResponse.parse(await request(`/api/indicators/${encodeURIComponent(id)}?unit=${encodeURIComponent(unitId)}`)),
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
    const response = await fetch(`/api/imports/measurements?unit=${encodeURIComponent(unitId)}&apply=${apply}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/csv', 'x-kaskade-csrf': '1', accept: 'application/json' },
      body: text,
    });
    const body: unknown = await response.json().catch(() => null);
    const parsed = ImportResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    const error = (body as { error?: { message?: string } } | null)?.error;
    throw new CascadeRequestError(error?.message ?? response.statusText, response.status);
  },
};
export type CascadeApi = typeof cascadeApi;
