import * as z from 'zod';
import { Id, Indicator, IsoDate, Layer, Measurement, OrgUnit, Target } from './schemas';

/** REST bodies and responses of the cascade: goals, overview, indicator pages, measurement feeds. */

export const STATUS_VALUES = ['green', 'amber', 'red', 'none'] as const;
export const StatusValue = z.enum(STATUS_VALUES);

export const StatusCounts = z.object({
  green: z.number().int(),
  amber: z.number().int(),
  red: z.number().int(),
  none: z.number().int(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const ROLLUPS = ['sum', 'mean', 'weighted'] as const;
export const Rollup = z.enum(ROLLUPS);
export type Rollup = z.infer<typeof Rollup>;

/** An indicator definition with the cascade's settings. */
export const IndicatorDefinition = Indicator.extend({
  mandatory: z.boolean(),
  rollup: Rollup.nullable(),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

/** One step of a goal chain (line of sight), from the unit's own goal up to the top goal. */
export const GoalLink = z.object({ id: Id, title: z.string(), external: z.string(), ownerNames: z.array(z.string()) });
export type GoalLink = z.infer<typeof GoalLink>;

/** Where a goal comes from: a national goal, a regional goal, or the unit's own focus area ('' when not said). */
export const GOAL_SOURCES = ['', 'national', 'regional', 'own'] as const;
export const GoalSource = z.enum(GOAL_SOURCES);
export type GoalSource = z.infer<typeof GoalSource>;

/** A partner outside the organisation owning a cross-cutting goal (a municipality, general practice). */
export const ExternalOwner = z.strictObject({ name: z.string().trim().min(1).max(200), status: StatusValue });
export type ExternalOwner = z.infer<typeof ExternalOwner>;

/** One owner's status on a goal: units from the goal's indicator at that unit, partners as they report it. */
export const OwnerStatus = z.object({ name: z.string(), unitId: Id.nullable(), status: StatusValue });
export type OwnerStatus = z.infer<typeof OwnerStatus>;

export const Goal = z.object({
  id: Id,
  parentId: Id.nullable(),
  title: z.string(),
  external: z.string(),
  measure: z.string(),
  why: z.string(),
  realism: z.string(),
  rationale: z.string(),
  deadline: IsoDate.nullable(),
  indicatorId: Id.nullable(),
  target: z.number().nullable(),
  ownerIds: z.array(Id),
  source: GoalSource,
  externalOwners: z.array(ExternalOwner),
  /** Further indicators the goal is followed by, beside its main one. */
  alsoIndicatorIds: z.array(Id),
});
export type Goal = z.infer<typeof Goal>;

/** A goal as the goals screen shows it: owners by name, each owner's status and the joint status. */
export const GoalView = Goal.extend({
  ownerNames: z.array(z.string()),
  layerRank: z.number().int(),
  indicatorName: z.string().nullable(),
  /** The joint status: the weakest owner's (see shared/domain/business-case.ts jointStatus). */
  status: StatusValue,
  ownerStatuses: z.array(OwnerStatus),
  /** From this goal's parent up to the top goal. */
  chain: z.array(GoalLink),
});
export type GoalView = z.infer<typeof GoalView>;

const Finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** An indicator an initiative should move: from its baseline value (null: the median before the start) to a target. */
export const InitiativeTarget = z.strictObject({ indicatorId: Id, baselineValue: Finite.nullable(), targetValue: Finite.nullable() });
export type InitiativeTarget = z.infer<typeof InitiativeTarget>;

/**
 * An initiative (indsats) with its business case, followed until it is closed with a conclusion: investment (kr.),
 * expected yearly effect in money and as indicator changes (targets), start and end, the indicators it should move.
 */
export const Initiative = z.object({
  id: Id,
  goalId: Id,
  title: z.string(),
  baseline: z.string(),
  expectedEffect: z.string(),
  endDate: IsoDate.nullable(),
  done: z.boolean(),
  /** Every indicator the initiative should move (those with targets included). */
  indicatorIds: z.array(Id),
  investment: z.number().nullable(),
  yearlySaving: z.number().nullable(),
  startDate: IsoDate.nullable(),
  targets: z.array(InitiativeTarget),
  conclusion: z.string(),
  closedAt: z.string().nullable(),
});
export type Initiative = z.infer<typeof Initiative>;

const InitiativeFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  baseline: z.string().trim().max(2000),
  expectedEffect: z.string().trim().max(2000),
  endDate: IsoDate.nullable(),
  indicatorIds: z.array(Id).max(20),
  investment: Finite.min(0).nullable(),
  yearlySaving: Finite.nullable(),
  startDate: IsoDate.nullable(),
  targets: z.array(InitiativeTarget).max(20),
};

export const InitiativeInput = z
  .strictObject({
    ...InitiativeFields,
    baseline: InitiativeFields.baseline.default(''),
    expectedEffect: InitiativeFields.expectedEffect.default(''),
    endDate: InitiativeFields.endDate.default(null),
    indicatorIds: InitiativeFields.indicatorIds.default([]),
    investment: InitiativeFields.investment.default(null),
    yearlySaving: InitiativeFields.yearlySaving.default(null),
    startDate: InitiativeFields.startDate.default(null),
    targets: InitiativeFields.targets.default([]),
  })
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, { message: 'the start must not be after the end', path: ['endDate'] });
export type InitiativeInput = z.input<typeof InitiativeInput>;

/** Edits of an initiative's business case; `done: false` opens a closed one again (closing takes a conclusion). */
export const InitiativePatch = z.strictObject({
  ...Object.fromEntries(Object.entries(InitiativeFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof InitiativeFields]: z.ZodOptional<(typeof InitiativeFields)[K]>;
  },
  done: z.boolean().optional(),
});
export type InitiativePatch = z.input<typeof InitiativePatch>;

export const GoalListResponse = z.object({
  initiatives: z.array(Initiative),
  goals: z.array(GoalView),
  units: z.array(OrgUnit),
  layers: z.array(Layer),
  indicators: z.array(z.object({ id: Id, name: z.string() })),
});
export type GoalListResponse = z.infer<typeof GoalListResponse>;

const Text = (max: number) => z.string().trim().max(max);

const GoalFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  parentId: Id.nullable(),
  ownerIds: z.array(Id).min(1, 'at least one owner unit').max(20),
  external: Text(200),
  measure: Text(2000),
  why: Text(2000),
  realism: Text(2000),
  rationale: Text(2000),
  deadline: IsoDate.nullable(),
  indicatorId: Id.nullable(),
  target: z.number().refine(Number.isFinite, 'must be a finite number').nullable(),
  source: GoalSource,
  externalOwners: z.array(ExternalOwner).max(20),
  alsoIndicatorIds: z.array(Id).max(40),
};

/** A new goal. SMART: what (title), how measured (measure, indicator, target), why, realism, deadline. */
export const GoalInput = z.strictObject({
  ...GoalFields,
  parentId: GoalFields.parentId.default(null),
  external: GoalFields.external.default(''),
  measure: GoalFields.measure.default(''),
  why: GoalFields.why.default(''),
  realism: GoalFields.realism.default(''),
  rationale: GoalFields.rationale.default(''),
  deadline: GoalFields.deadline.default(null),
  indicatorId: GoalFields.indicatorId.default(null),
  target: GoalFields.target.default(null),
  source: GoalFields.source.default(''),
  externalOwners: GoalFields.externalOwners.default([]),
  alsoIndicatorIds: GoalFields.alsoIndicatorIds.default([]),
});
export type GoalInput = z.input<typeof GoalInput>;
/** Changes to a goal: only the fields sent change. */
export const GoalPatch = z.strictObject(GoalFields).partial();

export const OverviewIndicatorStatus = z.object({ indicatorId: Id, status: StatusValue });

export const OverviewUnit = z.object({
  unit: OrgUnit,
  layer: Layer,
  boardId: Id.nullable(),
  counts: StatusCounts,
  /** Red indicators by id, so the overview can link straight to them. */
  red: z.array(z.object({ indicatorId: Id, name: z.string() })),
  mandatory: z.array(OverviewIndicatorStatus),
});
export type OverviewUnit = z.infer<typeof OverviewUnit>;

export const OverviewResponse = z.object({
  units: z.array(OverviewUnit),
  mandatory: z.array(z.object({ id: Id, name: z.string() })),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

export const Deviation = z.object({
  id: Id,
  indicatorId: Id,
  unitId: Id,
  periodStart: IsoDate,
  cause: z.string(),
  action: z.string(),
  cardId: Id.nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type Deviation = z.infer<typeof Deviation>;

export const DeviationInput = z.strictObject({
  unitId: Id,
  periodStart: IsoDate,
  cause: z.string().trim().min(1, 'must not be empty').max(2000),
  action: z.string().trim().min(1, 'must not be empty').max(200),
  ownerName: z.string().trim().max(120).default(''),
  dueDate: IsoDate.nullable().default(null),
});

/** A unit below, showing the same indicator, with its latest status (the indicator's translations). */
export const UnitIndicatorStatus = z.object({
  unitId: Id,
  unitName: z.string(),
  boardId: Id.nullable(),
  status: StatusValue,
  latest: Measurement.nullable(),
  target: Target.nullable(),
});

export const RollupRow = z.object({
  periodStart: IsoDate,
  value: z.number().nullable(),
  children: z.array(z.object({ unitId: Id, unitName: z.string(), value: z.number().nullable() })),
});
export type RollupRow = z.infer<typeof RollupRow>;

export const IndicatorPageResponse = z.object({
  indicator: IndicatorDefinition,
  unit: OrgUnit,
  boardId: Id.nullable(),
  target: Target.nullable(),
  /** Whether the target is the unit's own, or inherited from a unit above until it sets one. */
  targetInherited: z.boolean(),
  /** Every measurement of this unit, oldest first. */
  measurements: z.array(Measurement),
  baselineTo: IsoDate.nullable(),
  chain: z.array(GoalLink),
  below: z.array(UnitIndicatorStatus),
  deviations: z.array(Deviation),
  rollup: z.array(RollupRow).nullable(),
  /** Display names of who recorded the measurements (`recordedBy` is a user or device id). */
  recordedByNames: z.record(z.string(), z.string()),
});
export type IndicatorPageResponse = z.infer<typeof IndicatorPageResponse>;

export const IndicatorParams = z.object({ id: Id });
export const UnitQuery = z.object({ unit: Id });

/** An indicator's cascade settings (administrators): mandatory for the units below, and how values roll up. */
export const IndicatorSettingsInput = z.strictObject({ mandatory: z.boolean(), rollup: Rollup.nullable() });

/** A unit's own target for an indicator, in force from `validFrom` (default today). */
export const TargetInput = z
  .strictObject({
    unitId: Id,
    validFrom: IsoDate.optional(),
    target: z.number().refine(Number.isFinite, 'must be a finite number').nullable().default(null),
    low: z.number().refine(Number.isFinite, 'must be a finite number').nullable().default(null),
    high: z.number().refine(Number.isFinite, 'must be a finite number').nullable().default(null),
    tolerance: z.number().min(0).default(0),
  })
  .refine((t) => t.target !== null || (t.low !== null && t.high !== null && t.low <= t.high), {
    message: 'give a target, or low and high with low <= high',
    path: ['target'],
  });

export const BaselineInput = z.strictObject({ unitId: Id, baselineTo: IsoDate.nullable() });

/** One measurement as a feed, a CSV row or the indicator page sends it. */
export const MeasurementInput = z.strictObject({
  unitId: Id,
  periodStart: IsoDate,
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
  numerator: z.number().refine(Number.isFinite, 'must be a finite number').nullable().default(null),
  denominator: z.number().refine(Number.isFinite, 'must be a finite number').nullable().default(null),
  respondents: z.number().int().min(0).max(10_000_000).nullable().default(null),
  note: z.string().max(2000).default(''),
});
export type MeasurementInput = z.input<typeof MeasurementInput>;

export const MeasurementBatch = z.strictObject({
  measurements: z.array(MeasurementInput).min(1).max(5000),
});

export const MeasurementWriteResponse = z.object({
  /** Rows that changed a value (new or corrected); a re-posted identical period counts as unchanged. */
  written: z.number().int(),
  unchanged: z.number().int(),
});

export const MeasurementListResponse = z.object({ measurements: z.array(Measurement) });

/** One problem in an import: the row (1 = the header), the column, and what is wrong, in plain language. */
export const ImportProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportPreviewRow = z.object({
  row: z.number().int(),
  indicatorId: Id,
  indicatorName: z.string(),
  periodStart: IsoDate,
  value: z.number(),
  previous: z.number().nullable(),
});

export const ImportResponse = z.object({
  applied: z.boolean(),
  rows: z.array(ImportPreviewRow),
  problems: z.array(ImportProblem),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  unitId: Id,
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenCreate = z.strictObject({ name: z.string().trim().min(1).max(120), unitId: Id });
export const ApiTokenCreated = z.object({ token: ApiToken, secret: z.string() });
export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });
