import type { Goal, Rollup } from '../cascade';
import type { Measurement } from '../schemas';
import { hasTooFewRespondents } from './status';

/** Pure rules of the cascade: goal chains (line of sight), roll-ups, and which values a chart may show. */

/** The goals above `goal`, nearest first, up to the top goal. Stops at a cycle or a missing parent. */
export function goalChain(goal: Pick<Goal, 'id' | 'parentId'>, byId: ReadonlyMap<string, Goal>): Goal[] {
  const chain: Goal[] = [];
  const seen = new Set([goal.id]);
  let parentId = goal.parentId;
  while (parentId && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    chain.push(parent);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return chain;
}

/** Would making `parentId` the parent of `goalId` close a loop? */
export function wouldCycle(goalId: string, parentId: string | null, byId: ReadonlyMap<string, Goal>): boolean {
  let current = parentId;
  const seen = new Set<string>();
  while (current && !seen.has(current)) {
    if (current === goalId) return true;
    seen.add(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return false;
}

/**
 * What a new translation starts from: the parent's indicator, target, reason and deadline, which the unit below then
 * words and sets for itself (its own title and rationale are never copied).
 */
export function translationDefaults(parent: Pick<Goal, 'id' | 'indicatorId' | 'target' | 'why' | 'deadline'>) {
  return {
    parentId: parent.id,
    indicatorId: parent.indicatorId,
    target: parent.target,
    why: parent.why,
    deadline: parent.deadline,
    title: '',
    rationale: '',
  };
}

export interface RollupInput {
  value: number;
  denominator?: number | null;
}

/**
 * A parent's value from its children's values for the same period: their sum, their mean, or their mean weighted
 * by denominator (a rate over all the children's cases). Null without children, or without any denominator when
 * weighting.
 */
export function rollUp(method: Rollup, children: readonly RollupInput[]): number | null {
  if (children.length === 0) return null;
  switch (method) {
    case 'sum':
      return children.reduce((s, c) => s + c.value, 0);
    case 'mean':
      return children.reduce((s, c) => s + c.value, 0) / children.length;
    case 'weighted': {
      const weighted = children.filter((c) => c.denominator != null && c.denominator > 0);
      const total = weighted.reduce((s, c) => s + c.denominator!, 0);
      if (total === 0) return null;
      return weighted.reduce((s, c) => s + c.value * c.denominator!, 0) / total;
    }
  }
}

/** Values that may be shown and judged: soft values with too few answers are left out ("for få svar"). */
export function reportable(measurements: readonly Measurement[], minRespondents: number | null): Measurement[] {
  return measurements.filter((m) => !hasTooFewRespondents({ respondents: m.respondents, minRespondents }));
}
