import { type FormEvent, useId, useState } from 'react';
import type { IndicatorPageResponse, Rollup } from '../../../../shared/cascade';
import { formatNumber, parseDecimal, unitFor } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { cascadeApi } from './cascade-api';
import { useCascadeTexts } from './texts';

/**
 * The unit's target: the one in force (its own, or inherited from above) and a form to set its own; on the owner's
 * page also whether the indicator is mandatory below and how it rolls up.
 */
export function TargetPanel({ data, onChanged }: { data: IndicatorPageResponse; onChanged: () => void }) {
  const { lang } = useI18n();
  const x = useCascadeTexts();
  const headingId = useId();
  const { indicator, target } = data;
  const range = indicator.direction === 'range';
  const num = (v: number | null | undefined) => (v == null ? '' : formatNumber(v, indicator.decimals, lang));
  const [value, setValue] = useState(num(target?.target));
  const [low, setLow] = useState(num(target?.low));
  const [high, setHigh] = useState(num(target?.high));
  const [tolerance, setTolerance] = useState(num(target?.tolerance ?? 0));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const now = target ? (range ? `${num(target.low)}–${num(target.high)}` : `${indicator.direction === 'higher' ? '≥' : '≤'} ${num(target.target)}`) : '–';

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await cascadeApi.setTarget(indicator.id, {
        unitId: data.unit.id,
        target: range ? null : parseDecimal(value),
        low: range ? parseDecimal(low) : null,
        high: range ? parseDecimal(high) : null,
        tolerance: parseDecimal(tolerance) ?? 0,
      });
      setMessage({ ok: true, text: x.saved });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: x.saveFailed(err instanceof Error ? err.message : String(err)) });
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{x.targetPanel}</h2>
      <p>
        {x.targetNow(target && indicator.unitLabel ? `${now}\u00a0${unitFor(indicator.unitLabel, target.high ?? target.target ?? 2, indicator.decimals, lang)}` : now)} ({data.targetInherited ? x.inherited : x.ownTarget})
      </p>
      <form className="form-row" onSubmit={save} aria-label={x.setTarget}>
        {range ? (
          <>
            <label>{x.low}<input inputMode="decimal" required value={low} onChange={(e) => setLow(e.target.value)} /></label>
            <label>{x.high}<input inputMode="decimal" required value={high} onChange={(e) => setHigh(e.target.value)} /></label>
          </>
        ) : (
          <label>{x.targetValue}<input inputMode="decimal" required value={value} onChange={(e) => setValue(e.target.value)} /></label>
        )}
        <label>{x.tolerance}<input inputMode="decimal" value={tolerance} onChange={(e) => setTolerance(e.target.value)} /></label>
        <button type="submit" className="button">{x.setTarget}</button>
        {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      </form>
      {data.unit.id === indicator.unitId && <OwnerSettings data={data} onChanged={onChanged} />}
    </section>
  );
}

function OwnerSettings({ data, onChanged }: { data: IndicatorPageResponse; onChanged: () => void }) {
  const x = useCascadeTexts();
  const [mandatory, setMandatory] = useState(data.indicator.mandatory);
  const [rollup, setRollup] = useState<Rollup | ''>(data.indicator.rollup ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await cascadeApi.setSettings(data.indicator.id, { mandatory, rollup: rollup || null });
      onChanged();
    } catch (err) {
      setError(x.saveFailed(err instanceof Error ? err.message : String(err)));
    }
  };
  return (
    <form className="form-row" onSubmit={save} aria-label={x.saveSettings}>
      <label className="checkbox">
        <input type="checkbox" checked={mandatory} onChange={(e) => setMandatory(e.target.checked)} /> {x.mandatory}
      </label>
      <label>
        {x.rollupMethod}
        <select value={rollup} onChange={(e) => setRollup(e.target.value as Rollup | '')}>
          <option value="">{x.rollupNone}</option>
          {(['sum', 'mean', 'weighted'] as const).map((r) => <option key={r} value={r}>{x.rollupNames[r]}</option>)}
        </select>
      </label>
      <button type="submit" className="button">{x.saveSettings}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
