import { createContext, useCallback, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AuthConfig, Me } from '../../../../shared/auth';
import { Field } from '../../components/field';
import { ApiRequestError } from '../../lib/api-client';
import { authApi } from '../../lib/auth-api';
import { forgetSavedChanges, userOwner } from '../../lib/saved-changes';
import { LanguageSwitch } from '../../app/language-switch';
import { useT } from '../../lib/i18n-context';
import { Dialog } from '../../components/dialog';
import { PasswordForm } from '../admin';

type UserMe = Extract<Me, { kind: 'user' }>;

const MeContext = createContext<UserMe | null>(null);

/** The signed-in person, or null outside a session (tests, wall screens). */
export const useMe = (): UserMe | null => useContext(MeContext);
export const MeProvider = MeContext.Provider;

const noop = () => {};
const BeforeSignOutContext = createContext<() => void>(noop);

/**
 * "Log ud": first the page stops sending (the open board is closed, its unsent changes dropped from memory), then
 * this person's saved changes are forgotten (even if the server cannot be reached), so nothing of theirs is sent
 * later, by this page once the network is back or by whoever signs in next on this browser; then the page starts over.
 */
export function useSignOut(): () => void {
  const me = useMe();
  const beforeSignOut = useContext(BeforeSignOutContext);
  return useCallback(() => {
    beforeSignOut();
    void (me ? forgetSavedChanges(userOwner(me.id)) : Promise.resolve())
      .then(() => authApi.logout())
      .catch(() => {})
      .finally(() => window.location.assign('/'));
  }, [me, beforeSignOut]);
}

interface SessionGateProps {
  children: (me: UserMe) => ReactNode;
  /** Hears who is signed in (once known), e.g. to key the changes kept across a reload to them. */
  onUser?: (me: UserMe) => void;
  /** Runs first on "Log ud", e.g. to stop the open board from sending. */
  onSignOut?: () => void;
}

/** Shows the sign-in page until someone is signed in, then the app with them in context. */
export function SessionGate({ children, onUser, onSignOut }: SessionGateProps) {
  const [me, setMe] = useState<UserMe | null | 'loading'>('loading');
  useEffect(() => {
    if (me !== 'loading' && me !== null) onUser?.(me);
  }, [me, onUser]);
  useEffect(() => {
    let live = true;
    authApi
      .me()
      .then((m) => live && setMe(m.kind === 'user' ? m : null))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, []);
  if (me === 'loading') return null;
  if (me === null) return <LoginPage onSignedIn={(m) => setMe(m)} />;
  return (
    <BeforeSignOutContext.Provider value={onSignOut ?? noop}>
      <MeProvider value={me}>{children(me)}</MeProvider>
    </BeforeSignOutContext.Provider>
  );
}

/** "Log ind": username and password, or the organisation's OpenID Connect provider when one is configured. */
export function LoginPage({ onSignedIn }: { onSignedIn: (me: UserMe) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [config, setConfig] = useState<AuthConfig | null>(null);
  useEffect(() => {
    authApi.config().then(setConfig).catch(() => setConfig(null));
    document.title = `${t.access.signIn} – ${t.appName}`;
  }, [t]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const m = await authApi.login(username, password);
      if (m.kind === 'user') onSignedIn(m);
    } catch (err) {
      setError(err instanceof ApiRequestError && err.code === 'RATE_LIMITED' ? t.access.tooManyAttempts : t.access.signInFailed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="login">
      <div className="login__panel">
        <div className="login__language"><LanguageSwitch /></div>
        <h1 className="page__title">{t.access.signInTitle}</h1>
        <p className="muted">{t.access.signInIntro}</p>
        <form className="form" onSubmit={(e) => void onSubmit(e)}>
          <Field label={t.access.username}>
            {({ id }) => <input id={id} type="text" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />}
          </Field>
          <Field label={t.access.password}>
            {({ id }) => (
              <input id={id} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </Field>
          {error && <p role="alert" className="field__error">{error}</p>}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>{t.access.signIn}</button>
          </div>
        </form>
        {config?.oidc && (
          <p><a className="button" href="/api/auth/oidc/start">{t.access.signInWithOidc}</a></p>
        )}
        {config?.demo && <p className="muted">{t.access.demoLogins}</p>}
      </div>
    </main>
  );
}

/** "Skift adgangskode" for every signed-in person: the admin page's own form, in a dialog. */
export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t.access.changeOwnPassword} onClose={onClose}>
      <PasswordForm headed={false} />
    </Dialog>
  );
}

/** The header's account: who is signed in, changing one's own password, and "Log ud". */
export function AccountMenu() {
  const t = useT();
  const me = useMe();
  const [changing, setChanging] = useState(false);
  const signOut = useSignOut();
  if (!me) return null;
  return (
    <>
      <span className="muted" title={t.access.signedInAs(me.name)}>{me.name}</span>
      <button type="button" className="button button--quiet" onClick={() => setChanging(true)}>{t.access.changeOwnPassword}</button>
      <button type="button" className="button button--quiet" onClick={signOut}>{t.access.signOut}</button>
      {changing && <PasswordDialog onClose={() => setChanging(false)} />}
    </>
  );
}
