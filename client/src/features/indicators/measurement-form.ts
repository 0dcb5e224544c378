import { isValid, parseISO } from 'date-fns';
import { periodStartOf } from '../../../../shared/domain/periods';
import type { BoardIndicator } from '../../../../shared/schemas';
import { parseDecimal } from '../../lib/format';
import type { Messages } from '../../lib/i18n';
import type { MeasurementInput } from './indicators-slice';

export interface MeasurementDraft {
  date: string;
  value: string;
  respondents: string;
  note: string;
}

export type MeasurementErrors = Partial<Record<keyof MeasurementDraft, string>>;

export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isValid(parseISO(date));
}

/** Checks what was typed; any date inside a period counts as that period. */
export function parseMeasurement(
  indicator: BoardIndicator,
  draft: MeasurementDraft,
  t: Messages,
): { input: MeasurementInput } | { errors: MeasurementErrors } {
  const errors: MeasurementErrors = {};
  if (!isValidDate(draft.date)) errors.date = t.invalidDate;
  const value = parseDecimal(draft.value);
  if (!draft.value.trim()) errors.value = t.required;
  else if (value === null) errors.value = t.notANumber;
  let respondents: number | null = null;
  if (draft.respondents.trim()) {
    const n = Number(draft.respondents.trim());
    if (!Number.isInteger(n) || n < 0) errors.respondents = t.notAWholeNumber;
    else respondents = n;
  }
  if (Object.keys(errors).length > 0 || value === null) return { errors };
  return {
    input: {
      indicatorId: indicator.id,
      periodStart: periodStartOf(indicator.frequency, draft.date),
      value,
      respondents,
      note: draft.note.trim(),
    },
  };
}
