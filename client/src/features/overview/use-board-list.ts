import { useCallback, useEffect, useState } from 'react';
import type { BoardSummary } from '../../../../shared/schemas';
import { useApi } from '../../lib/api-context';

export type BoardListState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; boards: BoardSummary[] };

/** Fetches the boards the overview lists; `reload` tries again after an error. */
export function useBoardList(): { state: BoardListState; reload: () => void } {
  const api = useApi();
  const [state, setState] = useState<BoardListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    api.listBoards().then(
      (boards) => !cancelled && setState({ status: 'ready', boards }),
      () => !cancelled && setState({ status: 'error' }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, reload };
}
