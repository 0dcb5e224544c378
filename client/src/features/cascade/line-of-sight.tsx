import { Link } from 'wouter';
import type { GoalLink } from '../../../../shared/cascade';
import { useCascadeTexts } from './texts';

/** The goal chain, from the unit's own goal up to the top goal: "Bidrager til A › B › C". */
export function LineOfSight({ chain, compact = false }: { chain: readonly GoalLink[]; compact?: boolean }) {
  const x = useCascadeTexts();
  if (chain.length === 0) return null;
  return (
    <nav className={compact ? 'line-of-sight line-of-sight--compact' : 'line-of-sight'} aria-label={x.lineOfSight}>
      <span className="line-of-sight__lead">{x.contributesTo}</span>
      <ol className="line-of-sight__chain">
        {chain.map((g) => (
          <li key={g.id} className="line-of-sight__goal" title={g.ownerNames.join(', ')}>
            <Link href={`/goals#${g.id}`}>{g.title}</Link>
            {g.external && !compact && <span className="line-of-sight__external"> ({g.external})</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
