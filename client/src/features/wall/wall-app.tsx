import { StrictMode, useEffect, useMemo, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import type { Me } from '../../../../shared/auth';
import { BoardPage } from '../../app/routes/board-page';
import { createAppStore } from '../../app/store/app-store';
import { StoreProvider } from '../../app/store/store-context';
import { Field } from '../../components/field';
import { createFetchApi } from '../../lib/api-client';
import { ApiProvider } from '../../lib/api-context';
import { authApi, readDeviceToken, storeDeviceToken } from '../../lib/auth-api';
import { I18nProvider, useT } from '../../lib/i18n-context';
import { createSocketTransport } from '../../lib/socket-transport';
import { BoardAccessProvider, WallBoardMode, browserPendingStore } from '../board';
import { deviceOwner, ownerToCome } from '../../lib/saved-changes';
import { TooltipProvider } from '../../components/button';
import { ToastProvider } from '../../components/toast';
import { WallStatus } from './wall-status';
import { useWallTexts } from './wall-texts';

type DeviceMe = Extract<Me, { kind: 'device' }>;

/** Milliseconds until the next 04:00 local time (plus up to 10 minutes, so a wall of screens does not reload at once). */
export function msUntilDailyRefresh(now: Date, jitterMs: number): number {
  const next = new Date(now);
  next.setHours(4, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime() + jitterMs;
}

/**
 * A wall screen: `/wall/enrol` (code in the address's #fragment or typed in) exchanges a one-time code for the
 * device token; `/wall/<board>` shows that board full-screen, without header or sign-in, on the token alone.
 */
export function startWall(root: HTMLElement): void {
  document.documentElement.classList.add('wall');
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <TooltipProvider>
          <ToastProvider>
            <WallApp />
          </ToastProvider>
        </TooltipProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

function WallApp() {
  const path = window.location.pathname;
  const token = readDeviceToken();
  if (path === '/wall/enrol' || path === '/wall' || path === '/wall/' || !token) return <EnrolPage />;
  return <WallBoard token={token} />;
}

/** Exchanges the one-time code for the device token, keeps it, and opens the screen's board. */
async function enrol(code: string): Promise<void> {
  const result = await authApi.enrol(code);
  storeDeviceToken(result.token);
  window.location.replace(`/wall/${encodeURIComponent(result.device.boardId)}`);
}

function EnrolPage() {
  const t = useT();
  const x = useWallTexts();
  const [code, setCode] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const [error, setError] = useState<string | null>(null);

  const failed = t.access.wallEnrolFailed;
  useEffect(() => {
    document.title = `${t.access.wallEnrolTitle} – ${t.appName}`;
  }, [t]);
  useEffect(() => {
    const fromLink = decodeURIComponent(window.location.hash.slice(1));
    if (!fromLink) return;
    // The code is used once: take it out of the address before anything else can read or share it.
    history.replaceState(null, '', window.location.pathname);
    enrol(fromLink).catch(() => setError(failed));
  }, [failed]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    enrol(code).catch(() => setError(failed));
  }
  return (
    <main id="main" className="login">
      <div className="login__panel">
        <h1 className="page__title">{t.access.wallEnrolTitle}</h1>
        <p className="muted">{t.access.wallEnrolIntro}</p>
        <form className="form" onSubmit={onSubmit}>
          <Field label={t.access.wallCode}>
            {({ id }) => <input id={id} inputMode="numeric" autoComplete="off" required value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
          {error && (
            <div role="alert">
              <p className="field__error">{error}</p>
              <p>{x.enrolFailedHint}</p>
            </div>
          )}
          <div className="form__actions">
            <button type="submit" className="button button--primary">{t.access.wallEnrol}</button>
          </div>
        </form>
      </div>
    </main>
  );
}

/** `/wall/<another board>`: this screen shows only its own board; say so and link to it. */
function OtherBoard({ device }: { device: DeviceMe }) {
  const x = useWallTexts();
  useEffect(() => {
    document.title = x.otherBoardTitle;
  }, [x]);
  return (
    <main id="main" className="login">
      <div className="login__panel">
        <h1 className="page__title">{x.otherBoardTitle}</h1>
        <p>{x.otherBoardBody(device.name)}</p>
        <p>
          <a className="button button--primary" href={`/wall/${encodeURIComponent(device.boardId)}`}>
            {x.openOwnBoard}
          </a>
        </p>
      </div>
    </main>
  );
}

function WallBoard({ token }: { token: string }) {
  const t = useT();
  const [device, setDevice] = useState<DeviceMe | null>(null);
  const [lost, setLost] = useState(false);
  const boardId = decodeURIComponent(window.location.pathname.slice('/wall/'.length));

  // A touch wall's unsent changes are kept per screen, read once the device check has said which one this is.
  const { store, setOwner } = useMemo(() => {
    const transport = createSocketTransport({ auth: () => ({ token }), onAuthError: () => setLost(true) });
    const { owner, setOwner } = ownerToCome();
    return { store: createAppStore({ transport, actorName: () => '', pendingStore: browserPendingStore(owner) }), setOwner };
  }, [token]);

  useEffect(() => {
    let live = true;
    const check = () =>
      authApi
        .me(token)
        .then((m) => {
          if (!live) return;
          if (m.kind === 'device') {
            setOwner(deviceOwner(m.id));
            setDevice(m);
          }
          else if (m.kind === 'anonymous') setLost(true); // the token was revoked or has expired
        })
        .catch((err: unknown) => {
          if (live && (err as { status?: number }).status === 401) setLost(true);
        });
    void check();
    // Daily self-refresh picks up a new client version and clears whatever a long-running page accumulated.
    const refresh = setTimeout(() => window.location.reload(), msUntilDailyRefresh(new Date(), Math.random() * 600_000));
    return () => {
      live = false;
      clearTimeout(refresh);
    };
  }, [token, setOwner]);

  if (lost) {
    return (
      <main id="main" className="login">
        <div className="login__panel" role="alert">
          <h1 className="page__title">{t.access.wallLostAccess}</h1>
          <p className="muted">{t.access.wallLostAccessHint}</p>
          <p><a className="button" href="/wall/enrol">{t.access.wallEnrolTitle}</a></p>
        </div>
      </main>
    );
  }
  if (!device) return null;
  if (boardId !== device.boardId) return <OtherBoard device={device} />;
  return (
    <StoreProvider store={store}>
      <ApiProvider api={createFetchApi()}>
        <WallBoardMode token={token}>
          <BoardAccessProvider boardId={boardId} fixed={{ read: true, write: device.mode === 'touch', facilitate: false, administer: false }}>
            <main id="main" className="wall-main">
              <WallStatus />
              <BoardPage boardId={device.boardId} />
            </main>
          </BoardAccessProvider>
        </WallBoardMode>
      </ApiProvider>
    </StoreProvider>
  );
}
