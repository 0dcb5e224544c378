import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { GoalLink } from '../../../../shared/cascade';
import { requestJson } from '../../lib/http';
import { useDeviceToken } from '../board';

type Chains = Readonly<Record<string, GoalLink[]>>;
const ChainsContext = createContext<Chains>({});

/**
 * The goal chains (line of sight) of a board's indicators, fetched beside the snapshot rather than in it, so the
 * snapshot a wall screen loads stays lean. Tiles show nothing until (or unless) the chains arrive.
 */
export function GoalChainsProvider({ boardId, children }: { boardId: string | undefined; children: ReactNode }) {
  const [chains, setChains] = useState<Chains>({});
  // A wall screen has no session cookie: it asks with its device token, as its socket does.
  const token = useDeviceToken();
  useEffect(() => {
    if (!boardId) return;
    let cancelled = false;
    requestJson<{ chains: Chains }>('GET', `/api/boards/${encodeURIComponent(boardId)}/goal-chains`, undefined, token)
      .then((body) => !cancelled && setChains(body.chains))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [boardId, token]);
  return <ChainsContext.Provider value={chains}>{children}</ChainsContext.Provider>;
}

export const useGoalChain = (indicatorId: string): GoalLink[] | undefined => useContext(ChainsContext)[indicatorId];

/** All chains of the board (for grouping tiles by the goal they serve). */
export const useGoalChains = (): Chains => useContext(ChainsContext);
