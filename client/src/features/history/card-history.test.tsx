import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders } from '../../app/providers';
import { makeCard, makeEvent } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { CardHistory } from './card-history';

describe('a card’s history', () => {
  it('reads as sentences with who and when, newest first, and "undo" sends card:undo', async () => {
    const { store, fake } = renderApp();
    await screen.findByRole('region', { name: 'I gang' });
    const card = makeCard({ id: 'k1', columnId: 'c2', orderKey: 'a5', title: 'Ring til apoteket' });
    const load = async () => ({
      events: [
        { ...makeEvent(3, { type: 'card.updated', card, before: { ownerName: 'Hanne', dueDate: null } }), actor: 'user:2', at: '2026-11-21T09:30:00.000Z' },
        { ...makeEvent(2, { type: 'card.moved', card, from: { columnId: 'c1', orderKey: 'a0' } }), actor: 'user:1' },
      ],
      actors: { 'user:1': 'Eva Holm', 'user:2': 'Ole Berg' },
    });
    render(
      <AppProviders store={store} api={{ listBoards: async () => [] }} lang="da">
        <CardHistory boardId="b1" cardId="k1" title="Ring til apoteket" onClose={() => undefined} load={load} />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Historik: Ring til apoteket' });
    const lines = within(await within(dialog).findByRole('list', { name: 'Historik' })).getAllByRole('listitem');
    expect(lines.map((l) => l.textContent?.split(' · ')[0])).toEqual([
      'Ole Berg ændrede ansvarlig, frist',
      'Eva Holm flyttede kortet fra Nye forslag til I gang',
    ]);
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Fortryd min seneste ændring' }));
    expect(fake.lastCall('card:undo')?.payload).toMatchObject({ boardId: 'b1', cardId: 'k1' });
  });
});
