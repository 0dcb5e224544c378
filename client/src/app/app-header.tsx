import { Link, useLocation } from 'wouter';
import { useI18n } from '../lib/i18n-context';
import { Menu, type MenuItem } from '../components/menu';
import { GoalsNavLink } from '../features/cascade/goals-nav-link';
import { useOverviewTexts } from '../features/overview/overview-texts';
import { LanguageSwitch } from './language-switch';
import { useState } from 'react';
import { AccountMenu, PasswordDialog, useMe, useSignOut } from '../features/auth';
import { useHeaderTexts } from './header-texts';

/** On a phone the links and tools fold into one menu; the same destinations, the same order. */
function CompactMenu() {
  const { lang, t, setLang } = useI18n();
  const x = useHeaderTexts();
  const goals = useOverviewTexts().goals;
  const me = useMe();
  const [, navigate] = useLocation();
  const [changing, setChanging] = useState(false);
  const signOut = useSignOut();
  const items: MenuItem[] = [
    { id: 'overview', label: t.overview, onSelect: () => navigate('/') },
    { id: 'goals', label: goals, onSelect: () => navigate('/goals') },
    ...(me?.isAdmin ? [{ id: 'admin', label: t.access.admin, onSelect: () => navigate('/admin') }] : []),
    { id: 'lang', label: t.otherLanguageName, onSelect: () => setLang(lang === 'da' ? 'en' : 'da'), group: x.settings },
    ...(me
      ? [{ id: 'password', label: t.access.changeOwnPassword, onSelect: () => setChanging(true), group: x.settings },
        { id: 'out', label: `${t.access.signOut} (${me.name})`, onSelect: signOut, group: x.settings }]
      : []),
  ];
  return (
    <>
      <Menu label={x.menu} items={items} align="end" className="app-header__menu" />
      {changing && <PasswordDialog onClose={() => setChanging(false)} />}
    </>
  );
}

/** The app's top bar: home, the main places, who you are, language; one menu on a phone. */
export function AppHeader() {
  const { t } = useI18n();
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
      <CompactMenu />
    </header>
  );
}
