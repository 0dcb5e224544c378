import { Route, Switch } from 'wouter';
import { OverviewPage } from '../features/overview/overview-page';
import { BoardPage } from './routes/board-page';
import { NotFoundPage } from './routes/not-found-page';

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={OverviewPage} />
      <Route path="/boards/:id">{(params) => <BoardPage key={params.id} boardId={params.id} />}</Route>
      <Route component={NotFoundPage} />
    </Switch>
  );
}
