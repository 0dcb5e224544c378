import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeCard, makeEvent } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

/** The accessible names (titles) of a column's cards, in order. */
const cardNames = (column: string) =>
  within(screen.getByRole('region', { name: column }))
    .queryAllByRole('listitem')
    .map((item) => document.getElementById(item.getAttribute('aria-labelledby') ?? '')?.textContent);

async function moveViaMenu(cardTitle: string, target: string) {
  const user = userEvent.setup();
  const item = screen.getByRole('listitem', { name: cardTitle });
  await user.click(within(item).getByRole('button', { name: 'Flyt til …' }));
  await user.click(screen.getByRole('menuitem', { name: target }));
}

describe('card columns', () => {
  it('are labelled regions holding lists of cards named by their titles', async () => {
    renderApp();
    const column = await screen.findByRole('region', { name: 'Nye forslag' });
    const list = within(column).getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(list).getByRole('listitem', { name: 'Ring til apoteket' })).toBeInTheDocument();
    expect(within(column).getByRole('button', { name: 'Ring til apoteket' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'I gang' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Afsluttet' })).toBeInTheDocument();
    expect(cardNames('Nye forslag')).toEqual(['Ring til apoteket', 'Ny tjekliste til stuegang']);
  });

  it('moves a card with the "Flyt til" menu: optimistic at once, one card:move sent, server order kept', async () => {
    const { fake } = renderApp();
    await screen.findByRole('region', { name: 'I gang' });
    await moveViaMenu('Ring til apoteket', 'Nederst i I gang');

    expect(cardNames('I gang')).toEqual(['Faldforebyggelse', 'Ring til apoteket']);
    expect(cardNames('Nye forslag')).toEqual(['Ny tjekliste til stuegang']);
    const call = fake.lastCall('card:move');
    expect(call?.payload).toMatchObject({ boardId: 'b1', cardId: 'k1', toColumnId: 'c2', index: 1 });
    expect(fake.callsOf('card:move')).toHaveLength(1);

    const moved = makeCard({ id: 'k1', columnId: 'c2', orderKey: 'a1', title: 'Ring til apoteket' });
    const opId = (call?.payload as { opId: string }).opId;
    act(() =>
      fake.answer(call, {
        ok: true,
        seq: 11,
        data: { events: [makeEvent(11, { type: 'card.moved', card: moved, from: { columnId: 'c1', orderKey: 'a0' } }, opId)] },
      }),
    );
    expect(cardNames('I gang')).toEqual(['Faldforebyggelse', 'Ring til apoteket']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('rolls the move back and says why when the server refuses it', async () => {
    const { fake } = renderApp();
    await screen.findByRole('region', { name: 'I gang' });
    await moveViaMenu('Ring til apoteket', 'Nederst i Afsluttet');
    expect(cardNames('Afsluttet')).toEqual(['Ring til apoteket']);

    act(() => fake.answer(fake.lastCall('card:move'), { ok: false, error: { code: 'NOT_FOUND', message: 'Column not found' } }));

    expect(cardNames('Afsluttet')).toEqual([]);
    expect(cardNames('Nye forslag')).toEqual(['Ring til apoteket', 'Ny tjekliste til stuegang']);
    expect(screen.getByRole('alert')).toHaveTextContent('Ændringen kunne ikke gemmes: det findes ikke længere');
  });

  it('moves a card to the top of its own column', async () => {
    const { fake } = renderApp();
    await screen.findByRole('region', { name: 'Nye forslag' });
    await moveViaMenu('Ny tjekliste til stuegang', 'Øverst i kolonnen');
    expect(cardNames('Nye forslag')).toEqual(['Ny tjekliste til stuegang', 'Ring til apoteket']);
    expect(fake.lastCall('card:move')?.payload).toMatchObject({ cardId: 'k2', toColumnId: 'c1', index: 0 });
  });

  it('creates a card in a column from the dialog', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    const column = await screen.findByRole('region', { name: 'I gang' });
    await user.click(within(column).getByRole('button', { name: 'Nyt kort' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Nyt kort' }));
    await user.type(dialog.getByLabelText('Titel'), 'Tjek iltflasker');
    await user.selectOptions(dialog.getByLabelText('Type'), 'Problem');
    await user.type(dialog.getByLabelText('Ansvarlig'), 'Bo');
    await user.type(dialog.getByLabelText('Frist'), '2026-12-05');
    await user.click(dialog.getByRole('button', { name: 'Gem' }));

    const item = within(column).getByRole('listitem', { name: 'Tjek iltflasker' });
    expect(item).toHaveTextContent('Ansvarlig: Bo');
    expect(item).toHaveTextContent('Frist: 5. dec. 2026');
    expect(fake.lastCall('card:create')?.payload).toMatchObject({
      card: { columnId: 'c2', title: 'Tjek iltflasker', type: 'problem', ownerName: 'Bo', dueDate: '2026-12-05' },
    });
  });

  it('edits and archives a card', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Ring til apoteket' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Redigér kort' }));
    await user.clear(dialog.getByLabelText('Titel'));
    await user.type(dialog.getByLabelText('Titel'), 'Ring til sygehusapoteket');
    await user.click(dialog.getByRole('button', { name: 'Gem' }));
    expect(fake.lastCall('card:update')?.payload).toMatchObject({ cardId: 'k1', changes: { title: 'Ring til sygehusapoteket' } });
    expect(screen.getByRole('listitem', { name: 'Ring til sygehusapoteket' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Ring til sygehusapoteket' }));
    await user.click(screen.getByRole('button', { name: 'Arkivér' }));
    expect(screen.queryByRole('listitem', { name: 'Ring til sygehusapoteket' })).not.toBeInTheDocument();
    expect(fake.lastCall('card:archive')?.payload).toMatchObject({ cardId: 'k1' });
  });

  it('creates and renames columns', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Ny kolonne' }));
    await user.type(screen.getByLabelText('Kolonnenavn'), 'Eskaleret{Enter}');
    expect(screen.getByRole('region', { name: 'Eskaleret' })).toBeInTheDocument();
    expect(fake.lastCall('column:create')?.payload).toMatchObject({ column: { name: 'Eskaleret' } });

    const column = screen.getByRole('region', { name: 'I gang' });
    await user.click(within(column).getByRole('button', { name: 'Omdøb kolonne' }));
    const input = within(column).getByLabelText('Kolonnenavn');
    await user.clear(input);
    await user.type(input, 'I gang nu{Enter}');
    expect(screen.getByRole('region', { name: 'I gang nu' })).toBeInTheDocument();
    expect(fake.lastCall('column:rename')?.payload).toMatchObject({ columnId: 'c2', name: 'I gang nu' });
  });

  it("applies a peer's event and ignores it when it arrives again", async () => {
    const { fake } = renderApp();
    await screen.findByRole('region', { name: 'I gang' });
    const created = makeCard({ id: 'k9', columnId: 'c3', orderKey: 'a0', title: 'Fra en kollega' });
    const event = makeEvent(11, { type: 'card.created', card: created });
    act(() => fake.pushEvent(event));
    act(() => fake.pushEvent(event));
    expect(cardNames('Afsluttet')).toEqual(['Fra en kollega']);
  });

  it('groups the "Flyt til" targets under each column\'s name, and puts focus back on the moved card\'s grip', async () => {
    const user = userEvent.setup();
    renderApp();
    const item = await screen.findByRole('listitem', { name: 'Ring til apoteket' });
    await user.click(within(item).getByRole('button', { name: 'Flyt til …' }));
    const menu = screen.getByRole('menu', { name: 'Flyt til …' });
    expect(within(menu).getAllByRole('group').map((g) => g.getAttribute('aria-label'))).toEqual(['I samme kolonne', 'I gang', 'Afsluttet']);
    const inProgress = within(menu).getByRole('group', { name: 'I gang' });
    expect(within(inProgress).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Øverst i I gang', 'Nederst i I gang']);
    await user.click(within(inProgress).getByRole('menuitem', { name: 'Øverst i I gang' }));
    const moved = within(screen.getByRole('region', { name: 'I gang' })).getByRole('listitem', { name: 'Ring til apoteket' });
    await waitFor(() => expect(within(moved).getByRole('button', { name: 'Træk kort' })).toHaveFocus());
  });

  it('says "Flyttet · Fortryd" after a move; Fortryd undoes that card, and then offers no redo', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    await screen.findByRole('region', { name: 'I gang' });
    await moveViaMenu('Ring til apoteket', 'Nederst i I gang');
    const toast = screen.getByRole('status', { name: 'Din seneste ændring' });
    expect(toast).toHaveTextContent('Flyttet · Fortryd');
    await user.click(within(toast).getByRole('button', { name: 'Fortryd' }));
    expect(fake.lastCall('card:undo')?.payload).toMatchObject({ boardId: 'b1', cardId: 'k1' });
    expect(toast).toHaveTextContent('Fortrudt');
    expect(within(toast).queryByRole('button')).toBeNull();
    expect(fake.callsOf('card:undo')).toHaveLength(1);
  });

  it('says "Gemt · Fortryd" after an edit; Ctrl+Z undoes one\'s last change on the board, but not while typing', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Ring til apoteket' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Redigér kort' }));
    await user.type(dialog.getByLabelText('Ansvarlig'), 'Bo');
    await user.keyboard('{Control>}z{/Control}'); // the field's own undo, not the board's
    expect(fake.callsOf('card:undo')).toHaveLength(0);
    await user.click(dialog.getByRole('button', { name: 'Gem' }));
    expect(screen.getByRole('status', { name: 'Din seneste ændring' })).toHaveTextContent('Gemt · Fortryd');

    await user.keyboard('{Control>}z{/Control}');
    expect(fake.callsOf('card:undo')).toHaveLength(1);
    expect(fake.lastCall('card:undo')?.payload).not.toHaveProperty('cardId');
    expect(screen.getByRole('status', { name: 'Din seneste ændring' })).toHaveTextContent('Fortrudt');
  });

  it('closing a card\'s dialog puts focus on the card\'s grip', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: 'Ring til apoteket' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Redigér kort' })).getByRole('button', { name: 'Annullér' }));
    const item = screen.getByRole('listitem', { name: 'Ring til apoteket' });
    await waitFor(() => expect(within(item).getByRole('button', { name: 'Træk kort' })).toHaveFocus());
  });
});
