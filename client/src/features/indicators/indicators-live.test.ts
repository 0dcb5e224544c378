import { createAppStore } from '../../app/store/app-store';
import { da } from '../../lib/i18n';
import { createFakeTransport } from '../../test/fake-transport';
import { makeEvent, makeIndicator, makeMeasurement, makeSnapshot } from '../../test/fixtures';
import { describeTile } from './tile-model';

function openBoard() {
  const fake = createFakeTransport();
  let n = 0;
  const store = createAppStore({ transport: fake.transport, newId: () => `id-${++n}-test` });
  store.getState().openBoard('b1');
  fake.answer(fake.lastCall('board:join'), { ok: true, seq: 10, data: { kind: 'snapshot', snapshot: makeSnapshot(), epoch: 'e1' } });
  return { fake, store };
}

describe('indicators on an open board change live (issue 18)', () => {
  it('a new target from another person applies without a reload, and the tile judges by it', () => {
    const { fake, store } = openBoard();
    const before = store.getState().view!.indicators.i1!;
    expect(describeTile(before, 'da', da).status).toBe('green'); // 4.5 against at most 5
    const retargeted = { ...before, target: { ...before.target!, target: 3, tolerance: 0.5 } };
    fake.pushEvent(makeEvent(11, { type: 'indicator.changed', indicator: retargeted }));
    const after = store.getState().view!.indicators.i1!;
    expect(after.target?.target).toBe(3);
    expect(describeTile(after, 'da', da).status).toBe('red');
    expect(store.getState().lastSeq).toBe(11);
  });

  it('an indicator made mandatory above appears on the board', () => {
    const { fake, store } = openBoard();
    const mandatory = makeIndicator({ id: 'i9', name: 'Tvang', orderKey: 'a3', unitId: 'top' });
    fake.pushEvent(makeEvent(11, { type: 'indicator.changed', indicator: mandatory }));
    expect(store.getState().view!.indicators.i9).toMatchObject({ name: 'Tvang' });
  });

  it('a measurement recorded elsewhere brings the series’ new signal, so the tile’s reading is not stale', () => {
    const { fake, store } = openBoard();
    expect(describeTile(store.getState().view!.indicators.i1!, 'da', da).reading).toBe('on-target');
    const measurement = makeMeasurement({ indicatorId: 'i1', periodStart: '2026-12-01', value: 4.4 });
    const signal = { signal: true, shift: true, tooFewCrossings: false, applied: true, n: 14 };
    fake.pushEvent(makeEvent(11, { type: 'measurement.recorded', measurement, previous: null, signal }));
    const tile = describeTile(store.getState().view!.indicators.i1!, 'da', da);
    expect(tile.reading).toBe('special-cause');
    expect(tile.trend.at(-1)).toBe(4.4);
  });
});
