import * as z from 'zod';
import { GoalView, IndicatorDefinition, StatusValue } from './cascade';
export { ExternalOwner, GOAL_SOURCES, GoalSource, OwnerStatus } from './cascade';
import { Escalation, Id, IndicatorSignal, IsoDate, Measurement, OrgUnit, Target } from './schemas';

/** Målstyring in depth: goal sources, external owners, business cases, effect chains and the status report. */

/** Drift (operations), resultat (what the work delivers) or effekt (what it means for the citizen or patient). */
export const INDICATOR_TYPES = ['drift', 'resultat', 'effekt'] as const;
export const IndicatorType = z.enum(INDICATOR_TYPES);
export type IndicatorType = z.infer<typeof IndicatorType>;

const Finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** The business case of an initiative: investment (kr.), expected yearly effect, start, and indicator targets. */
export const BusinessCaseInput = z.strictObject({
  investment: Finite.min(0).nullable().default(null),
  yearlySaving: Finite.nullable().default(null),
  expectedChange: z.string().trim().max(500).default(''),
  startDate: IsoDate.nullable().default(null),
  endDate: IsoDate.nullable().default(null),
  targets: z
    .array(z.strictObject({ indicatorId: Id, baselineValue: Finite.nullable(), targetValue: Finite.nullable() }))
    .max(20)
    .default([]),
});
export type BusinessCaseInput = z.input<typeof BusinessCaseInput>;

/** Closing an initiative takes a conclusion: what it brought, what was learnt. */
export const InitiativeClose = z.strictObject({ conclusion: z.string().trim().min(1, 'must not be empty').max(2000) });

export const IndicatorProgress = z.object({
  indicatorId: Id,
  name: z.string(),
  unitId: Id,
  unitLabel: z.string(),
  decimals: z.number().int(),
  baselineValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  latestValue: z.number().nullable(),
  latestPeriod: IsoDate.nullable(),
  /** Share of the way from baseline to target (0 = at baseline, 1 = there); null without both ends. */
  progress: z.number().nullable(),
});
export type IndicatorProgress = z.infer<typeof IndicatorProgress>;

export const BusinessCase = z.object({
  initiativeId: Id,
  goalId: Id,
  title: z.string(),
  investment: z.number().nullable(),
  yearlySaving: z.number().nullable(),
  /** Investment divided by the yearly effect in money; null without both. */
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
export const EffectChainStep = z.object({
  kind: z.enum(EFFECT_STEP_KINDS),
  title: z.string(),
  indicatorId: Id.nullable(),
  indicatorName: z.string().nullable(),
  unitId: Id.nullable(),
  status: StatusValue,
  signal: z.boolean(),
});
export type EffectChainStep = z.infer<typeof EffectChainStep>;
export const EffectChain = z.object({ goalId: Id, goalTitle: z.string(), steps: z.array(EffectChainStep) });
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
