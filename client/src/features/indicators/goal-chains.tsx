import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { GoalLink } from '../../../../shared/cascade';
import { requestJson } from '../../lib/http';

type Chains = Readonly<Record<string, GoalLink[]>>;
const ChainsContext = createContext<Chains>({});

/**
 * The goal chains (line of sight) of a board's indicators, fetched beside the snapshot rather than in it, so the
 * snapshot a wall screen loads stays lean. Tiles show nothing until (or unless) the chains arrive.
 */
export function GoalChainsProvider({ boardId, children }: { boardId: string | undefined; children: ReactNode }) {
  const [chains, setChains] = useState<Chains>({});
  useEffect(() => {
    if (!boardId) return;
    let cancelled = false;
    requestJson<{ chains: Chains }>('GET', `/api/boards/${encodeURIComponent(boardId)}/goal-chains`)
      .then((body) => !cancelled && setChains(body.chains))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [boardId]);
  return <ChainsContext.Provider value={chains}>{children}</ChainsContext.Provider>;
}

export const useGoalChain = (indicatorId: string): GoalLink[] | undefined => useContext(ChainsContext)[indicatorId];
