import { createContext, useContext, useEffect, useMemo } from 'react';
import { Link } from 'wouter';
import type { OverviewUnit } from '../../../../shared/cascade';
import { useT } from '../../lib/i18n-context';
import { HeatMap } from './heat-map';
import { buildUnitTree, type UnitNode } from './unit-tree';
import { useBoardList } from './use-board-list';
import { type OverviewLoader, type OverviewSubscribe, useOverviewStatus } from './use-overview-status';

const StatusContext = createContext<{ byUnit: ReadonlyMap<string, OverviewUnit>; mandatory: ReadonlyMap<string, string> }>({
  byUnit: new Map(),
  mandatory: new Map(),
});

function UnitItem({ node }: { node: UnitNode }) {
  const { byUnit, mandatory } = useContext(StatusContext);
  const status = byUnit.get(node.unit.id);
  return (
    <li className="unit">
      <div className="unit__row">
        <span className="unit__name">{node.unit.name}</span>
        <span className="unit__layer">{node.layer.name}</span>
      </div>
      {status && <HeatMap entry={status} mandatoryNames={mandatory} />}
      <ul className="unit__boards" role="list">
        {node.boards.map((board) => (
          <li key={board.id}>
            <Link href={`/boards/${encodeURIComponent(board.id)}`} className="board-link">
              {board.name}
            </Link>
          </li>
        ))}
      </ul>
      {node.children.length > 0 && <UnitList nodes={node.children} />}
    </li>
  );
}

function UnitList({ nodes }: { nodes: UnitNode[] }) {
  return (
    <ul className="unit-tree" role="list">
      {nodes.map((node) => (
        <UnitItem key={node.unit.id} node={node} />
      ))}
    </ul>
  );
}

/**
 * `/`: every unit with its boards, as the leadership chain runs from the top down, each with a heat-map of its
 * indicators' statuses that refreshes when a measurement comes in. Loader and live feed are injectable for tests.
 */
export function OverviewPage({ loadStatus, subscribe }: { loadStatus?: OverviewLoader; subscribe?: OverviewSubscribe; params?: unknown } = {}) {
  const t = useT();
  const { state, reload } = useBoardList();
  const tree = useMemo(() => (state.status === 'ready' ? buildUnitTree(state.boards) : []), [state]);
  const { byUnit, mandatory } = useOverviewStatus(loadStatus, subscribe);
  const statusValue = useMemo(() => ({ byUnit, mandatory: new Map(mandatory.map((m) => [m.id, m.name])) }), [byUnit, mandatory]);

  useEffect(() => {
    document.title = `${t.overview} – ${t.appName}`;
  }, [t]);

  return (
    <div className="page">
      <h1 className="page__title">{t.overview}</h1>
      <p className="muted">{t.overviewIntro}</p>
      {state.status === 'loading' && <p aria-live="polite">{t.loading}</p>}
      {state.status === 'error' && (
        <div className="notice" role="alert">
          <p>{t.loadFailed}</p>
          <button type="button" className="button" onClick={reload}>{t.retry}</button>
        </div>
      )}
      <StatusContext.Provider value={statusValue}>
        {state.status === 'ready' && (tree.length === 0 ? <p>{t.noBoards}</p> : <UnitList nodes={tree} />)}
      </StatusContext.Provider>
    </div>
  );
}
