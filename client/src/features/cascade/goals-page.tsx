import './cascade.css';
import './goals-tree.css';
import { useEffect, useMemo, useState } from 'react';
import type { GoalListResponse } from '../../../../shared/cascade';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { PageLayout } from '../../components/page-layout';
import { Select } from '../../components/select';
import { cascadeApi } from './cascade-api';
import { GoalForm, type GoalFormMode } from './goal-form';
import { GoalTreeList } from './goal-node';
import { GoalExtrasProvider } from './initiatives';
import { ReportLink } from './report-link';
import { ancestorsOf, buildGoalTree, flatten, type LineOfSight, lineOfSight } from './goal-tree';
import { useCascadeTexts } from './texts';
import { useLoad } from '../../lib/use-load';

// Up to this many goals the whole cascade starts unfolded; beyond it, the top goals and their first translations.
const UNFOLD_ALL_UP_TO = 40;

/**
 * `/goals`: the cascade as a tree — each top goal with its translations layer by layer down to the wards, each
 * with its indicator and status. Branches fold; choosing a unit highlights its line of sight (its own goals, the
 * chain above them and their translations below) and unfolds the way to it.
 */
export function GoalsPage() {
  const x = useCascadeTexts();
  const { state, reload } = useLoad(() => cascadeApi.goals(), []);
  const [unitFilter, setUnitFilter] = useState('');
  const [form, setForm] = useState<GoalFormMode | null>(null);

  useEffect(() => {
    document.title = `${x.goals} – Kaskade`;
  }, [x]);

  const newGoal = (
    <Button variant="primary" onClick={() => setForm({ kind: 'new' })}>
      {x.newGoal}
    </Button>
  );

  if (state.status === 'loading') return <PageLayout title={x.goals}><p aria-live="polite">{x.loading}</p></PageLayout>;
  if (state.status === 'error') return <PageLayout title={x.goals}><p role="alert">{x.loadFailed}</p></PageLayout>;
  const data = state.data;

  const onDone = (saved: boolean) => {
    setForm(null);
    if (saved) reload();
  };
  return (
    <PageLayout
      title={x.goals}
      subtitle={x.goalsIntro}
      className="page--goals"
      actions={
        <>
          <Select
            label={x.filterByUnit}
            className="goals-filter"
            value={unitFilter}
            onChange={setUnitFilter}
            options={[{ value: '', label: x.allUnits }, ...unitOptions(data)]}
          />
          {newGoal}
          <ReportLink unitId={unitFilter || data.units.find((u) => u.parentId === null)?.id} />
        </>
      }
    >
      {form?.kind === 'new' && <GoalForm key="new" mode={form} data={data} onDone={onDone} />}
      {data.goals.length === 0 ? (
        <EmptyState title={x.noGoals} action={newGoal} />
      ) : (
        <GoalExtrasProvider>
          <GoalCascade data={data} unitFilter={unitFilter} form={form} onForm={setForm} onFormDone={onDone} onChanged={reload} />
        </GoalExtrasProvider>
      )}
    </PageLayout>
  );
}

/** The units for the filter in tree order, grouped under their leadership layer. */
function unitOptions(data: GoalListResponse) {
  const layers = new Map(data.layers.map((l) => [l.id, l]));
  const children = new Map<string | null, GoalListResponse['units']>();
  const ids = new Set(data.units.map((u) => u.id));
  for (const u of data.units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const walk = (parent: string | null): GoalListResponse['units'] => (children.get(parent) ?? []).flatMap((u) => [u, ...walk(u.id)]);
  return walk(null)
    .map((u) => ({ value: u.id, label: u.name, group: layers.get(u.layerId)?.name ?? '', rank: layers.get(u.layerId)?.rank ?? 99 }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ value, label, group }) => ({ value, label, group }));
}

interface CascadeProps {
  data: GoalListResponse;
  unitFilter: string;
  form: GoalFormMode | null;
  onForm: (m: GoalFormMode) => void;
  onFormDone: (saved: boolean) => void;
  onChanged: () => void;
}

function GoalCascade({ data, unitFilter, form, onForm, onFormDone, onChanged }: CascadeProps) {
  const x = useCascadeTexts();
  const roots = useMemo(() => buildGoalTree(data.goals), [data.goals]);
  const all = useMemo(() => flatten(roots), [roots]);
  const sight: LineOfSight | null = useMemo(
    () => (unitFilter ? lineOfSight(unitFilter, data.goals, data.units) : null),
    [unitFilter, data.goals, data.units],
  );
  const [open, setOpen] = useState<ReadonlySet<string>>(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const unfold = all.length <= UNFOLD_ALL_UP_TO ? all : all.filter((n) => n.depth === 0);
    return new Set([...unfold.map((n) => n.goal.id), ...(hash ? ancestorsOf(hash, data.goals) : [])]);
  });

  // Choosing a unit unfolds the way to its goals and their translations (adjusted while rendering, as React
  // advises for state that follows a prop).
  const [unfoldedFor, setUnfoldedFor] = useState(unitFilter);
  if (unfoldedFor !== unitFilter) {
    setUnfoldedFor(unitFilter);
    if (sight) setOpen((prev) => new Set([...prev, ...[...sight.sight].filter(([, s]) => s !== 'below').map(([id]) => id)]));
  }

  // A link from a goal chain elsewhere (`/goals#id`) lands on that goal.
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (hash) document.getElementById(hash)?.scrollIntoView({ block: 'center' });
  }, []);

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const unitName = (id: string) => data.units.find((u) => u.id === id)?.name ?? id;
  const ownCount = sight ? [...sight.sight.values()].filter((s) => s === 'own').length : 0;

  return (
    <>
      <div className="goals-toolbar">
        {sight && (
          <p className="goals-toolbar__sight" role="status">
            {sight.unitId !== unitFilter && `${x.noOwnGoals(unitName(unitFilter), unitName(sight.unitId))} `}
            {x.lineOfSightFor(unitName(sight.unitId), ownCount)}
          </p>
        )}
        <div className="goals-toolbar__fold">
          <Button variant="quiet" size="sm" onClick={() => setOpen(new Set(all.filter((n) => n.children.length > 0).map((n) => n.goal.id)))}>
            {x.unfoldAll}
          </Button>
          <Button variant="quiet" size="sm" onClick={() => setOpen(new Set())}>
            {x.foldAll}
          </Button>
        </div>
      </div>
      <div className="goal-layers" aria-hidden="true">
        {data.layers.map((l) => (
          <span key={l.id} className={`goal-layer-key goal-layer-key--${Math.min(l.rank, 4)}`}>{l.name}</span>
        ))}
      </div>
      <GoalTreeList
        nodes={roots}
        label={x.goalCascade}
        ctx={{ data, open, toggle, sight: sight?.sight ?? null, form, onForm, onFormDone, onChanged }}
      />
    </>
  );
}
