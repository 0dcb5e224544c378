import { useAppStore } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { GoalChainsProvider } from './goal-chains';
import { IndicatorTile } from './indicator-tile';
import { useIndicatorIds } from './use-indicators';

/** The indicator zone: a dense grid of tiles that grows with the screen. */
export function IndicatorGrid() {
  const ids = useIndicatorIds();
  const t = useT();
  const boardId = useAppStore((s) => s.view?.board.id);
  return (
    <GoalChainsProvider boardId={boardId}>
      <section className="board-section">
        <h2 className="board-section__title">{t.indicators}</h2>
        {ids.length === 0 ? (
          <p className="muted">{t.noIndicators}</p>
        ) : (
          <div className="tile-grid">
            {ids.map((id) => (
              <IndicatorTile key={id} indicatorId={id} />
            ))}
          </div>
        )}
      </section>
    </GoalChainsProvider>
  );
}
