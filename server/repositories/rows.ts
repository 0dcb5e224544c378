import type { Card, Column, Indicator, Measurement, Target } from '../../shared/schemas';
import type { Selectable } from 'kysely';
import type { MeasurementsTable } from '../store/schema';

// Rows as the store returns them on either engine (snake_case, 0/1 for flags) and their mapping to the shared types.

export interface CardRow {
  id: string;
  board_id: string;
  column_id: string;
  order_key: string;
  type: Card['type'];
  title: string;
  description: string;
  owner_name: string;
  due_date: string | null;
  archived: number;
  created_at: string;
  updated_at: string;
  /** Added by migration 0003; absent from rows of databases that predate it. */
  indicator_id?: string | null;
}

export const toCard = (r: CardRow): Card => ({
  id: r.id,
  boardId: r.board_id,
  columnId: r.column_id,
  orderKey: r.order_key,
  type: r.type,
  title: r.title,
  description: r.description,
  ownerName: r.owner_name,
  dueDate: r.due_date,
  archived: r.archived === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  // Only linked cards carry the field, so ordinary cards cost the snapshot nothing.
  ...(r.indicator_id ? { indicatorId: r.indicator_id } : {}),
});

export interface ColumnRow {
  id: string;
  board_id: string;
  name: string;
  order_key: string;
}

export const toColumn = (r: ColumnRow): Column => ({
  id: r.id,
  boardId: r.board_id,
  name: r.name,
  orderKey: r.order_key,
});

export interface IndicatorRow {
  id: string;
  unit_id: string;
  name: string;
  unit_label: string;
  direction: Indicator['direction'];
  frequency: Indicator['frequency'];
  kind: Indicator['kind'];
  decimals: number;
  min_respondents: number | null;
  /** Added by migration 0006. */
  type?: Indicator['type'];
}

export const toIndicator = (r: IndicatorRow): Indicator => ({
  id: r.id,
  unitId: r.unit_id,
  name: r.name,
  unitLabel: r.unit_label,
  direction: r.direction,
  frequency: r.frequency,
  kind: r.kind,
  decimals: r.decimals,
  minRespondents: r.min_respondents,
  ...(r.type ? { type: r.type } : {}),
});

export interface TargetRow {
  valid_from: string;
  valid_to: string | null;
  target: number | null;
  low: number | null;
  high: number | null;
  tolerance: number;
}

export const toTarget = (r: TargetRow): Target => ({
  validFrom: r.valid_from,
  validTo: r.valid_to,
  target: r.target,
  low: r.low,
  high: r.high,
  tolerance: r.tolerance,
});

export type MeasurementRow = Selectable<MeasurementsTable>;

export const toMeasurement = (r: MeasurementRow): Measurement => ({
  indicatorId: r.indicator_id,
  unitId: r.unit_id,
  periodStart: r.period_start,
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  respondents: r.respondents,
  note: r.note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});
