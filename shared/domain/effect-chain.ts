import type { Status } from './status';

/** Pure rules of effect chains: indsats → resultat → effekt for borgeren. */

export type EffectStepKind = 'indsats' | 'resultat' | 'effekt';
const ORDER: Record<EffectStepKind, number> = { indsats: 0, resultat: 1, effekt: 2 };

/**
 * A chain reads from what is done to what it means for the citizen: kinds never go back (an effekt step before an
 * indsats is a misreading) and the chain ends in an effekt, the citizen's. Returns the problem, or null when valid.
 */
export function chainProblem(kinds: readonly EffectStepKind[]): 'order' | 'no-effect' | null {
  if (kinds.length === 0) return null;
  for (let i = 1; i < kinds.length; i += 1) if (ORDER[kinds[i]!] < ORDER[kinds[i - 1]!]) return 'order';
  return kinds.at(-1) === 'effekt' ? null : 'no-effect';
}

/**
 * Where the chain breaks: the first red step from the initiative towards the citizen. Steps without data do not
 * break it (they are unknown, not failing); null when no step is red.
 */
export function chainBreak(statuses: readonly Status[]): number | null {
  const i = statuses.indexOf('red');
  return i === -1 ? null : i;
}
