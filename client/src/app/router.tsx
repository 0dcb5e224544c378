import { Suspense, lazy } from 'react';
import { Route, Switch } from 'wouter';
import { BoardPage } from './routes/board-page';
import { NotFoundPage } from './routes/not-found-page';
import { GuardedBoard } from '../features/board/board-access';

// The overview and the cascade's pages are loaded when first opened, so the board page's bundle does not carry them.
const OverviewPage = lazy(() => import('../features/overview/overview-page').then((m) => ({ default: m.OverviewPage })));
const StatusReportPage = lazy(() => import('../features/cascade/status-report-page').then((m) => ({ default: m.StatusReportPage })));
const IndicatorPage = lazy(() => import('../features/cascade/indicator-page').then((m) => ({ default: m.IndicatorPage })));
const GoalsPage = lazy(() => import('../features/cascade/goals-page').then((m) => ({ default: m.GoalsPage })));
// Meeting mode and minutes likewise: only the facilitator's laptop and the wall screen in a meeting need them.
const MeetingPage = lazy(() => import('../features/meetings/meeting-page').then((m) => ({ default: m.MeetingPage })));
const MinutesPage = lazy(() => import('../features/meetings/minutes-page').then((m) => ({ default: m.MinutesPage })));
// Administration is for the few who administer, and rarely.
const AdminPage = lazy(() => import('../features/admin/admin-page').then((m) => ({ default: m.AdminPage })));

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/">
        <Suspense fallback={null}>
          <OverviewPage />
        </Suspense>
      </Route>
      <Route path="/boards/:id">
        {(params) => (
          <GuardedBoard boardId={params.id}>
            <BoardPage key={params.id} boardId={params.id} />
          </GuardedBoard>
        )}
      </Route>
      <Route path="/boards/:id/meeting">
        {(params) => (
          <GuardedBoard boardId={params.id}>
            <Suspense fallback={null}>
              <MeetingPage key={params.id} boardId={params.id} />
            </Suspense>
          </GuardedBoard>
        )}
      </Route>
      <Route path="/boards/:id/meetings/:meetingId">
        {(params) => (
          <Suspense fallback={null}>
            <MinutesPage key={params.meetingId} boardId={params.id} meetingId={params.meetingId} />
          </Suspense>
        )}
      </Route>
      <Route path="/admin">
        <Suspense fallback={null}>
          <AdminPage />
        </Suspense>
      </Route>
      <Route path="/reports/status">
        <Suspense fallback={null}>
          <StatusReportPage />
        </Suspense>
      </Route>
      <Route path="/indicators/:id">
        {(params) => (
          <Suspense fallback={null}>
            <IndicatorPage key={params.id} indicatorId={params.id} />
          </Suspense>
        )}
      </Route>
      <Route path="/goals">
        <Suspense fallback={null}>
          <GoalsPage />
        </Suspense>
      </Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}
