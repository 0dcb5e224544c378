import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { detectLang } from '../lib/i18n-context';
import { renderApp } from '../test/render-app';

describe('language', { timeout: 15_000 }, () => {
  it('is Danish by default and switches to English and back, remembering the choice', async () => {
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Indikatorer' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Indicators' })).toBeInTheDocument();
    const tile = within(screen.getByRole('article', { name: 'Genindlæggelser' }));
    expect(tile.getByText('Status: green (on target)')).toBeInTheDocument();
    // The unit sits in its own smaller span after the number.
    expect(tile.getByText('4.5')).toHaveTextContent(/4\.5\s%$/);
    expect(tile.getByRole('button', { name: 'More actions: Genindlæggelser' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Move to…' })).toHaveLength(3);
    expect(localStorage.getItem('kaskade.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Dansk' }));
    expect(screen.getByRole('heading', { name: 'Indikatorer' })).toBeInTheDocument();
    // The whole app renders twice over: seconds on a shared machine.
  }, 15_000);

  it('takes ?lang=en over the saved choice', () => {
    localStorage.setItem('kaskade.lang', 'da');
    expect(detectLang('?lang=en')).toBe('en');
    expect(detectLang('')).toBe('da');
    expect(detectLang('?lang=xx')).toBe('da');
  });
});
