import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { BoardAccess } from '../../../../shared/auth';
import { authApi } from '../../lib/auth-api';
import { useT } from '../../lib/i18n-context';
import { useMe } from '../auth';

const BoardAccessContext = createContext<BoardAccess | null | undefined>(undefined);

/**
 * May the person (or screen) change this board? Inside a provider: no until the server said yes. Without one
 * (component tests): yes. The server refuses a change it does not allow either way.
 */
export function useCanWrite(): boolean {
  const access = useContext(BoardAccessContext);
  return access === undefined ? true : (access?.write ?? false);
}

/**
 * May the person run meetings and answer escalations on this board (a facilitator or an administrator)? The same
 * rule as `useCanWrite`: no until the server said yes inside a provider, yes without one.
 */
export function useCanFacilitate(): boolean {
  const access = useContext(BoardAccessContext);
  return access === undefined ? true : (access?.facilitate ?? false);
}

/** Asks the server what the signed-in person (or this wall screen) may do on the board. */
export function BoardAccessProvider({ boardId, token, fixed, children }: { boardId: string; token?: string | null; fixed?: BoardAccess; children: ReactNode }) {
  const [access, setAccess] = useState<BoardAccess | null>(fixed ?? null);
  useEffect(() => {
    if (fixed) return;
    let live = true;
    authApi
      .boardAccess(boardId, token)
      .then((a) => live && setAccess(a))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [boardId, token, fixed]);
  return <BoardAccessContext.Provider value={access}>{children}</BoardAccessContext.Provider>;
}

/** A board for a signed-in person: what they may do on it, and a note when they may only look. */
export function GuardedBoard({ boardId, children }: { boardId: string; children: ReactNode }) {
  const me = useMe();
  if (!me) return <>{children}</>;
  return (
    <BoardAccessProvider boardId={boardId}>
      <ReadOnlyNote />
      {children}
    </BoardAccessProvider>
  );
}

function ReadOnlyNote() {
  const t = useT();
  const access = useContext(BoardAccessContext);
  if (!access || access.write) return null;
  return <p className="read-only-note" role="status">{t.access.readOnlyBoard}</p>;
}
