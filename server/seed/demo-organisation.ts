import * as z from 'zod';
import { CardType, Direction, Frequency, IndicatorKind } from '../../shared/schemas';
// Imported rather than read from disk so the bundled server (dist/) carries the demo with it.
import rawDemo from './demo-organisation.json' with { type: 'json' };

/**
 * The demo organisation as authored in demo-organisation.json: keys, not ids, and figures as people write them.
 * Parsed with zod so a typo in the file fails loudly at seed time instead of writing odd rows.
 */

const Key = z.string().regex(/^[a-z0-9-]+$/, 'keys are lower-case letters, digits and -');

const DemoLayer = z.object({ rank: z.number().int().min(0), name: z.string(), kind: z.string() });

const DemoUnit = z.object({ key: Key, name: z.string().min(1), layer: z.number().int().min(0), parent: Key.optional() });

const DemoIndicator = z
  .object({
    key: Key,
    name: z.string().min(1),
    unit: z.string(),
    direction: Direction,
    target: z.number().optional(),
    low: z.number().optional(),
    high: z.number().optional(),
    tolerance: z.number().min(0),
    frequency: Frequency,
    kind: IndicatorKind,
    decimals: z.number().int().min(0).max(4),
    minRespondents: z.number().int().min(0).optional(),
    /** Drift, resultat (the default) or effekt for the citizen. */
    type: z.enum(['drift', 'resultat', 'effekt']).optional(),
  })
  .refine(
    (i) =>
      i.direction === 'range' ? i.low !== undefined && i.high !== undefined && i.low <= i.high : i.target !== undefined,
    { message: 'range indicators need low <= high; the others need a target' },
  );

const DemoGoal = z.object({
  key: Key,
  unit: Key.optional(),
  units: z.array(Key).optional(),
  translates: Key.optional(),
  external: z.string().optional(),
  title: z.string(),
  indicator: Key.optional(),
  target: z.number().optional(),
  why: z.string().optional(),
  deadline: z.string().optional(),
  /** Nationalt mål, regionalt mål or the unit's own focus area. */
  source: z.enum(['national', 'regional', 'own']),
  /** Further indicators the goal is followed by, beside its main one. */
  also: z.array(Key).optional(),
  /** Owners outside the organisation of a cross-cutting goal, with the status they report. */
  externalOwners: z.array(z.object({ name: z.string(), status: z.enum(['green', 'amber', 'red', 'none']) })).optional(),
});

const DemoCard = z.object({
  unit: Key,
  column: z.string(),
  type: CardType,
  title: z.string().min(1),
  owner: z.string().default(''),
  description: z.string().default(''),
  dueInDays: z.number().int().optional(),
});

export const DemoOrganisation = z.object({
  about: z.string(),
  layers: z.array(DemoLayer).min(1),
  units: z.array(DemoUnit).min(1),
  boardColumns: z.object({ leadership: z.array(z.string()).min(1), team: z.array(z.string()).min(1) }),
  indicators: z.array(DemoIndicator),
  goals: z.array(DemoGoal),
  cards: z.array(DemoCard),
});
export type DemoOrganisation = z.infer<typeof DemoOrganisation>;
export type DemoUnit = z.infer<typeof DemoUnit>;
export type DemoIndicator = z.infer<typeof DemoIndicator>;
export type DemoCard = z.infer<typeof DemoCard>;

/** The shipped demo organisation, validated. */
export function loadDemoOrganisation(): DemoOrganisation {
  return DemoOrganisation.parse(rawDemo);
}
