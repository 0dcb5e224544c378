import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Escalation, Meeting } from '../../../../shared/schemas';
import { makeSnapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const VIEWER = { read: true, write: false, facilitate: false, administer: false };
const MEMBER = { read: true, write: true, facilitate: false, administer: false };

const AT = '2026-11-20T10:00:00.000Z';
const received: Escalation = {
  id: 'e1', cardId: 'x', cardTitle: 'For få senge', originBoardId: 'ward', originBoardName: 'Afsnit N2', holderBoardId: 'b1',
  holderBoardName: 'Klinik Nord', status: 'open', reason: 'Vi kan ikke selv', dueDate: '2099-01-01', resolution: null,
  context: [], boardIds: ['ward', 'b1'],
  steps: [{ kind: 'raised', boardId: 'ward', boardName: 'Afsnit N2', toBoardId: 'b1', toBoardName: 'Klinik Nord', actor: 'user:1', actorName: 'Eva', at: AT, text: 'Vi kan ikke selv' }],
  createdAt: AT, updatedAt: AT,
};

const running: Meeting = {
  id: 'm1', boardId: 'b1', status: 'running', facilitator: 'Eva', startedAt: new Date().toISOString(), endedAt: null,
  plannedMinutes: 15, itemMinutes: 3, currentItemId: 'a1', attendees: ['Eva', 'Bo'],
  items: [{ id: 'a1', kind: 'custom', title: 'Sengepladser i weekenden', detail: null, refId: null, skipped: false, startedAt: AT, endedAt: null, outcome: 'Vi prøver to weekender', decisions: [{ id: 'd1', text: 'Bo spørger klinikken', at: AT }], actionIds: [] }],
  minutes: null,
} as unknown as Meeting;

describe('a board for someone who may only look', () => {
  it('shows cards, tiles and escalations without the buttons that change them', async () => {
    renderApp({ access: VIEWER, snapshot: makeSnapshot({ escalations: [received] }) });
    await screen.findByRole('listitem', { name: 'Ring til apoteket' });
    expect(screen.queryByRole('button', { name: 'Nyt kort' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ny kolonne' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Flyt til …' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrér måling' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Flere handlinger/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Omdøb kolonne' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Træk kort' })).toBeNull();
    const zone = screen.getByRole('region', { name: 'Eskaleringer' });
    expect(within(zone).getByRole('listitem', { name: 'For få senge' })).toBeInTheDocument();
    expect(within(zone).queryByRole('button', { name: 'Besvar' })).toBeNull();
  });

  it('opens a card to read it: the fields are disabled and nothing can be saved or archived', async () => {
    renderApp({ access: VIEWER });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ring til apoteket' }));
    const dialog = screen.getByRole('dialog', { name: 'Redigér kort' });
    expect(within(dialog).getByLabelText('Titel')).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: 'Gem' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Arkivér' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Luk' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('follows a running meeting live without its controls', async () => {
    renderApp({ access: MEMBER, path: '/boards/b1/meeting', snapshot: makeSnapshot({ meeting: running }) });
    await screen.findByRole('timer', { name: 'Mødetid' });
    expect(screen.getByText(/Du følger mødet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Næste punkt' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Afslut møde' })).toBeNull();
    expect(screen.queryByLabelText('Ny beslutning')).toBeNull();
    const current = screen.getByRole('region', { name: 'Aktuelt punkt' });
    expect(within(current).getByText('Bo spørger klinikken')).toBeInTheDocument();
    expect(within(current).getByText(/Vi prøver to weekender/)).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Fremmøde' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Eva', 'Bo']);
    expect(screen.queryByRole('form', { name: 'Tilføj til fremmødet' })).toBeNull();
  });

  it('a member may change cards but not start a meeting', async () => {
    renderApp({ access: MEMBER, path: '/boards/b1/meeting' });
    await screen.findByRole('heading', { name: 'Tidligere møder' });
    expect(screen.queryByRole('button', { name: 'Start møde' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Mødehyppighed' })).toBeNull();
  });
});

describe('a board for its facilitator', () => {
  it('has the meeting and escalation buttons', async () => {
    renderApp({ access: { ...MEMBER, facilitate: true }, snapshot: makeSnapshot({ escalations: [received] }) });
    const zone = await screen.findByRole('region', { name: 'Eskaleringer' });
    expect(within(zone).getByRole('button', { name: 'Besvar' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Nyt kort' }).length).toBeGreaterThan(0);
  });
});

describe('a board the person may not read', () => {
  it('shows one clear "Ingen adgang" page and nothing of the board', async () => {
    renderApp({ access: { read: false, write: false, facilitate: false, administer: false } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByText('Kunne ikke hente data.')).toBeNull();
  });
});
