import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildAgenda } from '../../../../shared/domain/agenda';
import type { Meeting } from '../../../../shared/schemas';
import { act } from '@testing-library/react';
import { makeEvent, makeSnapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

function running(): Meeting {
  const snapshot = makeSnapshot();
  const items = buildAgenda({
    boardId: 'b1', today: '2026-11-28', nextMeetingDate: '2026-12-12', indicators: snapshot.indicators, cards: snapshot.cards,
    columns: snapshot.columns, escalations: [], lastMeeting: null,
  });
  return {
    id: 'm1', boardId: 'b1', status: 'running', facilitator: 'Eva', startedAt: new Date().toISOString(), endedAt: null,
    plannedMinutes: 15, itemMinutes: 3, currentItemId: null, attendees: [], items, minutes: null,
  };
}

describe('meeting mode', () => {
  it('shows the timer and agenda; taking an item and adding a decision show at once and are sent as meeting:change', async () => {
    const { fake } = renderApp({ path: '/boards/b1/meeting', snapshot: makeSnapshot({ meeting: running() }) });
    const timer = await screen.findByRole('timer', { name: 'Mødetid' });
    expect(timer).toHaveTextContent(/^Mødetid 1[45]:\d\d tilbage$/);
    const agenda = screen.getByRole('list', { name: 'Dagsorden' });
    expect(within(agenda).getAllByRole('listitem').length).toBeGreaterThan(0);
    const first = running().items[0]!;

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `Behandl punktet: ${first.title}` }));
    expect(fake.lastCall('meeting:change')?.payload).toMatchObject({ meetingId: 'm1', change: { kind: 'open-item', itemId: first.id } });
    const current = screen.getByRole('region', { name: 'Aktuelt punkt' });
    expect(within(current).getByRole('heading', { level: 2, name: first.title })).toBeInTheDocument();
    expect(within(current).getByRole('timer', { name: 'Tid på punktet' })).toBeInTheDocument();

    await user.type(within(current).getByLabelText('Ny beslutning'), 'Vi følger op om 14 dage');
    await user.click(within(current).getByRole('button', { name: 'Tilføj beslutning' }));
    expect(within(within(current).getByRole('list', { name: 'Beslutninger' })).getByText('Vi følger op om 14 dage')).toBeInTheDocument();
    expect(fake.lastCall('meeting:change')?.payload).toMatchObject({ change: { kind: 'decision', itemId: first.id } });

    await user.click(screen.getByRole('button', { name: `Spring over: ${running().items[1]!.title}` }));
    expect(fake.lastCall('meeting:change')?.payload).toMatchObject({ change: { kind: 'skip-item', skipped: true } });
  });

  it('a second screen follows the facilitator: attendance and the item outcome arrive live', async () => {
    const meeting = running();
    const item = meeting.items[0]!;
    const { fake } = renderApp({ path: '/boards/b1/meeting', snapshot: makeSnapshot({ meeting: { ...meeting, currentItemId: item.id } }) });
    await screen.findByRole('region', { name: 'Aktuelt punkt' });
    const changed = {
      ...meeting, currentItemId: item.id, attendees: ['Eva', 'Ole'],
      items: meeting.items.map((i) => (i.id === item.id ? { ...i, outcome: 'Vi holder øje med den' } : i)),
    };
    act(() => fake.pushEvent(makeEvent(11, { type: 'meeting.changed', meeting: changed, change: 'outcome' })));
    expect(screen.getByLabelText('Konklusion')).toHaveValue('Vi holder øje med den');
    expect(screen.getByLabelText('Fremmøde')).toHaveValue('Eva, Ole');
  });

  it('without a running meeting offers "Start møde", which sends meeting:start', async () => {
    const { fake } = renderApp({ path: '/boards/b1/meeting' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Start møde' }));
    expect(fake.lastCall('meeting:start')?.payload).toMatchObject({ boardId: 'b1' });
  });
});
