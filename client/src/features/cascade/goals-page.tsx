import './cascade.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { GoalListResponse, GoalView } from '../../../../shared/cascade';
import { useI18n } from '../../lib/i18n-context';
import { StatusBadge } from '../indicators';
import { cascadeApi } from './cascade-api';
import { GoalForm, type GoalFormMode } from './goal-form';
import { GoalExtrasProvider, Initiatives } from './initiatives';
import { ReportLink } from './report-link';
import { LineOfSight } from './line-of-sight';
import { useCascadeTexts } from './texts';
import { useLoad } from '../../lib/use-load';

/** `/goals`: the goal hierarchy by leadership layer, each goal with its chain upwards and translations below. */
export function GoalsPage() {
  const x = useCascadeTexts();
  const { state, reload } = useLoad(() => cascadeApi.goals(), []);
  const [unitFilter, setUnitFilter] = useState('');
  const [form, setForm] = useState<GoalFormMode | null>(null);
  const filterId = useId();

  useEffect(() => {
    document.title = `${x.goals} – Kaskade`;
  }, [x]);

  if (state.status === 'loading') return <div className="page"><p aria-live="polite">{x.loading}</p></div>;
  if (state.status === 'error') return <div className="page"><p role="alert">{x.loadFailed}</p></div>;
  const data = state.data;

  return (
    <div className="page page--goals">
      <h1 className="page__title">{x.goals}</h1>
      <p className="muted">{x.goalsIntro}</p>
      <div className="toolbar">
        <label htmlFor={filterId}>{x.filterByUnit}</label>{' '}
        <select id={filterId} value={unitFilter} onChange={(e) => setUnitFilter(e.target.value)}>
          <option value="">{x.allUnits}</option>
          {data.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>{' '}
        <button type="button" className="button" onClick={() => setForm({ kind: 'new' })}>{x.newGoal}</button>
        <ReportLink unitId={unitFilter || data.units.find((u) => u.parentId === null)?.id} />
      </div>
      {form && (
        <GoalForm
          key={form.kind === 'new' ? 'new' : form.kind === 'edit' ? form.goal.id : `t-${form.parent.id}`}
          mode={form}
          data={data}
          onDone={(saved) => {
            setForm(null);
            if (saved) reload();
          }}
        />
      )}
      <GoalExtrasProvider><GoalLayers data={data} unitFilter={unitFilter} onForm={setForm} onChanged={reload} /></GoalExtrasProvider>
    </div>
  );
}

interface GoalListProps {
  data: GoalListResponse;
  onForm: (m: GoalFormMode) => void;
  onChanged: () => void;
}

function GoalLayers({ data, unitFilter, onForm, onChanged }: GoalListProps & { unitFilter: string }) {
  const x = useCascadeTexts();
  const visible = useMemo(() => {
    if (!unitFilter) return data.goals;
    const parents = new Map(data.units.map((u) => [u.id, u.parentId]));
    const within = (unitId: string) => {
      for (let u: string | null = unitId; u; u = parents.get(u) ?? null) if (u === unitFilter) return true;
      return false;
    };
    return data.goals.filter((g) => g.ownerIds.some(within));
  }, [data, unitFilter]);
  if (visible.length === 0) return <p>{x.noGoals}</p>;
  return (
    <>
      {data.layers.map((layer) => {
        const goals = visible.filter((g) => g.layerRank === layer.rank);
        if (goals.length === 0) return null;
        return (
          <section key={layer.id} className="goal-layer" aria-label={x.layerHeading(layer.name)}>
            <h2>{layer.name}</h2>
            <ul className="goal-list" role="list">
              {goals.map((g) => <GoalItem key={g.id} goal={g} data={data} onForm={onForm} onChanged={onChanged} />)}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function GoalItem({ goal, data, onForm, onChanged }: GoalListProps & { goal: GoalView }) {
  const { t } = useI18n();
  const x = useCascadeTexts();
  const titleId = useId();
  const translations = data.goals.filter((g) => g.parentId === goal.id);
  const unit = goal.ownerIds[0];
  return (
    <li className="goal" id={goal.id} aria-labelledby={titleId}>
      <h3 id={titleId} className="goal__title">{goal.title}</h3>
      <p className="goal__meta">
        {goal.ownerNames.join(' · ')}
        {goal.ownerIds.length > 1 && <span className="badge"> {x.crossCutting}</span>}
        {goal.external && <span className="badge"> {x.externalGoal(goal.external)}</span>}
        {goal.deadline && <span> · {x.deadline}: {goal.deadline}</span>}
      </p>
      <LineOfSight chain={goal.chain} compact />
      {goal.indicatorId && unit && (
        <p className="goal__indicator">
          <Link href={`/indicators/${encodeURIComponent(goal.indicatorId)}?unit=${encodeURIComponent(unit)}`}>{goal.indicatorName}</Link>{' '}
          <StatusBadge status={goal.status} text={t.statusText(goal.status)} />
        </p>
      )}
      {goal.why && <p className="goal__why">{x.why}: {goal.why}</p>}
      {goal.rationale && <p className="goal__why">{x.rationale}: {goal.rationale}</p>}
      <div className="goal__translations">
        <h4>{x.translations}</h4>
        {translations.length === 0 ? (
          <p className="muted">{x.noTranslations}</p>
        ) : (
          <ul>
            {translations.map((c) => (
              <li key={c.id}>
                <a href={`#${c.id}`}>{c.title}</a> <span className="muted">({c.ownerNames.join(', ')})</span>{' '}
                <StatusBadge status={c.status} text={t.statusText(c.status)} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <Initiatives goal={goal} data={data} onChanged={onChanged} />
      <div className="goal__actions">
        <button type="button" className="button button--small" onClick={() => onForm({ kind: 'translate', parent: goal })}>
          {x.translate}<span className="visually-hidden">: {goal.title}</span>
        </button>
        <button type="button" className="button button--small" onClick={() => onForm({ kind: 'edit', goal })}>
          {x.edit}<span className="visually-hidden">: {goal.title}</span>
        </button>
      </div>
    </li>
  );
}
