import { useState, type FormEvent } from 'react';
import { periodStartOf } from '../../../../shared/domain/periods';
import type { BoardIndicator } from '../../../../shared/schemas';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useAppStore } from '../../app/store/store-context';
import { formatPeriod } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { isValidDate, parseMeasurement, type MeasurementDraft, type MeasurementErrors } from './measurement-form';

interface MeasurementDialogProps {
  indicator: BoardIndicator;
  onClose: () => void;
}

/** Records one value for one period; the period defaults to the current one for the indicator's frequency. */
export function MeasurementDialog({ indicator, onClose }: MeasurementDialogProps) {
  const { lang, t } = useI18n();
  const recordMeasurement = useAppStore((s) => s.recordMeasurement);
  const [draft, setDraft] = useState<MeasurementDraft>(() => ({
    date: periodStartOf(indicator.frequency, new Date()),
    value: '',
    respondents: '',
    note: '',
  }));
  const [errors, setErrors] = useState<MeasurementErrors>({});
  const update = (key: keyof MeasurementDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const periodHint = isValidDate(draft.date)
    ? formatPeriod(indicator.frequency, periodStartOf(indicator.frequency, draft.date), lang, t)
    : undefined;
  const isSoft = indicator.kind === 'soft';

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
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label={t.period} hint={periodHint} error={errors.date}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" required value={draft.date} aria-describedby={describedBy}
              aria-invalid={invalid} onChange={(e) => update('date')(e.target.value)} />
          )}
        </Field>
        <Field label={t.value} hint={indicator.unitLabel ? `${t.valueHint} (${indicator.unitLabel})` : t.valueHint} error={errors.value}>
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
