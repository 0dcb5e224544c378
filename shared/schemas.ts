import { z } from 'zod';

/** Identifiers are opaque strings; cards get theirs from the client so an optimistic card has its final id. */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');
export type Id = z.infer<typeof Id>;

/** A calendar date as YYYY-MM-DD (due dates, period starts). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const CARD_TYPES = ['action', 'idea', 'problem', 'decision'] as const;
export const CardType = z.enum(CARD_TYPES);
export type CardType = z.infer<typeof CardType>;

export const DIRECTIONS = ['higher', 'lower', 'range'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

export const IndicatorKind = z.enum(['hard', 'soft']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const Layer = z.object({
  id: Id,
  rank: z.number().int().min(0),
  name: z.string(),
  kind: z.string(),
});
export type Layer = z.infer<typeof Layer>;

export const OrgUnit = z.object({
  id: Id,
  parentId: Id.nullable(),
  layerId: Id,
  name: z.string(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const Column = z.object({
  id: Id,
  boardId: Id,
  name: z.string(),
  orderKey: z.string(),
});
export type Column = z.infer<typeof Column>;

export const Card = z.object({
  id: Id,
  boardId: Id,
  columnId: Id,
  orderKey: z.string(),
  type: CardType,
  title: z.string(),
  description: z.string(),
  ownerName: z.string(),
  dueDate: IsoDate.nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Card = z.infer<typeof Card>;

/** A time-bounded target: `target` for higher/lower, `low`..`high` for range; `tolerance` is the amber band. */
export const Target = z.object({
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  target: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  tolerance: z.number().min(0),
});
export type Target = z.infer<typeof Target>;

export const Measurement = z.object({
  indicatorId: Id,
  unitId: Id,
  periodStart: IsoDate,
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  respondents: z.number().int().nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;

export const Indicator = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  unitLabel: z.string(),
  direction: Direction,
  frequency: Frequency,
  kind: IndicatorKind,
  decimals: z.number().int().min(0).max(4),
  minRespondents: z.number().int().min(0).nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** An indicator as a board shows it: its current target and its most recent measurements, oldest first. */
export const BoardIndicator = Indicator.extend({
  orderKey: z.string(),
  target: Target.nullable(),
  recent: z.array(Measurement),
});
export type BoardIndicator = z.infer<typeof BoardIndicator>;

export const BoardSummary = z.object({
  id: Id,
  name: z.string(),
  unit: OrgUnit,
  layer: Layer,
});
export type BoardSummary = z.infer<typeof BoardSummary>;

/** Everything a client needs to draw a board, consistent as of `seq`. */
export const BoardSnapshot = z.object({
  board: BoardSummary,
  seq: z.number().int().min(0),
  columns: z.array(Column),
  cards: z.array(Card),
  indicators: z.array(BoardIndicator),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;
