import type { Generated } from 'kysely';

/**
 * The schema as Kysely sees it, written by hand from migrations/ (SQLite) and migrations/postgres/ (the same
 * tables): one definition the queries of both engines are typed against. When a migration adds or changes a
 * column, change it here in the same commit; the schema-parity test checks that both engines' migrations agree,
 * `tests/integration/store-schema.test.ts` that this file names every table and column they create.
 *
 * Conventions both engines share, so one row type serves both: times are ISO 8601 UTC text, dates YYYY-MM-DD text,
 * flags are integers 0/1 (SQLite has no boolean), JSON is text. PostgreSQL's BIGINT columns (seq, counters,
 * generated ids) are read as numbers (see postgres.ts): they stay far below 2^53.
 */

/** 0 or 1. */
type Flag = number;

export interface LayersTable { id: string; rank: number; name: string; kind: Generated<string> }
export interface OrgUnitsTable { id: string; parent_id: string | null; layer_id: string; name: string }
export interface BoardsTable { id: string; unit_id: string; name: string; seq: Generated<number>; created_at: string }
export interface ColumnsTable { id: string; board_id: string; name: string; order_key: string }
export interface CardsTable {
  id: string;
  board_id: string;
  column_id: string;
  order_key: string;
  type: 'action' | 'idea' | 'problem' | 'decision';
  title: string;
  description: Generated<string>;
  owner_name: Generated<string>;
  due_date: string | null;
  archived: Generated<Flag>;
  created_at: string;
  updated_at: string;
  indicator_id: string | null;
}
export interface IndicatorsTable {
  id: string;
  unit_id: string;
  name: string;
  unit_label: string;
  direction: 'higher' | 'lower' | 'range';
  frequency: 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly';
  kind: 'hard' | 'soft';
  decimals: Generated<number>;
  min_respondents: number | null;
  mandatory: Generated<Flag>;
  rollup: 'sum' | 'mean' | 'weighted' | null;
  type: Generated<'drift' | 'resultat' | 'effekt'>;
}
export interface BoardIndicatorsTable { board_id: string; indicator_id: string; order_key: string }
export interface TargetsTable {
  id: Generated<number>;
  indicator_id: string;
  unit_id: string;
  valid_from: string;
  valid_to: string | null;
  target: number | null;
  low: number | null;
  high: number | null;
  tolerance: Generated<number>;
}
export interface MeasurementsTable {
  indicator_id: string;
  unit_id: string;
  period_start: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  respondents: number | null;
  note: Generated<string>;
  recorded_at: string;
  recorded_by: string;
}
/** Append-only (a trigger refuses UPDATE and DELETE on both engines). */
export interface EventsTable { board_id: string; seq: number; op_id: string; actor: string; at: string; type: string; payload: string }
export interface OperationsTable { op_id: string; board_id: string; command: string; actor: string; at: string }

export interface UsersTable {
  id: string;
  /** Unique regardless of case (SQLite COLLATE NOCASE, PostgreSQL citext). */
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  disabled: Generated<Flag>;
  created_at: string;
}
export interface RoleAssignmentsTable { user_id: string; unit_id: string; role: 'viewer' | 'member' | 'facilitator' | 'admin' }
export interface SessionsTable { token_hash: string; user_id: string; created_at: string; expires_at: string; revoked_at: string | null }
export interface DevicesTable {
  id: string;
  board_id: string;
  name: string;
  mode: 'read' | 'touch';
  enrol_code_hash: string | null;
  enrol_expires_at: string | null;
  token_hash: string | null;
  created_by: string;
  created_at: string;
  enrolled_at: string | null;
  last_seen_at: string | null;
  revoked_at: string | null;
}
export interface AdminEventsTable { id: Generated<number>; actor: string; at: string; type: string; subject: string; payload: string }
export interface BoardTemplatesTable { id: string; name: string; columns: string; indicators: string; created_at: string }

export interface GoalsTable {
  id: string;
  parent_id: string | null;
  title: string;
  external: Generated<string>;
  measure: Generated<string>;
  why: Generated<string>;
  realism: Generated<string>;
  rationale: Generated<string>;
  deadline: string | null;
  indicator_id: string | null;
  target: number | null;
  created_at: string;
  updated_at: string;
  source: Generated<'' | 'national' | 'regional' | 'own'>;
}
export interface GoalOwnersTable { goal_id: string; unit_id: string }
export interface BaselinesTable { indicator_id: string; unit_id: string; baseline_to: string; set_at: string; set_by: string }
export interface DeviationsTable {
  id: string;
  indicator_id: string;
  unit_id: string;
  period_start: string;
  cause: string;
  action: string;
  card_id: string | null;
  recorded_at: string;
  recorded_by: string;
}
export interface InitiativesTable {
  id: string;
  goal_id: string;
  title: string;
  baseline: Generated<string>;
  expected_effect: Generated<string>;
  end_date: string | null;
  done: Generated<Flag>;
  created_at: string;
  investment: number | null;
  yearly_saving: number | null;
  expected_change: Generated<string>;
  start_date: string | null;
  conclusion: Generated<string>;
  closed_at: string | null;
}
export interface InitiativeIndicatorsTable { initiative_id: string; indicator_id: string; baseline_value: number | null; target_value: number | null }
export interface ApiTokensTable {
  id: string;
  name: string;
  unit_id: string;
  token_hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface BoardCadencesTable {
  board_id: string;
  cadence: 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly';
  next_meeting_date: string | null;
  meeting_minutes: Generated<number>;
}
export interface MeetingsTable { id: string; board_id: string; status: 'running' | 'ended'; started_at: string; ended_at: string | null; body: string }
export interface EscalationsTable {
  id: string;
  card_id: string;
  holder_board_id: string;
  status: 'open' | 'answered' | 'returned';
  due_date: string;
  updated_at: string;
  body: string;
}
export interface EscalationBoardsTable { escalation_id: string; board_id: string }

export interface AccessVersionTable { id: number; n: number }

export interface GoalExternalOwnersTable { goal_id: string; name: string; status: Generated<'green' | 'amber' | 'red' | 'none'> }
export interface EffectChainStepsTable {
  goal_id: string;
  position: number;
  kind: 'indsats' | 'resultat' | 'effekt';
  title: string;
  indicator_id: string | null;
  unit_id: string | null;
}
export interface GoalIndicatorsTable { goal_id: string; indicator_id: string }

export interface UnitStatusTable {
  unit_id: string;
  indicator_id: string;
  status: 'green' | 'amber' | 'red' | 'none';
  value: number | null;
  period_start: string | null;
  signal: Generated<Flag>;
  rolled_up: Generated<Flag>;
  as_of: string;
}
export interface RollupValuesTable { indicator_id: string; unit_id: string; period_start: string; value: number; denominator: number | null }
export interface UnitStatusBuiltTable { id: number; built_at: string; swept_day: string | null }

/** Kept by the migration runners of both engines. */
export interface SchemaMigrationsTable { name: string; checksum: string; applied_at: string }

export interface Database {
  layers: LayersTable;
  org_units: OrgUnitsTable;
  boards: BoardsTable;
  columns: ColumnsTable;
  cards: CardsTable;
  indicators: IndicatorsTable;
  board_indicators: BoardIndicatorsTable;
  targets: TargetsTable;
  measurements: MeasurementsTable;
  events: EventsTable;
  operations: OperationsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  admin_events: AdminEventsTable;
  board_templates: BoardTemplatesTable;
  goals: GoalsTable;
  goal_owners: GoalOwnersTable;
  baselines: BaselinesTable;
  deviations: DeviationsTable;
  initiatives: InitiativesTable;
  initiative_indicators: InitiativeIndicatorsTable;
  api_tokens: ApiTokensTable;
  board_cadences: BoardCadencesTable;
  meetings: MeetingsTable;
  escalations: EscalationsTable;
  escalation_boards: EscalationBoardsTable;
  access_version: AccessVersionTable;
  goal_external_owners: GoalExternalOwnersTable;
  effect_chain_steps: EffectChainStepsTable;
  goal_indicators: GoalIndicatorsTable;
  unit_status: UnitStatusTable;
  rollup_values: RollupValuesTable;
  unit_status_built: UnitStatusBuiltTable;
  schema_migrations: SchemaMigrationsTable;
}

/** Every table the Database type names, for the test that holds this file to the migrations. */
export const TABLE_COLUMNS: { [T in keyof Database]: (keyof Database[T])[] } = {
  layers: ['id', 'rank', 'name', 'kind'],
  org_units: ['id', 'parent_id', 'layer_id', 'name'],
  boards: ['id', 'unit_id', 'name', 'seq', 'created_at'],
  columns: ['id', 'board_id', 'name', 'order_key'],
  cards: ['id', 'board_id', 'column_id', 'order_key', 'type', 'title', 'description', 'owner_name', 'due_date', 'archived', 'created_at', 'updated_at', 'indicator_id'],
  indicators: ['id', 'unit_id', 'name', 'unit_label', 'direction', 'frequency', 'kind', 'decimals', 'min_respondents', 'mandatory', 'rollup', 'type'],
  board_indicators: ['board_id', 'indicator_id', 'order_key'],
  targets: ['id', 'indicator_id', 'unit_id', 'valid_from', 'valid_to', 'target', 'low', 'high', 'tolerance'],
  measurements: ['indicator_id', 'unit_id', 'period_start', 'value', 'numerator', 'denominator', 'respondents', 'note', 'recorded_at', 'recorded_by'],
  events: ['board_id', 'seq', 'op_id', 'actor', 'at', 'type', 'payload'],
  operations: ['op_id', 'board_id', 'command', 'actor', 'at'],
  users: ['id', 'username', 'display_name', 'email', 'password_hash', 'disabled', 'created_at'],
  role_assignments: ['user_id', 'unit_id', 'role'],
  sessions: ['token_hash', 'user_id', 'created_at', 'expires_at', 'revoked_at'],
  devices: ['id', 'board_id', 'name', 'mode', 'enrol_code_hash', 'enrol_expires_at', 'token_hash', 'created_by', 'created_at', 'enrolled_at', 'last_seen_at', 'revoked_at'],
  admin_events: ['id', 'actor', 'at', 'type', 'subject', 'payload'],
  board_templates: ['id', 'name', 'columns', 'indicators', 'created_at'],
  goals: ['id', 'parent_id', 'title', 'external', 'measure', 'why', 'realism', 'rationale', 'deadline', 'indicator_id', 'target', 'created_at', 'updated_at', 'source'],
  goal_owners: ['goal_id', 'unit_id'],
  baselines: ['indicator_id', 'unit_id', 'baseline_to', 'set_at', 'set_by'],
  deviations: ['id', 'indicator_id', 'unit_id', 'period_start', 'cause', 'action', 'card_id', 'recorded_at', 'recorded_by'],
  initiatives: ['id', 'goal_id', 'title', 'baseline', 'expected_effect', 'end_date', 'done', 'created_at', 'investment', 'yearly_saving', 'expected_change', 'start_date', 'conclusion', 'closed_at'],
  initiative_indicators: ['initiative_id', 'indicator_id', 'baseline_value', 'target_value'],
  api_tokens: ['id', 'name', 'unit_id', 'token_hash', 'created_at', 'created_by', 'revoked_at', 'last_used_at'],
  board_cadences: ['board_id', 'cadence', 'next_meeting_date', 'meeting_minutes'],
  meetings: ['id', 'board_id', 'status', 'started_at', 'ended_at', 'body'],
  escalations: ['id', 'card_id', 'holder_board_id', 'status', 'due_date', 'updated_at', 'body'],
  escalation_boards: ['escalation_id', 'board_id'],
  access_version: ['id', 'n'],
  goal_external_owners: ['goal_id', 'name', 'status'],
  effect_chain_steps: ['goal_id', 'position', 'kind', 'title', 'indicator_id', 'unit_id'],
  goal_indicators: ['goal_id', 'indicator_id'],
  unit_status: ['unit_id', 'indicator_id', 'status', 'value', 'period_start', 'signal', 'rolled_up', 'as_of'],
  rollup_values: ['indicator_id', 'unit_id', 'period_start', 'value', 'denominator'],
  unit_status_built: ['id', 'built_at', 'swept_day'],
  schema_migrations: ['name', 'checksum', 'applied_at'],
};
