/** Hints for a goal being written: SMART fields left empty, and a layer with more goals than it can follow. */

/** The method: few, concrete goals at the top; a layer that owns more than this cannot follow them all. */
export const MAX_GOALS_PER_UNIT = 7;

export type SmartField = 'measure' | 'why' | 'realism' | 'deadline' | 'indicator';

export interface GoalDraft {
  measure: string;
  why: string;
  realism: string;
  deadline: string;
  indicatorId: string;
}

export function emptySmartFields(d: GoalDraft): SmartField[] {
  const empty: SmartField[] = [];
  if (!d.measure.trim()) empty.push('measure');
  if (!d.why.trim()) empty.push('why');
  if (!d.realism.trim()) empty.push('realism');
  if (!d.deadline) empty.push('deadline');
  if (!d.indicatorId) empty.push('indicator');
  return empty;
}

/** The owners that would own more goals than they can follow if this goal is saved (`editingId` is not new). */
export function crowdedOwners(
  ownerIds: readonly string[],
  goals: readonly { id: string; ownerIds: readonly string[] }[],
  editingId: string | null,
): string[] {
  return ownerIds.filter((owner) => {
    const others = goals.filter((g) => g.id !== editingId && g.ownerIds.includes(owner)).length;
    return others + 1 > MAX_GOALS_PER_UNIT;
  });
}
