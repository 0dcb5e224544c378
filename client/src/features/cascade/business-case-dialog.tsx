import { type FormEvent, useState } from 'react';
import type { Initiative, InitiativeInput } from '../../../../shared/cascade';
import { paybackYears } from '../../../../shared/domain/business-case';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { formatNumber, parseDecimal } from '../../lib/format';
import type { Lang } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n-context';
import { useBusinessCaseTexts } from './business-case-texts';
import { cascadeApi } from './cascade-api';

export interface BusinessCaseGoal {
  id: string;
  title: string;
  indicatorId: string | null;
  alsoIndicatorIds: string[];
}

/** Kroner as typed: `240.000` or `240000` in Danish, `240,000` in English; null when empty or not a number. */
export function parseKroner(text: string, lang: Lang): number | null {
  const grouping = lang === 'da' ? /[.\s]/g : /[,\s]/g;
  return parseDecimal(text.replace(grouping, ''));
}

const numberText = (v: number | null | undefined, lang: Lang, decimals = 2) =>
  v === null || v === undefined ? '' : formatNumber(v, Number.isInteger(v) ? 0 : decimals, lang).replace(/\u00a0/g, ' ');

interface Props {
  goal: BusinessCaseGoal;
  /** Every indicator one may pick. */
  indicators: readonly { id: string; name: string }[];
  /** The initiative to edit; a new one when absent. */
  initiative?: Initiative | undefined;
  onDone: (saved: boolean) => void;
}

/** Creates or edits an initiative's business case: money, dates, the indicators it should move and their targets. */
export function BusinessCaseDialog({ goal, indicators, initiative, onDone }: Props) {
  const b = useBusinessCaseTexts();
  const { lang } = useI18n();
  const goalIndicators = [goal.indicatorId, ...goal.alsoIndicatorIds].filter((id): id is string => id !== null);
  const [title, setTitle] = useState(initiative?.title ?? '');
  const [effect, setEffect] = useState(initiative?.expectedEffect ?? '');
  const [investment, setInvestment] = useState(numberText(initiative?.investment, lang));
  const [saving, setSaving] = useState(numberText(initiative?.yearlySaving, lang));
  const [startDate, setStartDate] = useState(initiative?.startDate ?? '');
  const [endDate, setEndDate] = useState(initiative?.endDate ?? '');
  const [picked, setPicked] = useState<string[]>(initiative?.indicatorIds ?? goalIndicators.slice(0, 1));
  const [ends, setEnds] = useState<Record<string, { baseline: string; target: string }>>(() =>
    Object.fromEntries((initiative?.targets ?? []).map((t) => [t.indicatorId, { baseline: numberText(t.baselineValue, lang), target: numberText(t.targetValue, lang) }])),
  );
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<Record<string, string>>({});

  const money = { investment: parseKroner(investment, lang), saving: parseKroner(saving, lang) };
  const payback = paybackYears(money.investment, money.saving);
  const names = new Map(indicators.map((i) => [i.id, i.name]));
  // The goal's own indicators first, then the rest by name.
  const ordered = [...goalIndicators.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
    ...indicators.filter((i) => !goalIndicators.includes(i.id))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const wrong: Record<string, string> = {};
    if (investment.trim() && money.investment === null) wrong.investment = b.moneyHint;
    if (saving.trim() && money.saving === null) wrong.saving = b.moneyHint;
    const targets = picked.map((indicatorId) => {
      const t = ends[indicatorId] ?? { baseline: '', target: '' };
      const baselineValue = t.baseline.trim() ? parseDecimal(t.baseline) : null;
      const targetValue = t.target.trim() ? parseDecimal(t.target) : null;
      if (t.baseline.trim() && baselineValue === null) wrong[`b-${indicatorId}`] = b.baselineHint;
      if (t.target.trim() && targetValue === null) wrong[`t-${indicatorId}`] = b.target(names.get(indicatorId) ?? indicatorId);
      return { indicatorId, baselineValue, targetValue };
    }).filter((t) => t.baselineValue !== null || t.targetValue !== null);
    setFieldError(wrong);
    if (Object.keys(wrong).length > 0) return;
    const body: InitiativeInput = {
      title, expectedEffect: effect, investment: money.investment, yearlySaving: money.saving,
      startDate: startDate || null, endDate: endDate || null, indicatorIds: picked, targets,
    };
    try {
      if (initiative) await cascadeApi.updateInitiative(initiative.id, body);
      else await cascadeApi.addInitiative(goal.id, body);
      onDone(true);
    } catch (err) {
      setError(b.saveFailed(err instanceof Error ? err.message : String(err)));
    }
  };

  const setEnd = (id: string, key: 'baseline' | 'target', value: string) =>
    setEnds((all) => ({ ...all, [id]: { baseline: '', target: '', ...all[id], [key]: value } }));

  return (
    <Dialog title={initiative ? b.editCase(initiative.title) : b.newFor(goal.title)} onClose={() => onDone(false)}>
      <form className="form-grid business-case-form" onSubmit={submit}>
        <Field label={b.title}>
          {({ id }) => <input id={id} required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus />}
        </Field>
        <Field label={b.expectedEffect}>
          {({ id }) => <textarea id={id} maxLength={2000} rows={2} value={effect} onChange={(e) => setEffect(e.target.value)} />}
        </Field>
        <Field label={b.investment} hint={b.moneyHint} error={fieldError.investment}>
          {({ id, describedBy, invalid }) => (
            <input id={id} inputMode="numeric" aria-describedby={describedBy} aria-invalid={invalid} value={investment} onChange={(e) => setInvestment(e.target.value)} />
          )}
        </Field>
        <Field label={b.yearlySaving} error={fieldError.saving}>
          {({ id, describedBy, invalid }) => (
            <input id={id} inputMode="numeric" aria-describedby={describedBy} aria-invalid={invalid} value={saving} onChange={(e) => setSaving(e.target.value)} />
          )}
        </Field>
        <p className="business-case-form__payback" aria-live="polite">
          {b.payback}: {payback === null ? b.noPayback : b.paybackYears(formatNumber(payback, 1, lang))}
        </p>
        <Field label={b.startDate}>
          {({ id }) => <input id={id} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
        </Field>
        <Field label={b.endDate}>
          {({ id }) => <input id={id} type="date" value={endDate} min={startDate || undefined} onChange={(e) => setEndDate(e.target.value)} />}
        </Field>
        <fieldset className="business-case-form__indicators">
          <legend>{b.indicators}</legend>
          <ul role="list">
            {ordered.map((i) => {
              const on = picked.includes(i.id);
              return (
                <li key={i.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={on}
                      onChange={(e) => setPicked((p) => (e.target.checked ? [...p, i.id] : p.filter((x) => x !== i.id)))}
                    />{' '}
                    {i.name}
                  </label>
                  {on && (
                    <div className="business-case-form__ends">
                      <Field label={b.baseline(i.name)} hint={b.baselineHint} error={fieldError[`b-${i.id}`]}>
                        {({ id, describedBy, invalid }) => (
                          <input id={id} inputMode="decimal" aria-describedby={describedBy} aria-invalid={invalid}
                            value={ends[i.id]?.baseline ?? ''} onChange={(e) => setEnd(i.id, 'baseline', e.target.value)} />
                        )}
                      </Field>
                      <Field label={b.target(i.name)} error={fieldError[`t-${i.id}`]}>
                        {({ id, describedBy, invalid }) => (
                          <input id={id} inputMode="decimal" aria-describedby={describedBy} aria-invalid={invalid}
                            value={ends[i.id]?.target ?? ''} onChange={(e) => setEnd(i.id, 'target', e.target.value)} />
                        )}
                      </Field>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button--primary">{b.save}</button>
          <button type="button" className="button" onClick={() => onDone(false)}>{b.cancel}</button>
        </div>
        {error && <p role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}

/** Closes an initiative: a conclusion is required (what it brought, what was learnt). */
export function CloseBusinessCaseDialog({ initiative, onDone }: { initiative: { id: string; title: string }; onDone: (saved: boolean) => void }) {
  const b = useBusinessCaseTexts();
  const [conclusion, setConclusion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await cascadeApi.closeInitiative(initiative.id, conclusion);
      onDone(true);
    } catch (err) {
      setError(b.saveFailed(err instanceof Error ? err.message : String(err)));
    }
  };
  return (
    <Dialog title={b.closeCase(initiative.title)} onClose={() => onDone(false)}>
      <form className="form-grid" onSubmit={submit}>
        <Field label={b.conclusion} hint={b.conclusionHint}>
          {({ id, describedBy }) => (
            <textarea id={id} required maxLength={2000} rows={4} aria-describedby={describedBy} value={conclusion}
              onChange={(e) => setConclusion(e.target.value)} data-autofocus />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button--primary">{b.close}</button>
          <button type="button" className="button" onClick={() => onDone(false)}>{b.cancel}</button>
        </div>
        {error && <p role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
