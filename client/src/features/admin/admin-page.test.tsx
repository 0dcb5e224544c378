import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { AdminDevice, AdminUser, AuditEntry } from '../../../../shared/auth';
import { I18nProvider } from '../../lib/i18n-context';
import { MeProvider } from '../auth';
import { AdminPage } from './admin-page';

// The admin page against a small in-memory stand-in for the admin API (the routes themselves are tested over real
// HTTP in tests/integration/admin-manage.test.ts); elements are found by role and label as a person finds them.
const json = (status: number, body?: unknown) =>
  Promise.resolve(status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

const HOUR = 3600_000;
const now = Date.now();

function fakeApi() {
  const users: AdminUser[] = [
    { id: 'u1', username: 'anne', displayName: 'Anne Jensen', email: null, disabled: false, roles: [{ unitId: 'clinic', role: 'member' }] },
  ];
  const tokens: { id: string; name: string; unitId: string; createdAt: string; createdBy: string; revokedAt: string | null; lastUsedAt: string | null }[] = [];
  const devices: AdminDevice[] = [
    { id: 'd1', boardId: 'b1', name: 'Gangen', mode: 'read', createdAt: new Date(now - 3 * HOUR).toISOString(), enrolledAt: null, lastSeenAt: null, revokedAt: null, codeExpiresAt: new Date(now - 2 * HOUR).toISOString() },
    { id: 'd2', boardId: 'b1', name: 'Personalestuen', mode: 'touch', createdAt: new Date(now - 48 * HOUR).toISOString(), enrolledAt: new Date(now - 47 * HOUR).toISOString(), lastSeenAt: new Date(now - 5 * 60_000).toISOString(), revokedAt: null, codeExpiresAt: null },
  ];
  const templates = [{ id: 'tpl1', name: 'Sengeafsnit', columns: ['Nye forslag', 'I gang', 'Afsluttet'], indicators: ['ind1'] }];
  const indicators = [
    { id: 'ind1', unitId: 'clinic', name: 'Andel bæltefikseret', unitLabel: '%', direction: 'lower', frequency: 'monthly', kind: 'hard', decimals: 1, minRespondents: null },
  ];
  const audit: AuditEntry[] = [
    { source: 'board', boardId: 'b1', seq: 4, at: '2026-12-03T13:05:00.000Z', actor: 'user:u1', actorName: 'Anne Jensen', type: 'card.created', subject: 'op-1', payload: { type: 'card.created', card: { title: 'Huddle før vagtskifte' } } },
    { source: 'admin', boardId: null, seq: null, at: '2026-12-02T09:00:00.000Z', actor: 'user:u1', actorName: 'Anne Jensen', type: 'role.set', subject: 'user:u1', payload: { unitId: 'ward', role: 'facilitator' } },
  ];
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetch = (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body: unknown = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method, url, body });
    const path = url.split('?')[0]!;
    if (method === 'GET') {
      if (path === '/api/admin/users') return json(200, { users });
      if (path === '/api/admin/units') {
        return json(200, {
          units: [
            { id: 'clinic', parentId: null, layerId: 'l1', name: 'Klinik Nord', administrable: true },
            { id: 'ward', parentId: 'clinic', layerId: 'l2', name: 'Afsnit N2', administrable: true },
          ],
          layers: [{ id: 'l1', rank: 1, name: 'Klinik', kind: '' }, { id: 'l2', rank: 2, name: 'Afsnit', kind: '' }],
        });
      }
      if (path === '/api/admin/boards') return json(200, { boards: [{ id: 'b1', name: 'Afsnit N2 – tavlemøde', unitId: 'ward' }] });
      if (path === '/api/admin/devices') return json(200, { devices });
      if (path === '/api/admin/templates') return json(200, { templates });
      if (path === '/api/admin/indicators') return json(200, { indicators });
      if (path === '/api/api-tokens') return json(200, { tokens });
      if (path === '/api/admin/audit') return json(200, { entries: audit });
    }
    if (method === 'PUT' && path.startsWith('/api/admin/users/')) return json(204);
    if (method === 'PATCH' && path === '/api/admin/templates/tpl1') {
      Object.assign(templates[0]!, body);
      return json(204);
    }
    if (method === 'DELETE' && path === '/api/admin/templates/tpl1') {
      templates.splice(0, 1);
      return json(204);
    }
    if (method === 'DELETE' && path === '/api/admin/indicators/ind1') {
      return json(409, { error: { code: 'IN_USE', message: 'The indicator is in use (measurements: 3).' } });
    }
    if (method === 'POST' && path === '/api/api-tokens') {
      const token = { id: `tok-${tokens.length + 1}`, name: (body as { name: string }).name, unitId: (body as { unitId: string }).unitId, createdAt: new Date(now).toISOString(), createdBy: 'user:me', revokedAt: null, lastUsedAt: null };
      tokens.push(token);
      return json(201, { token, secret: 'kft_hemmelig-engangsnoegle' });
    }
    if (method === 'DELETE' && path.startsWith('/api/api-tokens/')) {
      tokens.find((tk) => path.endsWith(tk.id))!.revokedAt = new Date(now).toISOString();
      return json(204);
    }
    if (method === 'POST' && path === '/api/admin/devices/d1/code') return json(200, { code: '12345678', expiresAt: new Date(now + HOUR).toISOString(), link: '/wall/enrol#12345678' });
    if (method === 'POST' && path === '/api/auth/password') {
      return (body as { currentPassword: string }).currentPassword === 'rigtig-kode-1'
        ? json(204)
        : json(400, { error: { code: 'VALIDATION_FAILED', message: 'The current password is wrong.' } });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: `${method} ${path}` } });
  };
  return { fetch, calls };
}

const me = { kind: 'user' as const, id: 'me', username: 'admin', name: 'Admin', roles: [{ unitId: 'clinic', role: 'admin' as const }], isAdmin: true };

function renderAdmin(path = '/admin') {
  const api = fakeApi();
  vi.stubGlobal('fetch', api.fetch);
  const location = memoryLocation({ path, record: true });
  render(
    <I18nProvider initialLang="da">
      <MeProvider value={me}>
        <Router hook={location.hook} searchHook={location.searchHook}>
          <AdminPage />
        </Router>
      </MeProvider>
    </I18nProvider>,
  );
  return { ...api, location, user: userEvent.setup() };
}

afterEach(() => vi.unstubAllGlobals());

describe('admin page', { timeout: 20_000 }, () => {
  it('opens the tab named in the URL and puts the chosen tab there; arrow keys move between tabs', async () => {
    const { location, user } = renderAdmin('/admin?tab=tokens');
    expect(screen.getByRole('tab', { name: 'API-nøgler' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('button', { name: 'Opret API-nøgle' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Hændelseslog' }));
    expect(location.history.at(-1)).toBe('/admin?tab=audit');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Hændelseslog');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Min adgangskode' })).toHaveFocus();
    expect(location.history.at(-1)).toBe('/admin?tab=account');
  });

  it('adds a role in a dialog whose unit is chosen, never preset', async () => {
    const { calls, user } = renderAdmin('/admin?tab=users');
    await user.click(await screen.findByRole('button', { name: 'Tilføj rolle til Anne Jensen' }));
    const dialog = screen.getByRole('dialog', { name: 'Tilføj rolle til Anne Jensen' });
    const unit = within(dialog).getByLabelText('Enhed');
    expect(unit).toHaveValue('');
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj rolle' }));
    expect(within(dialog).getByText('Vælg en enhed.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.selectOptions(unit, 'Afsnit N2');
    await user.selectOptions(within(dialog).getByLabelText('Rolle'), 'mødeleder');
    await user.click(within(dialog).getByRole('button', { name: 'Tilføj rolle' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ url: '/api/admin/users/u1/roles/ward', body: { role: 'facilitator' } });
  });

  it('shows a new API token secret once, then only its name; revoking asks first', async () => {
    const { calls, user } = renderAdmin('/admin?tab=tokens');
    await user.type(await screen.findByLabelText('Navn (fx datavarehus)'), 'Datavarehus');
    await user.selectOptions(screen.getByLabelText('Enhed'), 'Afsnit N2');
    await user.click(screen.getByRole('button', { name: 'Opret API-nøgle' }));
    expect(await screen.findByLabelText('API-nøgle for Datavarehus')).toHaveValue('kft_hemmelig-engangsnoegle');
    expect(screen.getByText('Kopiér nøglen nu – den vises kun denne ene gang.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Luk' }));
    expect(screen.queryByDisplayValue('kft_hemmelig-engangsnoegle')).not.toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Datavarehus' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Tilbagekald: Datavarehus' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Tilbagekald' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/api-tokens/tok-1')).toBe(true));
    expect(await screen.findByText('tilbagekaldt')).toBeInTheDocument();
  });

  it('edits and deletes a board template', async () => {
    const { calls, user } = renderAdmin('/admin?tab=boards');
    await user.click(await screen.findByRole('button', { name: 'Redigér Sengeafsnit' }));
    const dialog = screen.getByRole('dialog', { name: 'Redigér skabelonen Sengeafsnit' });
    const name = within(dialog).getByLabelText('Navn');
    await user.clear(name);
    await user.type(name, 'Sengeafsnit voksen');
    await user.click(within(dialog).getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'Sengeafsnit voksen', columns: ['Nye forslag', 'I gang', 'Afsluttet'], indicators: ['ind1'] }));
    await user.click(await screen.findByRole('button', { name: 'Slet Sengeafsnit voksen' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Slet' }));
    await waitFor(() => expect(screen.queryByText('Sengeafsnit voksen')).not.toBeInTheDocument());
  });

  it('says in Danish why an indicator in use cannot be deleted', async () => {
    const { user } = renderAdmin('/admin?tab=indicators');
    await user.click(await screen.findByRole('button', { name: 'Slet Andel bæltefikseret' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Slet' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Kan ikke slettes: Andel bæltefikseret er i brug');
  });

  it('offers "Ny kode" for an expired wall-screen code and tells when a screen was last seen, relatively', async () => {
    const { user } = renderAdmin('/admin?tab=devices');
    expect(await screen.findByText('(koden er udløbet)')).toBeInTheDocument();
    expect(screen.getByText('for 5 minutter siden')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ny kode til Personalestuen' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ny kode til Gangen' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Kode: 12345678');
  });

  it('reads the event log as sentences in local time, without ids or ISO stamps', async () => {
    const { user } = renderAdmin('/admin?tab=audit');
    await user.selectOptions(await screen.findByLabelText('Bruger'), 'Anne Jensen');
    expect(await screen.findByText('Anne Jensen oprettede kortet »Huddle før vagtskifte« (Afsnit N2 – tavlemøde).')).toBeInTheDocument();
    expect(screen.getByText('Anne Jensen gav »Anne Jensen« rollen mødeleder på Afsnit N2.')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(table).not.toHaveTextContent(/\d{4}-\d{2}-\d{2}|user:|op-1/);
    expect(table).toHaveTextContent(/3\. dec\. 2026/);
  });

  it('changes one’s own password only with the current one', async () => {
    const { user } = renderAdmin('/admin?tab=account');
    await user.type(screen.getByLabelText('Nuværende adgangskode'), 'forkert');
    await user.type(screen.getByLabelText('Ny adgangskode'), 'ny-kode-12345');
    await user.type(screen.getByLabelText('Gentag ny adgangskode'), 'ny-kode-12345');
    await user.click(screen.getByRole('button', { name: 'Skift adgangskode' }));
    expect(await screen.findByText('Den nuværende adgangskode er forkert.')).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Nuværende adgangskode'));
    await user.type(screen.getByLabelText('Nuværende adgangskode'), 'rigtig-kode-1');
    await user.click(screen.getByRole('button', { name: 'Skift adgangskode' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Din adgangskode er skiftet.');
  });
});
