import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from './http';

export type LoadState<T> = { status: 'loading' } | { status: 'error'; httpStatus: number | null } | { status: 'ready'; data: T };

/**
 * The one loading hook: loads with `load` whenever `deps` change; `reload` fetches again and keeps showing the old
 * data meanwhile. A failure keeps the HTTP status when the server answered (401 and 403 read differently from 500).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setState({ status: 'ready', data }),
      (err: unknown) => !cancelled && setState({ status: 'error', httpStatus: err instanceof ApiRequestError ? err.status : null }),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's inputs to `load`
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
