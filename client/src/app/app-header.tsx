import { Link } from 'wouter';
import { useT } from '../lib/i18n-context';
import { GoalsNavLink } from '../features/cascade/goals-nav-link';
import { LanguageSwitch } from './language-switch';
import { AccountMenu, useMe } from '../features/auth/session';

/** The app's top bar: home, who you are, language. Hidden on a wall screen's kiosk view by CSS if wanted. */
export function AppHeader() {
  const t = useT();
  const me = useMe();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <Link href="/" className="app-header__brand">{t.appName}</Link>
      <nav className="app-header__nav" aria-label={t.appName}>
        <Link href="/" className="app-header__link">{t.overview}</Link>
        <GoalsNavLink className="app-header__link" />
        {me?.isAdmin && <Link href="/admin" className="app-header__link">{t.access.admin}</Link>}
      </nav>
      <div className="app-header__tools">
        <AccountMenu />
        <LanguageSwitch />
      </div>
    </header>
  );
}
