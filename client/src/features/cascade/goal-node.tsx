import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { GoalListResponse, GoalView } from '../../../../shared/cascade';
import { Menu } from '../../components/menu';
import { Badge, StatusPill } from '../../components/status-pill';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { GoalForm, type GoalFormMode } from './goal-form';
import { type GoalNode, type Sight, statusesBelow } from './goal-tree';
import { Initiatives } from './initiatives';
import { useReportTexts } from './report-texts';
import { useCascadeTexts } from './texts';

export interface TreeContext {
  data: GoalListResponse;
  open: ReadonlySet<string>;
  toggle: (goalId: string) => void;
  /** The chosen unit's line of sight, or null when no unit is chosen. */
  sight: ReadonlyMap<string, Sight> | null;
  form: GoalFormMode | null;
  onForm: (m: GoalFormMode) => void;
  onFormDone: (saved: boolean) => void;
  onChanged: () => void;
}

/** One level of the cascade: a list of goals, each with its own translations as a nested list. */
export function GoalTreeList({ nodes, ctx, label, id }: { nodes: readonly GoalNode[]; ctx: TreeContext; label?: string; id?: string }) {
  return (
    <ul className="goal-tree" role="list" aria-label={label} id={id}>
      {nodes.map((n) => <GoalNodeItem key={n.goal.id} node={n} ctx={ctx} />)}
    </ul>
  );
}

function GoalNodeItem({ node, ctx }: { node: GoalNode; ctx: TreeContext }) {
  const { goal, children } = node;
  const x = useCascadeTexts();
  const titleId = useId();
  const childrenId = useId();
  const [details, setDetails] = useState(false);
  const expanded = ctx.open.has(goal.id);
  const sight = ctx.sight?.get(goal.id) ?? null;
  const editing = ctx.form && ctx.form.kind !== 'new' && (ctx.form.kind === 'edit' ? ctx.form.goal.id : ctx.form.parent.id) === goal.id ? ctx.form : null;
  const layer = ctx.data.layers.find((l) => l.rank === goal.layerRank);
  const cls = ['goal-node', `goal-node--layer-${Math.min(goal.layerRank, 4)}`, sight ? `goal-node--${sight}` : '', ctx.sight && !sight ? 'goal-node--outside' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <li className={cls} id={goal.id} aria-labelledby={titleId}>
      <div className="goal-node__row">
        {children.length > 0 ? (
          <button
            type="button"
            className="goal-node__toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? childrenId : undefined}
            aria-label={expanded ? x.foldGoal(goal.title) : x.unfoldGoal(goal.title)}
            onClick={() => ctx.toggle(goal.id)}
          >
            <span className="goal-node__chevron" aria-hidden="true" />
          </button>
        ) : (
          <span className="goal-node__leaf" aria-hidden="true" />
        )}
        <div className="goal-node__main">
          <p className="goal-node__kicker">
            {layer && <span className="goal-node__layer">{layer.name}</span>}
            {sight && <Badge tone={sight === 'own' ? 'info' : 'neutral'}>{x.sightNames[sight]}</Badge>}
          </p>
          <p id={titleId} className="goal-node__title">{goal.title}</p>
          <GoalMeta goal={goal} />
        </div>
        <GoalIndicator node={node} />
        <Menu
          label={x.goalActions(goal.title)}
          align="end"
          className="goal-node__menu"
          triggerContent={<span aria-hidden="true">⋯</span>}
          items={[
            { id: 'translate', label: x.translate, onSelect: () => ctx.onForm({ kind: 'translate', parent: goal }) },
            { id: 'edit', label: x.edit, onSelect: () => ctx.onForm({ kind: 'edit', goal }) },
            { id: 'details', label: details ? x.hideDetails : x.showDetails, onSelect: () => setDetails((d) => !d) },
          ]}
        />
        {!expanded && children.length > 0 && <BelowSummary node={node} />}
      </div>
      {details && <GoalDetails goal={goal} ctx={ctx} />}
      {editing && (
        <GoalForm
          key={editing.kind === 'edit' ? editing.goal.id : `t-${editing.parent.id}`}
          mode={editing}
          data={ctx.data}
          onDone={ctx.onFormDone}
        />
      )}
      {expanded && children.length > 0 && <GoalTreeList nodes={children} ctx={ctx} id={childrenId} label={x.translationsOf(goal.title)} />}
    </li>
  );
}

/** Owners, where the goal comes from, cross-cutting, deadline. */
function GoalMeta({ goal }: { goal: GoalView }) {
  const x = useCascadeTexts();
  const r = useReportTexts();
  const { lang } = useI18n();
  return (
    <p className="goal-node__meta">
      <span>{goal.ownerNames.join(' · ')}</span>
      {goal.external && <span>{goal.external}</span>}
      {r.source[goal.source] && <Badge>{r.source[goal.source]}</Badge>}
      {goal.ownerIds.length + goal.externalOwners.length > 1 && <Badge tone="info">{x.crossCutting}</Badge>}
      {goal.deadline && <span>{x.deadline}: {formatDate(goal.deadline, lang)}</span>}
    </p>
  );
}

/**
 * The goal's indicator and status, a cross-cutting goal's joint status and each owner's; a goal followed only
 * through its translations shows how they stand.
 */
function GoalIndicator({ node }: { node: GoalNode }) {
  const { t } = useI18n();
  const x = useCascadeTexts();
  const r = useReportTexts();
  const { goal } = node;
  const unit = goal.ownerIds[0];
  const more = goal.alsoIndicatorIds.length;
  if (!goal.indicatorId || !unit) {
    const counts = statusesBelow(node);
    return (
      <div className="goal-node__indicator">
        <span className="goal-node__indicator--none">{x.noIndicatorOnGoal}</span>
        <ul className="goal-node__owners" aria-label={x.statusBelow}>
          {(['red', 'amber', 'green'] as const)
            .filter((s) => counts[s] > 0)
            .map((s) => (
              <li key={s}>
                <StatusPill status={s} text={x.countBelow(counts[s], s)} />
              </li>
            ))}
        </ul>
      </div>
    );
  }
  const joint = goal.ownerStatuses.length > 1;
  return (
    <div className="goal-node__indicator">
      <Link href={`/indicators/${encodeURIComponent(goal.indicatorId)}?unit=${encodeURIComponent(unit)}`} className="goal-node__indicator-link">
        {goal.indicatorName}
      </Link>
      <StatusPill status={goal.status} text={joint ? `${r.joint}: ${t.status[goal.status]}` : t.status[goal.status]} />
      {more > 0 && <span className="goal-node__more">{x.moreIndicators(more)}</span>}
      {goal.ownerStatuses.length > 1 && (
        <ul className="goal-node__owners" aria-label={x.statusPerOwner}>
          {goal.ownerStatuses.map((o) => (
            <li key={o.name}>
              <StatusPill status={o.status} text={`${o.name}: ${t.status[o.status]}`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Under a folded goal: how many translations it has and how they stand. */
function BelowSummary({ node }: { node: GoalNode }) {
  const x = useCascadeTexts();
  const counts = statusesBelow(node);
  const total = counts.green + counts.amber + counts.red + counts.none;
  // A goal without an indicator already shows its translations' statuses beside it.
  const parts = node.goal.indicatorId
    ? (['red', 'amber', 'green'] as const).filter((s) => counts[s] > 0).map((s) => x.countBelow(counts[s], s))
    : [];
  return (
    <p className="goal-node__below">
      {x.translationsBelow(total)}
      {parts.length > 0 && `: ${parts.join(', ')}`}
    </p>
  );
}

/** Why, rationale, how measured, realism and the goal's initiatives. */
function GoalDetails({ goal, ctx }: { goal: GoalView; ctx: TreeContext }) {
  const x = useCascadeTexts();
  const rows = [
    [x.measure, goal.measure],
    [x.why, goal.why],
    [x.rationale, goal.rationale],
    [x.realism, goal.realism],
  ].filter(([, v]) => v);
  return (
    <div className="goal-node__details">
      {rows.length > 0 && (
        <dl className="goal-node__facts">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      <Initiatives goal={goal} data={ctx.data} onChanged={ctx.onChanged} />
    </div>
  );
}
