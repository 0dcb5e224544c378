import { Link } from 'wouter';
import { useAppStore } from '../../app/store/store-context';
import { useTileTexts } from './tile-texts';

/** On an action card made from a deviation: the indicator it answers, one click from its run chart. */
export function CardIndicatorLink({ indicatorId }: { indicatorId: string | null | undefined }) {
  const name = useAppStore((s) => (indicatorId ? s.view?.indicators[indicatorId]?.name : undefined));
  const unitId = useAppStore((s) => s.view?.board.unit.id);
  const x = useTileTexts();
  if (!indicatorId || !unitId) return null;
  return (
    <Link className="card__indicator" href={`/indicators/${encodeURIComponent(indicatorId)}?unit=${encodeURIComponent(unitId)}`}>
      {x.indicatorLink(name ?? indicatorId)}
    </Link>
  );
}
