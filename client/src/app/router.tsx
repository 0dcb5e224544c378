import { Suspense, lazy } from 'react';
import { Route, Switch } from 'wouter';
import { OverviewPage } from '../features/overview/overview-page';
import { BoardPage } from './routes/board-page';
import { NotFoundPage } from './routes/not-found-page';

// The cascade's pages are loaded when first opened, so the board page's bundle does not carry them.
const IndicatorPage = lazy(() => import('../features/cascade/indicator-page').then((m) => ({ default: m.IndicatorPage })));
const GoalsPage = lazy(() => import('../features/cascade/goals-page').then((m) => ({ default: m.GoalsPage })));

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/boards/:id">{(params) => <BoardPage key={params.id} boardId={params.id} />}</Route>
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
