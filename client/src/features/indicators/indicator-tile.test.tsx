import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { periodStartOf, shiftPeriod } from '../../../../shared/domain/periods';
import { makeEvent, makeSnapshot } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

async function tile(name: string) {
  return screen.findByRole('article', { name });
}

/** The tile's latest value as read aloud ("Seneste værdi: 4,5 %"; the unit is set in smaller type). */
const latestValue = (t: { getByText: (m: RegExp) => HTMLElement }) => t.getByText(/^Seneste værdi:/).parentElement;

describe('indicator tiles', { timeout: 15_000 }, () => {
  it('show status in words, the formatted value, target and period', async () => {
    renderApp();
    const green = within(await tile('Genindlæggelser'));
    expect(green.getByText('Status: grøn (på mål)')).toBeInTheDocument();
    expect(latestValue(green)).toHaveTextContent('Seneste værdi: 4,5 %');
    expect(green.getByText('Måltal: ≤ 5,0 %')).toBeInTheDocument();
    expect(green.getByText('nov. 2026')).toBeInTheDocument();
    expect(green.getByRole('img', { name: 'Udvikling: 6,2; 5,5; 4,5' })).toBeInTheDocument();

    const red = within(await tile('Ventetid til første samtale'));
    expect(red.getByText('Status: rød (ikke på mål)')).toBeInTheDocument();
    expect(latestValue(red)).toHaveTextContent('Seneste værdi: 42 dage');
    expect(red.getByText('K4 2026')).toBeInTheDocument();
  });

  it('says a red value without a signal is common-cause variation, and asks a signal for its cause (learning before control)', async () => {
    const { fake, snapshot } = renderApp();
    const red = within(await tile('Ventetid til første samtale'));
    expect(red.getByText('Almindelig variation, intet signal – niveauet er for højt: hvad i systemet skal ændres?')).toBeInTheDocument();
    expect(red.queryByRole('link', { name: /angiv årsag/ })).toBeNull();
    const ventetid = snapshot.indicators.find((i) => i.id === 'i3')!;
    act(() => fake.pushEvent(makeEvent(snapshot.seq + 1, {
      type: 'indicator.changed', indicator: { ...ventetid, signal: { signal: true, shift: true, tooFewCrossings: false, applied: true, n: 20 } },
    })));
    const signalled = within(await tile('Ventetid til første samtale'));
    expect(signalled.getByRole('link', { name: /Rød: angiv årsag og handling/ })).toBeInTheDocument();
    expect(signalled.queryByText(/Almindelig variation/)).toBeNull();
  });

  it("says the indicator's type (drift, resultat, effekt) beside hard and soft", async () => {
    const snapshot = makeSnapshot();
    renderApp({ snapshot: { ...snapshot, indicators: snapshot.indicators.map((i) => (i.id === 'i1' ? { ...i, type: 'resultat' as const } : i)) } });
    const typed = await tile('Genindlæggelser');
    expect(typed).toHaveTextContent('Indikatortype: Resultat');
  });

  it('shows "for få svar" instead of the number when a soft indicator has too few respondents', async () => {
    renderApp();
    const soft = within(await tile('Patienttilfredshed'));
    expect(soft.getByText('for få svar')).toBeInTheDocument();
    expect(soft.queryByText(/90/)).not.toBeInTheDocument();
    expect(soft.getByText('Status: ingen data')).toBeInTheDocument();
    expect(soft.getByText('uge 47–48 2026')).toBeInTheDocument();
    expect(soft.getByText('3 besvarelser')).toBeInTheDocument();
  });

  it('records a measurement from the tile, optimistically and through the transport', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    const card = within(await tile('Genindlæggelser'));
    await user.click(card.getByRole('button', { name: 'Flere handlinger: Genindlæggelser' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Registrér måling' }));

    const dialog = within(screen.getByRole('dialog', { name: 'Registrér måling: Genindlæggelser' }));
    // Defaults to the last closed month (a monthly indicator); the month still running is offered too.
    const current = periodStartOf('monthly', new Date());
    expect(dialog.getByLabelText<HTMLSelectElement>('Periode').value).toBe(shiftPeriod('monthly', current, -1));
    await user.selectOptions(dialog.getByLabelText('Periode'), current);
    await user.type(dialog.getByLabelText('Værdi'), '3,9');
    await user.click(dialog.getByRole('button', { name: 'Gem' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.lastCall('measurement:record')?.payload).toMatchObject({
      boardId: 'b1',
      indicatorId: 'i1',
      periodStart: current,
      value: 3.9,
    });
    expect(latestValue(card)).toHaveTextContent('Seneste værdi: 3,9 %');
  });

  it('refuses a value that is not a number', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp();
    await user.click(within(await tile('Genindlæggelser')).getByRole('button', { name: 'Flere handlinger: Genindlæggelser' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Registrér måling' }));
    const dialog = within(screen.getByRole('dialog'));
    await user.type(dialog.getByLabelText('Værdi'), 'mange');
    await user.click(dialog.getByRole('button', { name: 'Gem' }));
    expect(dialog.getByLabelText('Værdi')).toHaveAccessibleDescription(/Skriv et tal/);
    expect(fake.callsOf('measurement:record')).toHaveLength(0);
  });
});
