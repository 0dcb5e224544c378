import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test/render-app';

const OFFLINE = 'Ingen forbindelse – dine ændringer gemmes og sendes, når forbindelsen er tilbage.';

describe('connection state', () => {
  it('shows an offline banner, queues changes with a count, and sends them after re-joining', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    await screen.findByRole('region', { name: 'I gang' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Forbundet')).toBeInTheDocument();

    act(() => fake.setConnected(false));
    const banner = screen.getByRole('alert', { name: OFFLINE });
    expect(banner).toHaveTextContent(OFFLINE);

    const item = screen.getByRole('listitem', { name: 'Ring til apoteket' });
    await user.click(within(item).getByRole('button', { name: 'Flyt til …' }));
    await user.click(screen.getByRole('menuitem', { name: 'Nederst i Afsluttet' }));

    // Applied at once, kept in the queue, nothing sent.
    expect(within(screen.getByRole('region', { name: 'Afsluttet' })).getByRole('listitem', { name: 'Ring til apoteket' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('1 ændring venter på at blive sendt.');
    expect(fake.callsOf('card:move')).toHaveLength(0);

    const joinsBefore = fake.callsOf('board:join').length;
    act(() => fake.setConnected(true));
    const rejoin = fake.callsOf('board:join')[joinsBefore];
    expect(rejoin?.payload).toMatchObject({ boardId: 'b1', sinceSeq: 10 });
    expect(fake.callsOf('card:move')).toHaveLength(1);
    expect(fake.calls.indexOf(rejoin!)).toBeLessThan(fake.calls.indexOf(fake.lastCall('card:move')!));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Gemmer …')).toBeInTheDocument();
  }, 15_000);

  it('says, politely, that it waits for the server while its database is away, and keeps the move', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    await screen.findByRole('region', { name: 'I gang' });
    const item = screen.getByRole('listitem', { name: 'Ring til apoteket' });
    await user.click(within(item).getByRole('button', { name: 'Flyt til …' }));
    await user.click(screen.getByRole('menuitem', { name: 'Nederst i Afsluttet' }));
    act(() => fake.answer(fake.lastCall('card:move'), { ok: false, error: { code: 'UNAVAILABLE', message: 'database away' } }));

    const status = screen.getByText('Venter på serveren …');
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(within(screen.getByRole('region', { name: 'Afsluttet' })).getByRole('listitem', { name: 'Ring til apoteket' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  }, 15_000);

  it('says so when the board does not exist', async () => {
    renderApp({ path: '/boards/nope' });
    expect(await screen.findByRole('heading', { name: 'Tavlen findes ikke.' })).toBeInTheDocument();
  });
});
