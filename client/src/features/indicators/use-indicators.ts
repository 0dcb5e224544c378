import { useShallow } from 'zustand/react/shallow';
import { sortByKey } from '../../../../shared/domain/ordering';
import { useAppStore } from '../../app/store/store-context';

/** Indicator ids in board order. */
export function useIndicatorIds(): string[] {
  return useAppStore(
    useShallow((s) => (s.view ? sortByKey(Object.values(s.view.indicators)).map((i) => i.id) : [])),
  );
}

export function useIndicator(id: string) {
  return useAppStore((s) => s.view?.indicators[id]);
}
