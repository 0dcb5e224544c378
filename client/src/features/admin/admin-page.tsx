import { type ComponentType, useEffect, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Tabs } from '../../components/tabs';
import { useT } from '../../lib/i18n-context';
import { useMe } from '../auth';
import { useAdminTexts } from './admin-texts';
import { AuditPanel } from './audit-panel';
import { BoardsPanel } from './boards-panel';
import { DevicesPanel } from './devices-panel';
import { IndicatorsPanel } from './indicators-panel';
import { PasswordForm } from './password-form';
import { TokensPanel } from './tokens-panel';
import { UnitsPanel } from './units-panel';
import { UsersPanel } from './users-panel';

export const ADMIN_TABS = ['users', 'units', 'boards', 'indicators', 'devices', 'tokens', 'audit', 'account'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

const PANELS: Record<AdminTab, ComponentType> = {
  users: UsersPanel,
  units: UnitsPanel,
  boards: BoardsPanel,
  indicators: IndicatorsPanel,
  devices: DevicesPanel,
  tokens: TokensPanel,
  audit: AuditPanel,
  account: PasswordForm,
};

/** The open tab from `?tab=…`, so a link, a reload or the back button lands on the same panel. */
function useTabInUrl(): [AdminTab, (tab: AdminTab) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const asked = new URLSearchParams(search).get('tab');
  const tab = (ADMIN_TABS as readonly string[]).includes(asked ?? '') ? (asked as AdminTab) : 'users';
  // Radix activates a tab on mouse-down and again on the focus that follows, before React renders in between:
  // the ref, not the render's `tab`, tells whether this is a change, so one click makes one history entry.
  const shown = useRef(tab);
  useEffect(() => {
    shown.current = tab;
  }, [tab]);
  const open = (next: AdminTab) => {
    if (next === shown.current) return;
    shown.current = next;
    navigate(`${location}?tab=${next}`);
  };
  return [tab, open];
}

/** `/admin`: people and roles, units and layers, boards and templates, indicators, wall screens, API tokens, the event log. */
export function AdminPage() {
  const t = useT();
  const x = useAdminTexts();
  const me = useMe();
  const [tab, setTab] = useTabInUrl();
  useEffect(() => {
    document.title = `${t.access.adminTitle} – ${t.appName}`;
  }, [t]);
  if (!me?.isAdmin) return <p>{t.notFoundTitle}</p>;
  const tabs: { id: AdminTab; label: string }[] = [
    { id: 'users', label: t.access.tabUsers },
    { id: 'units', label: t.access.tabUnits },
    { id: 'boards', label: t.access.tabBoards },
    { id: 'indicators', label: t.access.tabIndicators },
    { id: 'devices', label: t.access.tabDevices },
    { id: 'tokens', label: x.tabTokens },
    { id: 'audit', label: t.access.tabAudit },
    { id: 'account', label: x.tabAccount },
  ];
  const Panel = PANELS[tab];
  // Only the open tab's panel is mounted: each loads its data when opened.
  const items = tabs.map((item) => ({ ...item, content: item.id === tab ? <Panel key={tab} /> : null }));
  return (
    <div className="page admin">
      <h1 className="page__title">{t.access.adminTitle}</h1>
      <Tabs label={x.tabsLabel} tabs={items} value={tab} onChange={(id) => setTab(id as AdminTab)} />
    </div>
  );
}
