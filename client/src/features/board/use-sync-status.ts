import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store/store-context';

/** Connection state, whether the server is waiting for its database, and how many changes wait for its answer. */
export function useSyncStatus() {
  return useAppStore(
    useShallow((s) => ({
      connection: s.connection,
      serverWaiting: s.serverWaiting,
      waiting: s.pending.filter((op) => op.ackedSeq === null).length,
    })),
  );
}
