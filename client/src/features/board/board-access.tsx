import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BoardAccess } from '../../../../shared/auth';
import { authApi } from '../../lib/auth-api';
import { Link } from 'wouter';
import { useI18n, useT } from '../../lib/i18n-context';
import { useMe } from '../auth';

const BoardAccessContext = createContext<BoardAccess | null | undefined>(undefined);

/** Where a board is shown: a person's browser, or an enrolled wall screen (no links away, its own credential). */
export type BoardMode = 'app' | 'wall';
const BoardModeContext = createContext<{ mode: BoardMode; token: string | null }>({ mode: 'app', token: null });

export const useBoardMode = (): BoardMode => useContext(BoardModeContext).mode;
/** The wall screen's device token for REST reads beside the socket (null in a person's browser: the cookie). */
export const useDeviceToken = (): string | null => useContext(BoardModeContext).token;

/** Marks the board below as shown on a wall screen with this device token. */
export function WallBoardMode({ token, children }: { token: string; children: ReactNode }) {
  const value = useMemo(() => ({ mode: 'wall' as const, token }), [token]);
  return <BoardModeContext.Provider value={value}>{children}</BoardModeContext.Provider>;
}

/**
 * May the board's structure and figures be changed here (columns, measurements)? A wall screen never may, even a
 * touch one: the server lets a screen move and edit cards only (deviceMay), so it is not offered more.
 */
export function useCanChangeBoard(): boolean {
  const canWrite = useCanWrite();
  const mode = useBoardMode();
  return canWrite && mode === 'app';
}

/** May the person (or screen) see anything of this board? Undefined while the server has not answered. */
export function useCanRead(): boolean | undefined {
  const access = useContext(BoardAccessContext);
  return access === undefined ? true : access === null ? undefined : access.read;
}

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
  // While the answer is on its way the board loads beside it (no serial wait); a refusal replaces it.
  return <BoardAccessContext.Provider value={access}>{access && !access.read ? <NoAccessPage /> : children}</BoardAccessContext.Provider>;
}

const NO_ACCESS = {
  da: { title: 'Ingen adgang', body: 'Du har ikke adgang til denne tavle. Spørg en administrator, hvis du skal kunne se den.', back: 'Til overblikket' },
  en: { title: 'No access', body: 'You do not have access to this board. Ask an administrator if you need to see it.', back: 'To the overview' },
};

/** One clear page for a board the person may not read (nothing of the board is loaded). */
function NoAccessPage() {
  const x = NO_ACCESS[useI18n().lang];
  return (
    <div className="page">
      <h1 className="page__title">{x.title}</h1>
      <p>{x.body}</p>
      <p>
        <Link href="/">{x.back}</Link>
      </p>
    </div>
  );
}


/** A board for a signed-in person: what they may do on it, a note when they may only look, "Ingen adgang" when not even that. */
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
