import * as z from 'zod';
import { GoalView, IndicatorDefinition, StatusValue } from './cascade';
export { ExternalOwner, GOAL_SOURCES, GoalSource, OwnerStatus } from './cascade';
import { Escalation, Id, IndicatorSignal, IndicatorType, IsoDate, Measurement, OrgUnit, Target } from './schemas';
export { IndicatorType };

/** Målstyring in depth: goal sources, external owners, business cases, effect chains and the status report. */

export { INDICATOR_TYPES } from './schemas';

/** Closing an initiative takes a conclusion: what it brought, what was learnt. */
export const InitiativeClose = z.strictObject({ conclusion: z.string().trim().min(1, 'must not be empty').max(2000) });

export const IndicatorProgress = z.object({
  indicatorId: Id,
  name: z.string(),
  unitId: Id,
  unitLabel: z.string(),
  decimals: z.number().int(),
  baselineValue: z.number().nullable(),
  /** Whether the baseline is the median of the series before the start (true) or was set by hand. */
  baselineFromSeries: z.boolean(),
  targetValue: z.number().nullable(),
  latestValue: z.number().nullable(),
  latestPeriod: IsoDate.nullable(),
  /** Share of the way from baseline to target (0 = at baseline, 1 = there); null without both ends. */
  progress: z.number().nullable(),
});
export type IndicatorProgress = z.infer<typeof IndicatorProgress>;

/** An initiative's business case as boards, agendas and reports show it: money, dates and progress per indicator. */
export const BusinessCase = z.object({
  initiativeId: Id,
  goalId: Id,
  goalTitle: z.string(),
  title: z.string(),
  done: z.boolean(),
  investment: z.number().nullable(),
  yearlySaving: z.number().nullable(),
  /** Investment divided by the yearly effect in money, in years; null without both. */
  paybackYears: z.number().nullable(),
  expectedChange: z.string(),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  conclusion: z.string(),
  closedAt: z.string().nullable(),
  indicators: z.array(IndicatorProgress),
});
export type BusinessCase = z.infer<typeof BusinessCase>;

export const EFFECT_STEP_KINDS = ['indsats', 'resultat', 'effekt'] as const;
export const EffectStepKind = z.enum(EFFECT_STEP_KINDS);
export type EffectStepKind = z.infer<typeof EffectStepKind>;

/** A goal's effect chain as written: indsats → resultat → effekt for borgeren, each step with its indicator. */
export const EffectChainInput = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        kind: EffectStepKind,
        title: z.string().trim().min(1, 'must not be empty').max(300),
        indicatorId: Id.nullable().default(null),
        unitId: Id.nullable().default(null),
      }),
    )
    .max(8),
});
export type EffectChainInput = z.input<typeof EffectChainInput>;

export const EffectChainStep = z.object({
  kind: EffectStepKind,
  title: z.string(),
  indicatorId: Id.nullable(),
  indicatorName: z.string().nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  indicatorType: IndicatorType.nullable(),
  kindOfIndicator: z.enum(['hard', 'soft']).nullable(),
  status: StatusValue,
  signal: z.boolean(),
  latestValue: z.number().nullable(),
  decimals: z.number().int(),
  unitLabel: z.string(),
});
export type EffectChainStep = z.infer<typeof EffectChainStep>;
export const EffectChain = z.object({
  goalId: Id,
  goalTitle: z.string(),
  steps: z.array(EffectChainStep),
  /** The first step (from the initiative towards the citizen) that is red: where the chain breaks; null if none. */
  breaksAt: z.number().int().nullable(),
});
export type EffectChain = z.infer<typeof EffectChain>;

/** One indicator in the status report: the period's reportable points, the analysis and the reading. */
export const ReportIndicator = z.object({
  indicator: IndicatorDefinition,
  target: Target.nullable(),
  /** Every reportable point up to the period's end: the chart and its signal are the same as on the indicator page. */
  points: z.array(Measurement),
  baselineCount: z.number().int().nullable(),
  signal: IndicatorSignal,
  status: StatusValue,
});
export type ReportIndicator = z.infer<typeof ReportIndicator>;

export const ReportDecision = z.object({ meetingDate: IsoDate, itemTitle: z.string(), text: z.string() });

/** The status report for the political level: a unit's goals, indicators, business cases and open matters. */
export const StatusReport = z.object({
  unit: OrgUnit,
  from: IsoDate,
  to: IsoDate,
  goals: z.array(GoalView.extend({ translations: z.array(GoalView) })),
  indicators: z.array(ReportIndicator),
  businessCases: z.array(BusinessCase),
  effectChains: z.array(EffectChain),
  escalations: z.array(Escalation),
  decisions: z.array(ReportDecision),
});
export type StatusReport = z.infer<typeof StatusReport>;

export const ReportQuery = z.object({ unit: Id, from: IsoDate, to: IsoDate });

/** Which business cases: a goal's, the open ones moving indicators of a board, or (no query) all one may read. */
export const BusinessCaseQuery = z.union([z.strictObject({ goal: Id }), z.strictObject({ board: Id }), z.strictObject({})]);
/** Which effect chains: a goal's, those with a step on an indicator at a unit, or (no query) all one may read. */
export const EffectChainQuery = z.union([z.strictObject({ goal: Id }), z.strictObject({ indicator: Id, unit: Id }), z.strictObject({})]);
