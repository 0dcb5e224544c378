import type { GoalView, StatusCounts } from '../../../../shared/cascade';
import type { OrgUnit } from '../../../../shared/schemas';

/** A goal with its translations below it: the cascade as a tree. */
export interface GoalNode {
  goal: GoalView;
  children: GoalNode[];
  depth: number;
}

const byLayerThenTitle = (a: GoalView, b: GoalView) => a.layerRank - b.layerRank || a.title.localeCompare(b.title, 'da');

/**
 * The goals as trees: each top goal (no parent, or a parent the reader cannot see) with its translations nested
 * below it, layer by layer; siblings by layer then title.
 */
export function buildGoalTree(goals: readonly GoalView[]): GoalNode[] {
  const ids = new Set(goals.map((g) => g.id));
  const childrenOf = new Map<string | null, GoalView[]>();
  for (const g of goals) {
    const parent = g.parentId !== null && ids.has(g.parentId) ? g.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), g]);
  }
  const build = (parent: string | null, depth: number): GoalNode[] =>
    (childrenOf.get(parent) ?? [])
      .sort(byLayerThenTitle)
      .map((goal) => ({ goal, depth, children: build(goal.id, depth + 1) }));
  return build(null, 0);
}

/** Every node of the trees, parents before their children. */
export function flatten(nodes: readonly GoalNode[]): GoalNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The statuses of the goals below a node (its translations, all the way down), counted. */
export function statusesBelow(node: GoalNode): StatusCounts {
  const counts: StatusCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const n of flatten(node.children)) counts[n.goal.status]++;
  return counts;
}

/** A goal's ids from its parent up to the top. */
export function ancestorsOf(goalId: string, goals: readonly GoalView[]): string[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const up: string[] = [];
  for (let p = byId.get(goalId)?.parentId ?? null; p && byId.has(p) && !up.includes(p); p = byId.get(p)!.parentId) up.push(p);
  return up;
}

/** How a goal stands to the chosen unit: its own, on the chain above it, or a translation below it. */
export type Sight = 'own' | 'above' | 'below';

export interface LineOfSight {
  /** The unit whose goals are shown as its own: the chosen unit, or the nearest unit above it that has goals. */
  unitId: string;
  sight: Map<string, Sight>;
}

/**
 * A unit's line of sight through the cascade: the goals it owns (or, when it owns none, those of the nearest unit
 * above it that does), every goal above them up to the top, and their translations below.
 */
export function lineOfSight(unitId: string, goals: readonly GoalView[], units: readonly OrgUnit[]): LineOfSight {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  let owner: string | null = unitId;
  let own = goals.filter((g) => g.ownerIds.includes(unitId));
  while (own.length === 0 && owner) {
    owner = parents.get(owner) ?? null;
    const candidate = owner;
    if (candidate) own = goals.filter((g) => g.ownerIds.includes(candidate));
  }
  const sight = new Map<string, Sight>();
  const tree = flatten(buildGoalTree(goals));
  const ownIds = new Set(own.map((g) => g.id));
  for (const node of tree) {
    if (!ownIds.has(node.goal.id)) continue;
    for (const below of flatten(node.children)) if (!ownIds.has(below.goal.id)) sight.set(below.goal.id, 'below');
  }
  for (const g of own) for (const a of ancestorsOf(g.id, goals)) if (!ownIds.has(a)) sight.set(a, 'above');
  for (const id of ownIds) sight.set(id, 'own');
  return { unitId: owner ?? unitId, sight };
}
