import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Escalation } from '../../../../shared/schemas';
import { makeSnapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const AT = '2026-11-20T10:00:00.000Z';
const escalation = (o: Partial<Escalation>): Escalation => ({
  id: 'e1', cardId: 'x', cardTitle: 'For få senge', originBoardId: 'ward', originBoardName: 'Afsnit N2', holderBoardId: 'b1',
  holderBoardName: 'Klinik Nord', status: 'open', reason: 'Vi kan ikke selv', dueDate: '2099-01-01', resolution: null,
  context: [{ indicatorId: 'i1', name: 'Genindlæggelser', value: 6.5, unitLabel: '%', status: 'red' }],
  boardIds: ['ward', 'b1'],
  steps: [{ kind: 'raised', boardId: 'ward', boardName: 'Afsnit N2', toBoardId: 'b1', toBoardName: 'Klinik Nord', actor: 'user:1', actorName: 'Eva', at: AT, text: 'Vi kan ikke selv' }],
  createdAt: AT, updatedAt: AT, ...o,
});

describe('the escalation zone', () => {
  it('lists what the board received with origin, reason, indicator context and trail; answering sends the decision', async () => {
    const { fake } = renderApp({ snapshot: makeSnapshot({ escalations: [escalation({})] }) });
    const zone = await screen.findByRole('region', { name: 'Eskaleringer' });
    const item = within(within(zone).getByRole('list', { name: 'Modtaget' })).getByRole('listitem', { name: 'For få senge' });
    expect(within(item).getByText('Fra Afsnit N2 · Begrundelse: Vi kan ikke selv')).toBeInTheDocument();
    expect(within(item).getAllByText(/Vi kan ikke selv/)).toHaveLength(1); // the reason once, not again in the trail
    expect(within(item).getByText('20. nov. 2026', { exact: false }).closest('time')).toHaveAttribute('dateTime', AT);
    expect(within(item).getByText(/20\. nov\. 2026.*\d\d[.:]\d\d/)).toBeInTheDocument(); // the trail shows date and time
    expect(within(item).getByText(/Genindlæggelser 6,5\s%/)).toBeInTheDocument();
    expect(within(within(item).getByRole('list', { name: 'Forløb' })).getByText('Afsnit N2 eskalerede til Klinik Nord')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(within(item).getByRole('button', { name: 'Besvar' }));
    const dialog = screen.getByRole('dialog', { name: 'Besvar: For få senge' });
    await user.click(within(dialog).getByRole('button', { name: 'Besvar' }));
    expect(within(dialog).getByText('Skal udfyldes.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Beslutning'), 'Vi låner to senge');
    await user.click(within(dialog).getByRole('button', { name: 'Besvar' }));
    expect(fake.lastCall('escalation:answer')?.payload).toMatchObject({ boardId: 'b1', escalationId: 'e1', decision: 'Vi låner to senge' });
  });

  it('shows on the origin card where it went, and an overdue flag', async () => {
    renderApp({
      snapshot: makeSnapshot({
        escalations: [escalation({ cardId: 'k1', cardTitle: 'Ring til apoteket', originBoardId: 'b1', holderBoardId: 'clinic', dueDate: '2020-01-01' })],
      }),
    });
    const column = await screen.findByRole('region', { name: 'Nye forslag' });
    const card = within(column).getByRole('listitem', { name: 'Ring til apoteket' });
    expect(within(card).getByText('Eskaleret til Klinik Nord')).toBeInTheDocument();
    expect(within(card).getByText(/overskredet/)).toBeInTheDocument();
  });

  it('groups into Modtaget, Besvaret and Sendt op; "Kvittér" acknowledges an answer; no empty groups', async () => {
    const answered = escalation({
      id: 'e2', cardId: 'k1', cardTitle: 'Ring til apoteket', originBoardId: 'b1', originBoardName: 'Afsnit N2', holderBoardId: 'clinic',
      holderBoardName: 'Klinik Nord', status: 'answered', resolution: 'Ja, fra mandag', boardIds: ['b1', 'clinic'],
    });
    const sentUp = escalation({ id: 'e3', cardId: 'k2', cardTitle: 'Ny tjekliste til stuegang', originBoardId: 'b1', holderBoardId: 'clinic', boardIds: ['b1', 'clinic'] });
    const acknowledged = escalation({ id: 'e4', cardId: 'k3', cardTitle: 'Gammelt svar', originBoardId: 'b1', holderBoardId: 'clinic', status: 'answered', acknowledgedAt: AT });
    const answeredHere = escalation({ id: 'e5', cardTitle: 'Besvaret her', holderBoardId: 'b1', status: 'answered' });
    const { fake } = renderApp({ snapshot: makeSnapshot({ escalations: [answered, sentUp, acknowledged, answeredHere] }) });
    const zone = await screen.findByRole('region', { name: 'Eskaleringer' });
    expect(within(zone).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Besvaret', 'Sendt op']);
    expect(within(zone).queryByText('Modtaget')).toBeNull();
    expect(within(within(zone).getByRole('list', { name: 'Sendt op' })).getAllByRole('listitem', { name: /.+/ }).map((li) => li.getAttribute('aria-label')))
      .toEqual(['Ny tjekliste til stuegang']);
    const item = within(within(zone).getByRole('list', { name: 'Besvaret' })).getByRole('listitem', { name: 'Ring til apoteket' });
    expect(within(zone).queryByText('Gammelt svar')).toBeNull();
    expect(within(zone).queryByText('Besvaret her')).toBeNull();

    await userEvent.setup().click(within(item).getByRole('button', { name: 'Kvittér' }));
    expect(fake.lastCall('escalation:acknowledge')?.payload).toMatchObject({ boardId: 'b1', escalationId: 'e2' });
  });

  it('raising asks for a reason and an optional answer date', async () => {
    const user = userEvent.setup();
    const snapshot = makeSnapshot();
    const { fake } = renderApp({ snapshot: { ...snapshot, board: { ...snapshot.board, unit: { ...snapshot.board.unit, parentId: 'clinic' } } } });
    await user.click(await screen.findByRole('button', { name: 'Ring til apoteket' }));
    await user.click(screen.getByRole('button', { name: 'Eskalér' }));
    const dialog = screen.getByRole('dialog', { name: 'Eskalér: Ring til apoteket' });
    await user.type(within(dialog).getByLabelText('Begrundelse'), 'Vi mangler en aftale');
    expect(within(dialog).getByLabelText('Svarfrist')).toHaveAccessibleDescription('Tom: modtagerens næste tavlemøde.');
    await user.type(within(dialog).getByLabelText('Svarfrist'), '2026-12-10');
    await user.click(within(dialog).getByRole('button', { name: 'Eskalér' }));
    expect(fake.lastCall('escalation:raise')?.payload).toMatchObject({ cardId: 'k1', reason: 'Vi mangler en aftale', dueDate: '2026-12-10' });
  });
});
