import { useCallback, useEffect, useState } from 'react';

/**
 * Loads with `load` and reloads after every change; failures are kept for the panel to show, never swallowed.
 * `run` answers whether the action succeeded, so a dialog closes only then.
 */
export function useAdminData<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    load().then(setData, setError);
  }, [load]);
  useEffect(reload, [reload]);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      let ok = true;
      try {
        await action();
      } catch (err) {
        setError(err);
        ok = false;
      }
      reload();
      return ok;
    },
    [reload],
  );
  return { data, error, setError, run };
}
export type AdminRun = (action: () => Promise<unknown>) => Promise<boolean>;
