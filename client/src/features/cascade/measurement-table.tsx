import { type FormEvent, useId, useState } from 'react';
import { hasTooFewRespondents } from '../../../../shared/domain/status';
import { periodStartOf } from '../../../../shared/domain/periods';
import type { IndicatorDefinition } from '../../../../shared/cascade';
import type { Measurement } from '../../../../shared/schemas';
import { formatPeriod, formatValue, parseDecimal, todayIso, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { cascadeApi } from './cascade-api';
import { useCascadeTexts } from './texts';

interface Props {
  indicator: IndicatorDefinition;
  unitId: string;
  measurements: readonly Measurement[];
  /** Who recorded each value, by the id in `recordedBy`. */
  recordedByNames: Readonly<Record<string, string>>;
  onSaved: () => void;
}

/** Every measurement, newest first, and a form to enter or correct one (the previous value stays in the log). */
export function MeasurementTable({ indicator, unitId, measurements, recordedByNames, onSaved }: Props) {
  const { lang, t } = useI18n();
  const x = useCascadeTexts();
  const headingId = useId();
  const [period, setPeriod] = useState(() => periodStartOf(indicator.frequency, todayIso()));
  const [value, setValue] = useState('');
  const [respondents, setRespondents] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = parseDecimal(value);
    if (v === null) return setMessage({ ok: false, text: t.notANumber });
    try {
      await cascadeApi.recordMeasurement(indicator.id, {
        unitId,
        periodStart: periodStartOf(indicator.frequency, period),
        value: v,
        respondents: indicator.kind === 'soft' && respondents ? Number(respondents) : null,
        note,
      });
      setMessage({ ok: true, text: x.saved });
      setValue('');
      setNote('');
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: x.saveFailed(err instanceof Error ? err.message : String(err)) });
    }
  };

  const rows = [...measurements].reverse();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{x.measurements}</h2>
      <form className="form-row" onSubmit={submit} aria-label={x.record}>
        <label>
          {x.periodStart}
          <input type="date" required value={period} max={todayIso()} onChange={(e) => setPeriod(e.target.value)} />
        </label>
        <label>
          {x.value}
          <input inputMode="decimal" required value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        {indicator.kind === 'soft' && (
          <label>
            {x.respondents}
            <input inputMode="numeric" value={respondents} onChange={(e) => setRespondents(e.target.value)} />
          </label>
        )}
        <label>
          {x.note}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" className="button button--primary">{x.record}</button>
        {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      </form>
      <div className="table-scroll" role="region" tabIndex={0} aria-label={x.measurementsTable}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{x.period}</th>
              <th scope="col">{x.value}</th>
              {indicator.kind === 'soft' && <th scope="col">{x.respondents}</th>}
              <th scope="col">{x.note}</th>
              <th scope="col">{x.recordedBy}</th>
              <th scope="col">{x.recordedAt}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.periodStart}>
                <th scope="row">{formatPeriod(indicator.frequency, m.periodStart, lang, t)}</th>
                <td>
                  {hasTooFewRespondents({ respondents: m.respondents, minRespondents: indicator.minRespondents })
                    ? x.tooFewAnswers
                    : formatValue(m.value, indicator.decimals, indicator.unitLabel, lang)}
                </td>
                {indicator.kind === 'soft' && <td>{m.respondents ?? '–'}</td>}
                <td>{m.note}</td>
                <td>{recordedByNames[m.recordedBy] ?? m.recordedBy}</td>
                <td>{formatDateTime(m.recordedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
