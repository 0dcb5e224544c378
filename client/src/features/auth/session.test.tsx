import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n-context';
import { msUntilDailyRefresh } from '../wall';
import { LoginPage } from './session';

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sign-in page', () => {
  it('offers the language switch before signing in', async () => {
    vi.stubGlobal('fetch', () => json(200, { oidc: false, demo: false }));
    render(<I18nProvider initialLang="da"><LoginPage onSignedIn={() => {}} /></I18nProvider>);
    await userEvent.setup().click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
  });

  it('says when the password is wrong, then signs in with the CSRF header and offers the demo logins', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    let attempt = 0;
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      calls.push({ url, ...(init && { init }) });
      if (url === '/api/auth/config') return json(200, { oidc: false, demo: true });
      attempt += 1;
      return attempt === 1
        ? json(401, { error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' } })
        : json(200, { kind: 'user', id: 'u1', username: 'n2', name: 'Nadia', roles: [], isAdmin: false });
    });
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    render(<I18nProvider initialLang="da"><LoginPage onSignedIn={onSignedIn} /></I18nProvider>);
    expect(await screen.findByText(/Demo: log ind som admin/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Brugernavn'), 'n2');
    await user.type(screen.getByLabelText('Adgangskode'), 'forkert');
    await user.click(screen.getByRole('button', { name: 'Log ind' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Forkert brugernavn eller adgangskode.');
    expect(onSignedIn).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Log ind' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ name: 'Nadia' })));
    const login = calls.filter((c) => c.url === '/api/auth/login').at(-1)!;
    expect((login.init!.headers as Record<string, string>)['x-kaskade-csrf']).toBe('1');
    expect(screen.queryByRole('link', { name: /organisationens konto/ })).toBeNull(); // OIDC off
  });
});

describe('wall screen', () => {
  it('reloads once a day, at about 04:00 local time', () => {
    const evening = new Date(2026, 10, 28, 22, 0, 0);
    expect(msUntilDailyRefresh(evening, 0)).toBe(6 * 3600_000);
    const early = new Date(2026, 10, 28, 3, 0, 0);
    expect(msUntilDailyRefresh(early, 5000)).toBe(3600_000 + 5000);
  });
});
