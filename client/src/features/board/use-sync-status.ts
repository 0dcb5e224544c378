import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store/store-context';

/** Connection state and how many changes still wait for the server's answer. */
export function useSyncStatus() {
  return useAppStore(
    useShallow((s) => ({
      connection: s.connection,
      waiting: s.pending.filter((op) => op.ackedSeq === null).length,
    })),
  );
}
