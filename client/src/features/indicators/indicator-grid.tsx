import { useId, useMemo, useRef } from 'react';
import { useAppStore } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { GoalChainsProvider, useGoalChains } from './goal-chains';
import { IndicatorTile } from './indicator-tile';
import { Hyphenated } from '../../components/hyphenated';
import { useTileTexts } from './tile-texts';
import { useIndicatorIds } from './use-indicators';
import { packInRows, useTileColumns } from './tile-rows';
import type { GoalLink } from '../../../../shared/cascade';

interface TileGroup {
  key: string;
  title: string;
  /** The goals above the group's goal, for "Bidrager til". */
  above: GoalLink[];
  ids: string[];
}

/** Tiles grouped by the board's own goal each indicator serves (first link of its chain), in board order. */
export function groupByGoal(ids: readonly string[], chains: Readonly<Record<string, GoalLink[]>>, otherTitle: string): TileGroup[] {
  const groups = new Map<string, TileGroup>();
  for (const id of ids) {
    const goal = chains[id]?.[0];
    const key = goal?.id ?? '';
    const group = groups.get(key) ?? { key, title: goal?.title ?? otherTitle, above: chains[id]?.slice(1) ?? [], ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  // Larger groups first (stable, so board order within a size): rows then pack with few holes (tile-rows.ts). "Other" last.
  const list = [...groups.values()].sort((a, b) => b.ids.length - a.ids.length);
  return [...list.filter((g) => g.key), ...list.filter((g) => !g.key)];
}

function Group({ group, single }: { group: TileGroup; single: boolean }) {
  const headingId = useId();
  const x = useTileTexts();
  // A group spans one grid column per tile (tiles.css), so every tile on the board has the same width.
  return (
    <section className={`tile-group tile-group--${Math.min(group.ids.length, 8)}`} aria-labelledby={single ? undefined : headingId}>
      {!single && (
        <h3 id={headingId} className="tile-group__title" title={group.above.map((g) => g.title).join(' › ') || undefined}>
          <span className="tile-group__lead">{x.contributesTo}: </span>
          <Hyphenated text={group.title} />
        </h3>
      )}
      <div className="tile-group__tiles">
        {group.ids.map((id) => (
          <IndicatorTile key={id} indicatorId={id} />
        ))}
      </div>
    </section>
  );
}

function GroupedTiles({ ids }: { ids: string[] }) {
  const chains = useGoalChains();
  const x = useTileTexts();
  const ref = useRef<HTMLDivElement>(null);
  const columns = useTileColumns(ref);
  const groups = useMemo(() => groupByGoal(ids, chains, x.otherIndicators), [ids, chains, x.otherIndicators]);
  const placed = useMemo(
    () => (columns === null ? groups : packInRows(groups.map((g) => ({ ...g, size: g.ids.length })), columns)),
    [groups, columns],
  );
  return (
    <div className="tile-groups" ref={ref}>
      {placed.map((g) => (
        <Group key={g.key} group={g} single={groups.length === 1} />
      ))}
    </div>
  );
}

/** The indicator zone: tiles grouped by the goal they serve, so 21 read at a glance on a projector. */
export function IndicatorGrid() {
  const ids = useIndicatorIds();
  const t = useT();
  const boardId = useAppStore((s) => s.view?.board.id);
  return (
    <GoalChainsProvider boardId={boardId}>
      <section className="board-section board-section--indicators" aria-label={t.indicators}>
        <h2 className="visually-hidden">{t.indicators}</h2>
        {ids.length === 0 ? <p className="muted">{t.noIndicators}</p> : <GroupedTiles ids={ids} />}
      </section>
    </GoalChainsProvider>
  );
}
