import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { BoardAtResponse, MeetingChangesResponse } from '../../../../shared/meeting-rest';
import type { AgendaItem, Meeting } from '../../../../shared/schemas';
import { I18nProvider } from '../../lib/i18n-context';
import { makeCard, makeEvent, makeIndicator, makeMeasurement } from '../../test/fixtures';
import { MinutesPage } from './minutes-page';

const item = (id: string, title: string, skipped: boolean): AgendaItem => ({
  id, kind: 'custom', title, refId: null, detail: '', skipped, startedAt: null, endedAt: null, outcome: '', decisions: [], actionIds: [],
});
const items = [item('a1', 'Sygefravær', false), item('a2', 'Julefrokost', true)];
const meeting: Meeting = {
  id: 'm1', boardId: 'b1', status: 'ended', facilitator: 'Eva Holm', startedAt: '2026-11-28T08:00:00.000Z', endedAt: '2026-11-28T08:20:00.000Z',
  plannedMinutes: 20, itemMinutes: 3, currentItemId: null, attendees: ['Eva Holm'], items,
  minutes: { attendees: ['Eva Holm'], items, decisions: [], actionsCreated: [], actionsClosed: [], indicators: [] },
};
const sms = makeCard({ id: 'k1', columnId: 'c2', orderKey: 'a0', title: 'SMS-påmindelse' });
const movedAt = '2026-11-28T08:07:00.000Z';
const changes: MeetingChangesResponse = {
  events: [{ ...makeEvent(12, { type: 'card.moved', card: sms, from: { columnId: 'c1', orderKey: 'a0' } }), actor: 'user:2', at: movedAt }],
  actors: { 'user:2': 'Ole Berg' },
  columns: { c1: 'Nye forslag', c2: 'I gang', c3: 'Afsluttet' },
  indicators: {},
};
const columns = [
  { id: 'c1', boardId: 'b1', name: 'Nye forslag', orderKey: 'a0' },
  { id: 'c2', boardId: 'b1', name: 'I gang', orderKey: 'a1' },
  { id: 'c3', boardId: 'b1', name: 'Afsluttet', orderKey: 'a2' },
];
const huddle = makeCard({ id: 'k2', columnId: 'c1', orderKey: 'a1', title: 'Huddle' });
const indicators = [makeIndicator({ id: 'i1', name: 'Genindlæggelser', recent: [makeMeasurement({ indicatorId: 'i1', periodStart: '2026-10-01', value: 5.5 })] })];
// At the start: SMS first in "Nye forslag"; by the end it is in "I gang", and "Nye forslag" was moved to the end.
const atStart: BoardAtResponse = { meeting, at: 'start', columns, cards: [huddle, { ...sms, columnId: 'c1' }], indicators };
const atEnd: BoardAtResponse = { meeting, at: 'end', columns: columns.map((c) => (c.id === 'c1' ? { ...c, orderKey: 'a3' } : c)), cards: [huddle, sms], indicators };

function renderPage() {
  const boardAt = vi.fn(async (_b: string, _m: string, at: 'start' | 'end' = 'end') => (at === 'start' ? atStart : atEnd));
  const api = { get: async () => meeting, changes: async () => changes, boardAt, exportUrl: () => '#' };
  const { hook } = memoryLocation({ path: '/boards/b1/meetings/m1' });
  render(
    <I18nProvider initialLang="da">
      <Router hook={hook}><MinutesPage boardId="b1" meetingId="m1" api={api} /></Router>
    </I18nProvider>,
  );
  return { boardAt };
}

const columnOrder = (region: HTMLElement) =>
  within(region).getAllByRole('region').map((r) => r.getAttribute('aria-label')).filter((name) => columns.some((c) => c.name === name));

describe('the minutes', () => {
  it('name the skipped items, and list every change during the meeting as a sentence in local time', async () => {
    renderPage();
    const skipped = await screen.findByRole('region', { name: 'Sprunget over' });
    expect(within(skipped).getByRole('listitem')).toHaveTextContent('Julefrokost');
    expect(within(skipped).queryByText('Sygefravær')).toBeNull();

    const section = await screen.findByRole('region', { name: 'Ændringer under mødet' });
    const line = await within(section).findByRole('listitem');
    const local = new Intl.DateTimeFormat('da-DK', { timeStyle: 'short' }).format(new Date(movedAt));
    expect(line).toHaveTextContent(`${local} Ole Berg flyttede kortet »SMS-påmindelse« fra »Nye forslag« til »I gang«.`);
    expect(within(line).getByText(local).closest('time')).toHaveAttribute('datetime', movedAt);
  });

  it('show the board as it was as a board: columns in the order of that moment, cards in order, at the start or the end', async () => {
    const { boardAt } = renderPage();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tavlen som den var ved mødet' }));
    const board = screen.getByRole('region', { name: 'Tavlen som den var ved mødet' });
    await within(board).findByRole('region', { name: 'I gang' });
    expect(boardAt).toHaveBeenLastCalledWith('b1', 'm1', 'end');
    expect(within(board).getByRole('button', { name: 'Ved mødets slut' })).toHaveAttribute('aria-pressed', 'true');
    expect(columnOrder(board)).toEqual(['I gang', 'Afsluttet', 'Nye forslag']);
    expect(within(within(board).getByRole('region', { name: 'I gang' })).getAllByRole('listitem').map((c) => c.getAttribute('aria-label'))).toEqual(['SMS-påmindelse']);

    await user.click(within(board).getByRole('button', { name: 'Ved mødets start' }));
    await within(board).findByRole('listitem', { name: 'SMS-påmindelse' });
    expect(boardAt).toHaveBeenLastCalledWith('b1', 'm1', 'start');
    expect(columnOrder(board)).toEqual(['Nye forslag', 'I gang', 'Afsluttet']);
    const first = within(board).getByRole('region', { name: 'Nye forslag' });
    expect(within(first).getAllByRole('listitem').map((c) => c.getAttribute('aria-label'))).toEqual(['SMS-påmindelse', 'Huddle']);
    expect(within(board).getByRole('region', { name: 'Indikatorer' })).toHaveTextContent(/Genindlæggelser/);
  });
});
