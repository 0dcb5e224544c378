import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n-context';
import { AccountMenu, MeProvider } from './session';

const nurse = { kind: 'user' as const, id: 'u2', username: 'n2', name: 'Nadia', roles: [], isAdmin: false };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderMenu(lang: 'da' | 'en') {
  return render(
    <I18nProvider initialLang={lang}>
      <MeProvider value={nurse}>
        <AccountMenu />
      </MeProvider>
    </I18nProvider>,
  );
}

describe('account menu: one’s own password', () => {
  it('lets a person who is not an administrator change their password in a dialog, by keyboard', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      bodies.push({ url, body: JSON.parse(init?.body as string) });
      const wrong = bodies.length === 1;
      return Promise.resolve(
        wrong
          ? new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'Wrong current password.' } }), {
              status: 400,
              headers: { 'content-type': 'application/json' },
            })
          : new Response(null, { status: 204 }),
      );
    });
    const user = userEvent.setup();
    renderMenu('da');
    const open = screen.getByRole('button', { name: 'Skift adgangskode' });
    open.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Skift adgangskode' });

    await user.type(within(dialog).getByLabelText('Nuværende adgangskode'), 'forkert-kode');
    await user.type(within(dialog).getByLabelText(/^Ny adgangskode/), 'en-ny-kode-123');
    await user.type(within(dialog).getByLabelText('Gentag ny adgangskode'), 'en-ny-kode-123');
    await user.click(within(dialog).getByRole('button', { name: 'Skift adgangskode' }));
    expect(await within(dialog).findByText('Den nuværende adgangskode er forkert.')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('Nuværende adgangskode'));
    await user.type(within(dialog).getByLabelText('Nuværende adgangskode'), 'kaskade-demo');
    await user.click(within(dialog).getByRole('button', { name: 'Skift adgangskode' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Din adgangskode er skiftet.');
    expect(bodies.at(-1)).toEqual({ url: '/api/auth/password', body: { currentPassword: 'kaskade-demo', newPassword: 'en-ny-kode-123' } });

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(consoleError).not.toHaveBeenCalled();
  }, 15_000);

  it('speaks English', async () => {
    renderMenu('en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Change password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change password' });
    expect(within(dialog).getByLabelText('Current password')).toBeInTheDocument();
  });
});
