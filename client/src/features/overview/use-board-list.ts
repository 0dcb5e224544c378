import type { BoardSummary } from '../../../../shared/schemas';
import { useApi } from '../../lib/api-context';
import { useLoad } from '../../lib/use-load';

export type BoardListState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; boards: BoardSummary[] };

/** Fetches the boards the overview lists (through the one loading hook); `reload` tries again after an error. */
export function useBoardList(): { state: BoardListState; reload: () => void } {
  const api = useApi();
  const { state, reload } = useLoad(() => api.listBoards(), [api]);
  if (state.status === 'ready') return { state: { status: 'ready', boards: state.data }, reload };
  return { state: { status: state.status }, reload };
}
