import { type FormEvent, useId, useState } from 'react';
import { cascadeApi } from './cascade-api';
import { useCascadeTexts } from './texts';

interface DeviationFormProps {
  indicatorId: string;
  unitId: string;
  periodStart: string;
  onSaved: () => void;
}

/** Asked when the latest value is red: the cause, and an action that becomes a card on the unit's board. */
export function DeviationForm({ indicatorId, unitId, periodStart, onSaved }: DeviationFormProps) {
  const x = useCascadeTexts();
  const headingId = useId();
  const [cause, setCause] = useState('');
  const [action, setAction] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    try {
      await cascadeApi.recordDeviation(indicatorId, { unitId, periodStart, cause, action, ownerName: owner, dueDate: due || null });
      setState({ kind: 'saved' });
      setCause('');
      setAction('');
      onSaved();
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="panel panel--alert" id="afvigelse" aria-labelledby={headingId}>
      <h2 id={headingId}>{x.deviation}</h2>
      <p>{x.deviationAsk}</p>
      <form className="form-grid" onSubmit={submit}>
        <label>
          {x.cause}
          <textarea required value={cause} onChange={(e) => setCause(e.target.value)} rows={2} maxLength={2000} />
        </label>
        <label>
          {x.action}
          <input required value={action} onChange={(e) => setAction(e.target.value)} maxLength={200} />
        </label>
        <label>
          {x.owner}
          <input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={120} />
        </label>
        <label>
          {x.due}
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={state.kind === 'saving'}>{x.recordDeviation}</button>
        </div>
        {state.kind === 'saved' && <p role="status">{x.deviationSaved}</p>}
        {state.kind === 'error' && <p role="alert">{x.saveFailed(state.message)}</p>}
      </form>
    </section>
  );
}
