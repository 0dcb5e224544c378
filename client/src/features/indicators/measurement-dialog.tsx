import { useState, type FormEvent } from 'react';
import { periodEnd } from '../../../../shared/domain/periods';
import type { BoardIndicator } from '../../../../shared/schemas';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useAppStore } from '../../app/store/store-context';
import { formatDate, formatPeriod, formatValue, unitFor } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { lastClosedPeriod, parseMeasurement, periodChoices, type MeasurementDraft, type MeasurementErrors } from './measurement-form';
import { useMeasurementTexts } from './measurement-texts';
import { describeTile } from './tile-model';

interface MeasurementDialogProps {
  indicator: BoardIndicator;
  onClose: () => void;
  /** Today, for tests; the real clock otherwise. */
  today?: Date;
}

/**
 * Records one value for one period. The period is picked in the indicator's own frequency (weeks, months, quarters,
 * years) and defaults to the last closed one, as figures are reported after a period ends; the latest value and the
 * target are in view, and choosing the period still running warns that its figure is not final.
 */
export function MeasurementDialog({ indicator, onClose, today = new Date() }: MeasurementDialogProps) {
  const { lang, t } = useI18n();
  const m = useMeasurementTexts();
  const recordMeasurement = useAppStore((s) => s.recordMeasurement);
  const [choices] = useState(() => periodChoices(indicator.frequency, today));
  const [draft, setDraft] = useState<MeasurementDraft>(() => ({
    date: lastClosedPeriod(indicator.frequency, today),
    value: '',
    respondents: '',
    note: '',
  }));
  const [errors, setErrors] = useState<MeasurementErrors>({});
  const update = (key: keyof MeasurementDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const isSoft = indicator.kind === 'soft';
  const tile = describeTile(indicator, lang, t);
  const latest = indicator.recent.at(-1);
  const label = (start: string) => formatPeriod(indicator.frequency, start, lang, t);
  const value = (n: number) => formatValue(n, indicator.decimals, indicator.unitLabel, lang);
  const chosenOpen = choices.find((c) => c.start === draft.date)?.open ?? false;
  const existing = indicator.recent.find((r) => r.periodStart === draft.date);
  const periodHint = chosenOpen
    ? m.periodOpen(formatDate(periodEnd(indicator.frequency, draft.date), lang))
    : existing
      ? m.replaces(value(existing.value))
      : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = parseMeasurement(indicator, draft, t);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    recordMeasurement(result.input);
    onClose();
  }

  return (
    <Dialog title={t.recordMeasurementFor(indicator.name)} onClose={onClose}>
      <div className="measurement-facts">
        <p>{latest ? m.latest(tile.valueText, label(latest.periodStart)) : m.noLatest}</p>
        <p>{tile.targetText}</p>
      </div>
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label={t.period} hint={periodHint} error={errors.date}>
          {({ id, describedBy, invalid }) => (
            <select id={id} required value={draft.date} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => update('date')(e.target.value)}>
              {choices.map((c) => (
                <option key={c.start} value={c.start}>{label(c.start)}{c.open ? m.openSuffix : ''}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.value} hint={indicator.unitLabel ? `${t.valueHint} (${unitFor(indicator.unitLabel, 2, 0, lang)})` : t.valueHint} error={errors.value}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="text" inputMode="decimal" autoComplete="off" required value={draft.value} data-autofocus
              aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => update('value')(e.target.value)} />
          )}
        </Field>
        {isSoft && (
          <Field label={t.respondents} error={errors.respondents}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="text" inputMode="numeric" autoComplete="off" value={draft.respondents}
                aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => update('respondents')(e.target.value)} />
            )}
          </Field>
        )}
        <Field label={t.note}>
          {({ id }) => <textarea id={id} rows={3} value={draft.note} onChange={(e) => update('note')(e.target.value)} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary">{t.save}</button>
          <button type="button" className="button" onClick={onClose}>{t.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
