import { Suspense, lazy, useEffect } from 'react';
import { BoardUnavailable } from '../../components/board-unavailable';
import { useShallow } from 'zustand/react/shallow';
import { ConnectionBanner } from '../../features/board/connection-banner';
import { ConnectionIndicator } from '../../features/board/connection-indicator';
import { NoticeList } from '../../features/board/notice-list';
import { CardBoard } from '../../features/cards/card-board';
import { IndicatorGrid } from '../../features/indicators/indicator-grid';
import { EscalationZone } from '../../features/escalations';
import { MeetingBar } from '../../features/meetings/meeting-bar';
import { useT } from '../../lib/i18n-context';
import { useAppStore } from '../store/store-context';
import { ReportLink } from '../../features/cascade';
import { useBoardMode } from '../../features/board';

// Business cases are the leaders' matter, loaded after the board itself.
const BoardBusinessCases = lazy(() => import('../../features/cascade/board-business-cases'));

/**
 * `/boards/:id`: joins the board live for as long as the page is shown. A compact title row (name, meeting,
 * connection), then indicators and the action columns — side by side on a wide screen (see layout.css).
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const t = useT();
  const wall = useBoardMode() === 'wall';
  const { openBoard, closeBoard } = useAppStore(useShallow((s) => ({ openBoard: s.openBoard, closeBoard: s.closeBoard })));
  const loadState = useAppStore((s) => s.loadState);
  const board = useAppStore((s) => s.view?.board);

  useEffect(() => {
    openBoard(boardId);
    return () => closeBoard();
  }, [boardId, openBoard, closeBoard]);

  useEffect(() => {
    if (board) document.title = `${board.name} – ${t.appName}`;
  }, [board, t]);

  if (loadState === 'not-found' || loadState === 'error') return <BoardUnavailable reason={loadState} />;

  return (
    <div className="page page--board">
      <div className="board-header">
        <div className="board-header__title">
          <h1 className="page__title">{board?.name ?? t.loading}</h1>
          {board && <p className="muted">{board.unit.name} · {board.layer.name}{!wall && <> · <ReportLink unitId={board.unit.id} /></>}</p>}
        </div>
        {board && <MeetingBar boardId={boardId} />}
        <ConnectionIndicator />
      </div>
      <ConnectionBanner />
      <NoticeList />
      {board && (
        <div className="board-layout">
          <div className="board-layout__indicators">
            <IndicatorGrid />
            {/* Leaders' matter, and a wall screen has no session to ask with. */}
            {!wall && <Suspense fallback={null}><BoardBusinessCases boardId={boardId} /></Suspense>}
          </div>
          <div className="board-layout__actions">
            <EscalationZone />
            <CardBoard />
          </div>
        </div>
      )}
    </div>
  );
}
