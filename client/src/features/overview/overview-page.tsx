import { useEffect, useMemo } from 'react';
import { Link } from 'wouter';
import { useT } from '../../lib/i18n-context';
import { buildUnitTree, type UnitNode } from './unit-tree';
import { useBoardList } from './use-board-list';

function UnitItem({ node }: { node: UnitNode }) {
  return (
    <li className="unit">
      <div className="unit__row">
        <span className="unit__name">{node.unit.name}</span>
        <span className="unit__layer">{node.layer.name}</span>
      </div>
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

/** `/`: every unit with its boards, as the leadership chain runs from the top down. */
export function OverviewPage() {
  const t = useT();
  const { state, reload } = useBoardList();
  const tree = useMemo(() => (state.status === 'ready' ? buildUnitTree(state.boards) : []), [state]);

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
      {state.status === 'ready' && (tree.length === 0 ? <p>{t.noBoards}</p> : <UnitList nodes={tree} />)}
    </div>
  );
}
