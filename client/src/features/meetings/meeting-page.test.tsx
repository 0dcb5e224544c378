import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildAgenda } from '../../../../shared/domain/agenda';
import type { Meeting } from '../../../../shared/schemas';
import { act } from '@testing-library/react';
import { makeEvent, makeMeasurement, makeSnapshot } from '../../test/fixtures';
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
    // Learning before control: red without a run-chart signal asks about the system, not for one point's cause.
    expect(within(agenda).getByText(/rød uden signal – almindelig variation: hvad i systemet skal ændres\?/)).toBeInTheDocument();
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
  }, 15_000);

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
    expect(within(screen.getByRole('list', { name: 'Fremmøde' })).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['Eva', 'Ole']);
  });

  it('without a running meeting offers "Start møde", which sends meeting:start', async () => {
    const { fake } = renderApp({ path: '/boards/b1/meeting' });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Start møde' }));
    expect(fake.lastCall('meeting:start')?.payload).toMatchObject({ boardId: 'b1' });
  });

  it('agenda buttons carry words; ending asks in a dialog that sums up the minutes; an action needs an owner and gets a due date', async () => {
    const meeting = running();
    const item = meeting.items[0]!;
    const { fake } = renderApp({ path: '/boards/b1/meeting', snapshot: makeSnapshot({ meeting: { ...meeting, currentItemId: item.id, attendees: ['Eva', 'Ole'] } }) });
    const agenda = await screen.findByRole('list', { name: 'Dagsorden' });
    const second = meeting.items[1]!;
    expect(within(agenda).getByRole('button', { name: `Behandl punktet: ${second.title}` })).toHaveTextContent('Behandl punktet');
    expect(within(agenda).getByRole('button', { name: `Spring over: ${second.title}` })).toHaveTextContent('Spring over');

    const user = userEvent.setup();
    const current = screen.getByRole('region', { name: 'Aktuelt punkt' });
    const form = within(current).getByRole('form', { name: 'Ny handling' });
    await user.type(within(form).getByLabelText('Titel'), 'Tjek sengeplan');
    await user.click(within(form).getByRole('button', { name: 'Tilføj handling' }));
    expect(within(form).getByLabelText('Ansvarlig')).toHaveAccessibleDescription(/Angiv en ansvarlig/);
    expect(fake.callsOf('meeting:change').filter((c) => (c.payload as { change: { kind: string } }).change.kind === 'action')).toHaveLength(0);
    await user.type(within(form).getByLabelText('Ansvarlig'), 'Ole');
    await user.click(within(form).getByRole('button', { name: 'Tilføj handling' }));
    expect(fake.lastCall('meeting:change')?.payload).toMatchObject({
      change: { kind: 'action', itemId: item.id, card: { title: 'Tjek sengeplan', ownerName: 'Ole', dueDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) } },
    });

    const confirm = vi.spyOn(window, 'confirm');
    await user.click(screen.getByRole('button', { name: 'Afslut møde' }));
    const dialog = screen.getByRole('dialog', { name: 'Afslut mødet?' });
    expect(dialog).toHaveTextContent('1 nye handlinger');
    expect(dialog).toHaveTextContent('Fremmøde: Eva, Ole.');
    await user.click(within(dialog).getByRole('button', { name: 'Fortsæt mødet' }));
    expect(fake.callsOf('meeting:end')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Afslut møde' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Afslut mødet?' })).getByRole('button', { name: 'Afslut og gem referat' }));
    expect(fake.lastCall('meeting:end')?.payload).toMatchObject({ meetingId: 'm1' });
    expect(confirm).not.toHaveBeenCalled();
  }, 20_000);

  it('an indicator item shows the run chart and its signal from the indicator page\'s own analysis', async () => {
    const meeting = running();
    const item = meeting.items.find((i) => i.kind === 'indicator')!;
    // Eight low, then eight high in a row: a shift, which the signal says in words.
    const values = [2, 3, 2, 3, 2, 3, 2, 3, 8, 9, 8, 9, 8, 9, 8, 9];
    const page = {
      indicator: {
        id: item.refId, unitId: 'u1', name: item.title, unitLabel: '%', direction: 'lower', frequency: 'monthly', kind: 'hard',
        decimals: 1, minRespondents: null, mandatory: false, rollup: null,
      },
      unit: { id: 'u1', parentId: null, layerId: 'l3', name: 'Klinik Nord' }, boardId: 'b1',
      target: { validFrom: '2024-01-01', validTo: null, target: 5, low: null, high: null, tolerance: 1 }, targetInherited: false,
      measurements: values.map((value, i) =>
        makeMeasurement({ indicatorId: item.refId!, unitId: 'u1', periodStart: `202${i < 12 ? 5 : 6}-${String((i % 12) + 1).padStart(2, '0')}-01`, value })),
      baselineTo: null, chain: [], below: [], deviations: [], rollup: null, recordedByNames: {},
    };
    const fetchMock = vi.fn((url: string) => Promise.resolve(new Response(JSON.stringify(url.startsWith('/api/indicators/') ? page : {}), {
      status: 200, headers: { 'content-type': 'application/json' },
    })));
    vi.stubGlobal('fetch', fetchMock);
    try {
      renderApp({ path: '/boards/b1/meeting', snapshot: makeSnapshot({ meeting: { ...meeting, currentItemId: item.id } }) });
      const current = await screen.findByRole('region', { name: 'Aktuelt punkt' });
      const chart = within(current).getByRole('region', { name: 'Seriediagram' });
      expect(await within(chart).findByRole('img', { name: `Seriediagram for ${item.title}` })).toBeInTheDocument();
      expect(within(chart).getByRole('group', { name: 'Signal (ikke-tilfældig variation)' })).toHaveTextContent(/for lang serie/);
      expect(fetchMock).toHaveBeenCalledWith(`/api/indicators/${item.refId}?unit=u1`, expect.anything());
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('attendance picks people with a role on the unit and the role they attend in, or takes a typed name', async () => {
    const people = { people: [{ userId: 'u-anne', name: 'Anne Jensen', unitName: 'Afsnit N2' }, { userId: 'u-eva', name: 'Eva Holm', unitName: 'Klinik Nord' }] };
    const fetchMock = vi.fn((url: string) => Promise.resolve(new Response(JSON.stringify(url === '/api/boards/b1/people' ? people : {}), {
      status: 200, headers: { 'content-type': 'application/json' },
    })));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const { fake } = renderApp({ path: '/boards/b1/meeting', snapshot: makeSnapshot({ meeting: running() }) });
      const panel = await screen.findByRole('region', { name: 'Fremmøde' });
      const form = within(panel).getByRole('form', { name: 'Tilføj til fremmødet' });
      const user = userEvent.setup();
      await within(form).findByRole('option', { name: 'Anne Jensen · Afsnit N2' });

      // Nothing picked and no name: said at the field, nothing sent.
      await user.click(within(form).getByRole('button', { name: 'Tilføj til fremmødet' }));
      expect(within(form).getByLabelText('Navn')).toHaveAccessibleDescription('Vælg en person, eller skriv et navn.');
      expect(fake.callsOf('meeting:change')).toHaveLength(0);

      await user.selectOptions(within(form).getByLabelText('Person'), 'Anne Jensen · Afsnit N2');
      expect(within(form).queryByLabelText('Navn')).toBeNull(); // a picked person needs no typed name
      await user.selectOptions(within(form).getByLabelText('Rolle i mødet'), 'Afsnitsledelse');
      await user.click(within(form).getByRole('button', { name: 'Tilføj til fremmødet' }));
      expect(fake.lastCall('meeting:change')?.payload).toMatchObject({
        change: { kind: 'attendance', attendees: [{ name: 'Anne Jensen', userId: 'u-anne', role: 'ward-management' }] },
      });
      const list = within(panel).getByRole('list', { name: 'Fremmøde' });
      expect(within(list).getByText('Anne Jensen (afsnitsledelse)')).toBeInTheDocument();
      // Someone already there is not offered again.
      expect(within(form).queryByRole('option', { name: 'Anne Jensen · Afsnit N2' })).toBeNull();

      await user.type(within(form).getByLabelText('Navn'), 'Bo Dahl');
      await user.selectOptions(within(form).getByLabelText('Rolle i mødet'), 'Medarbejderrepræsentant');
      await user.click(within(form).getByRole('button', { name: 'Tilføj til fremmødet' }));
      expect(fake.lastCall('meeting:change')?.payload).toMatchObject({
        change: { kind: 'attendance', attendees: [{ name: 'Anne Jensen', userId: 'u-anne' }, { name: 'Bo Dahl', role: 'employee-representative' }] },
      });
      expect(within(list).getByText('Bo Dahl (medarbejderrepræsentant)')).toBeInTheDocument();

      await user.click(within(list).getByRole('button', { name: 'Fjern Anne Jensen fra fremmødet' }));
      expect(fake.lastCall('meeting:change')?.payload).toMatchObject({
        change: { kind: 'attendance', attendees: [{ name: 'Bo Dahl', role: 'employee-representative' }] },
      });
    } finally {
      vi.unstubAllGlobals();
    }
  }, 20_000);
});
