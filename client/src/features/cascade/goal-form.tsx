import { type FormEvent, useId, useState } from 'react';
import type { GoalInput, GoalListResponse, GoalView } from '../../../../shared/cascade';
import { translationDefaults } from '../../../../shared/domain/cascade';
import { cascadeApi } from './cascade-api';
import { FormFooter } from './form-footer';
import { GoalHints } from './goal-hints';
import { useCascadeTexts } from './texts';

export type GoalFormMode = { kind: 'new' } | { kind: 'translate'; parent: GoalView } | { kind: 'edit'; goal: GoalView };

interface Props {
  mode: GoalFormMode;
  data: GoalListResponse;
  onDone: (saved: boolean) => void;
}

/** Create, translate (a unit's own version of a parent goal) or edit a goal, with its SMART fields. */
export function GoalForm({ mode, data, onDone }: Props) {
  const x = useCascadeTexts();
  const base = mode.kind === 'edit' ? mode.goal : null;
  const parent = mode.kind === 'translate' ? mode.parent : null;
  const start = parent ? translationDefaults(parent) : null;
  const [title, setTitle] = useState(base?.title ?? '');
  const [owners, setOwners] = useState<string[]>(base?.ownerIds ?? []);
  const [external, setExternal] = useState(base?.external ?? '');
  const [measure, setMeasure] = useState(base?.measure ?? '');
  const [why, setWhy] = useState(base?.why ?? start?.why ?? '');
  const [realism, setRealism] = useState(base?.realism ?? '');
  const [rationale, setRationale] = useState(base?.rationale ?? '');
  const [deadline, setDeadline] = useState(base?.deadline ?? start?.deadline ?? '');
  const [indicatorId, setIndicatorId] = useState(base?.indicatorId ?? start?.indicatorId ?? '');
  const initialTarget = base ? base.target : (start?.target ?? null);
  const [target, setTarget] = useState(initialTarget != null ? String(initialTarget) : '');
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const heading = mode.kind === 'new' ? x.newGoal : mode.kind === 'translate' ? x.translateGoal(mode.parent.title) : x.editGoal(mode.goal.title);
  // A translation is for units below the parent's owners.
  const unitChoices = parent ? data.units.filter((u) => isBelow(u.id, parent.ownerIds, data)) : data.units;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const targetNumber = target.trim() === '' ? null : Number(target.replace(',', '.'));
    const goal: GoalInput = {
      title,
      ownerIds: owners,
      parentId: parent?.id ?? base?.parentId ?? null,
      external,
      measure,
      why,
      realism,
      rationale,
      deadline: deadline || null,
      indicatorId: indicatorId || null,
      target: targetNumber !== null && Number.isFinite(targetNumber) ? targetNumber : null,
      // Not edited here: kept as they are (a translation inherits its parent's source).
      source: base?.source ?? parent?.source ?? '',
      externalOwners: base?.externalOwners ?? [],
      alsoIndicatorIds: base?.alsoIndicatorIds ?? [],
    };
    try {
      if (base) await cascadeApi.updateGoal(base.id, goal);
      else await cascadeApi.createGoal(goal);
      onDone(true);
    } catch (err) {
      setError(x.saveFailed(err instanceof Error ? err.message : String(err)));
    }
  };

  return (
    <form className="panel form-grid goal-form" onSubmit={submit} aria-label={heading}>
      <h2>{heading}</h2>
      <label>
        {x.title}
        <input required value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
      </label>
      <label>
        {x.owners}
        <select
          multiple
          required
          value={owners}
          onChange={(e) => setOwners([...e.target.selectedOptions].map((o) => o.value))}
          aria-describedby={hintId}
        >
          {unitChoices.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </label>
      <p id={hintId} className="muted">{x.ownersHint}</p>
      {!parent && !base?.parentId && (
        <label>
          {x.external}
          <input value={external} onChange={(e) => setExternal(e.target.value)} maxLength={200} />
        </label>
      )}
      {(parent || base?.parentId) && (
        <label>
          {x.rationale}
          <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} rows={2} />
        </label>
      )}
      <label>
        {x.indicator}
        <select value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
          <option value="">{x.noIndicator}</option>
          {data.indicators.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
        </select>
      </label>
      <label>
        {x.targetValue}
        <input inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} />
      </label>
      <label>
        {x.measure}
        <textarea value={measure} onChange={(e) => setMeasure(e.target.value)} rows={2} />
      </label>
      <label>
        {x.why}
        <textarea value={why} onChange={(e) => setWhy(e.target.value)} rows={2} />
      </label>
      <label>
        {x.realism}
        <textarea value={realism} onChange={(e) => setRealism(e.target.value)} rows={2} />
      </label>
      <label>
        {x.deadline}
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <GoalHints draft={{ measure, why, realism, deadline, indicatorId }} ownerIds={owners} data={data} editingId={base?.id ?? null} />
      <FormFooter onCancel={() => onDone(false)} error={error} />
    </form>
  );
}

function isBelow(unitId: string, ancestors: readonly string[], data: GoalListResponse): boolean {
  const parents = new Map(data.units.map((u) => [u.id, u.parentId]));
  for (let p = parents.get(unitId) ?? null; p; p = parents.get(p) ?? null) if (ancestors.includes(p)) return true;
  return false;
}
