import { type FormEvent, useState } from 'react';
import type { GoalListResponse, GoalView } from '../../../../shared/cascade';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { cascadeApi } from './cascade-api';
import { FormFooter } from './form-footer';
import { useCascadeTexts } from './texts';

/** A goal's initiatives (business cases), followed until done, and a form to add one. */
export function Initiatives({ goal, data, onChanged }: { goal: GoalView; data: GoalListResponse; onChanged: () => void }) {
  const x = useCascadeTexts();
  const { lang } = useI18n();
  const [adding, setAdding] = useState(false);
  const list = data.initiatives.filter((i) => i.goalId === goal.id);
  const names = new Map(data.indicators.map((i) => [i.id, i.name]));
  return (
    <div className="goal__initiatives">
      <h4>{x.initiatives}</h4>
      {list.length > 0 && (
        <ul>
          {list.map((i) => (
            <li key={i.id}>
              <strong>{i.title}</strong> <span className="badge">{i.done ? x.done : x.active}</span>
              {i.endDate && <span className="muted"> · {x.endDate}: {formatDate(i.endDate, lang)}</span>}
              {i.expectedEffect && <span className="muted"> · {x.expectedEffect}: {i.expectedEffect}</span>}
              {i.indicatorIds.length > 0 && (
                <span className="muted"> · {x.kpis}: {i.indicatorIds.map((k) => names.get(k) ?? k).join(', ')}</span>
              )}{' '}
              <button
                type="button"
                className="button button--small"
                onClick={() => void cascadeApi.setInitiativeDone(i.id, !i.done).then(onChanged, onChanged)}
              >
                {i.done ? x.reopen : x.markDone}<span className="visually-hidden">: {i.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <InitiativeForm goal={goal} data={data} onDone={(saved) => { setAdding(false); if (saved) onChanged(); }} />
      ) : (
        <button type="button" className="button button--small" onClick={() => setAdding(true)}>
          {x.newInitiative}<span className="visually-hidden">: {goal.title}</span>
        </button>
      )}
    </div>
  );
}

function InitiativeForm({ goal, data, onDone }: { goal: GoalView; data: GoalListResponse; onDone: (saved: boolean) => void }) {
  const x = useCascadeTexts();
  const [title, setTitle] = useState('');
  const [baseline, setBaseline] = useState('');
  const [effect, setEffect] = useState('');
  const [endDate, setEndDate] = useState('');
  const [kpis, setKpis] = useState<string[]>(goal.indicatorId ? [goal.indicatorId] : []);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await cascadeApi.addInitiative(goal.id, { title, baseline, expectedEffect: effect, endDate: endDate || null, indicatorIds: kpis });
      onDone(true);
    } catch (err) {
      setError(x.saveFailed(err instanceof Error ? err.message : String(err)));
    }
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={x.newInitiativeFor(goal.title)}>
      <label>
        {x.initiativeTitle}
        <input required value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      </label>
      <label>
        {x.initiativeBaseline}
        <input value={baseline} onChange={(e) => setBaseline(e.target.value)} />
      </label>
      <label>
        {x.expectedEffect}
        <input value={effect} onChange={(e) => setEffect(e.target.value)} />
      </label>
      <label>
        {x.endDate}
        <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
      </label>
      <label>
        {x.kpis}
        <select multiple value={kpis} onChange={(e) => setKpis([...e.target.selectedOptions].map((o) => o.value))}>
          {data.indicators.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </select>
      </label>
      <FormFooter onCancel={() => onDone(false)} error={error} />
    </form>
  );
}
