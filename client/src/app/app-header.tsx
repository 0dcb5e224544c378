import { Link } from 'wouter';
import { useT } from '../lib/i18n-context';
import { GoalsNavLink } from '../features/cascade/goals-nav-link';
import { LanguageSwitch } from './language-switch';
import { NameButton } from './name-button';

/** The app's top bar: home, who you are, language. Hidden on a wall screen's kiosk view by CSS if wanted. */
export function AppHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <Link href="/" className="app-header__brand">{t.appName}</Link>
      <nav className="app-header__nav" aria-label={t.appName}>
        <Link href="/" className="app-header__link">{t.overview}</Link>
        <GoalsNavLink className="app-header__link" />
      </nav>
      <div className="app-header__tools">
        <NameButton />
        <LanguageSwitch />
      </div>
    </header>
  );
}
