import type { BoardEvent, BoardEventBody } from '../../../shared/protocol';
import type { BoardIndicator, BoardSnapshot, Card, Measurement } from '../../../shared/schemas';

const AT = '2026-11-20T10:00:00.000Z';

export function makeCard(overrides: Partial<Card> & Pick<Card, 'id' | 'columnId' | 'orderKey' | 'title'>): Card {
  return {
    boardId: 'b1',
    type: 'action',
    description: '',
    ownerName: '',
    dueDate: null,
    archived: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeMeasurement(overrides: Partial<Measurement> & Pick<Measurement, 'indicatorId' | 'periodStart' | 'value'>): Measurement {
  return {
    unitId: 'u1',
    numerator: null,
    denominator: null,
    respondents: null,
    note: '',
    recordedAt: AT,
    recordedBy: 'Test',
    ...overrides,
  };
}

export function makeIndicator(overrides: Partial<BoardIndicator> & Pick<BoardIndicator, 'id' | 'name'>): BoardIndicator {
  return {
    unitId: 'u1',
    unitLabel: '%',
    direction: 'lower',
    frequency: 'monthly',
    kind: 'hard',
    decimals: 1,
    minRespondents: null,
    orderKey: 'a0',
    target: { validFrom: '2026-01-01', validTo: null, target: 5, low: null, high: null, tolerance: 1 },
    recent: [],
    ...overrides,
  };
}

/** A small board: three columns, three cards, three indicators (green, too few answers, red). */
export function makeSnapshot(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return {
    board: {
      id: 'b1',
      name: 'Klinik Nord',
      unit: { id: 'u1', parentId: null, layerId: 'l3', name: 'Klinik Nord' },
      layer: { id: 'l3', rank: 2, name: 'Klinik', kind: 'operational' },
    },
    seq: 10,
    columns: [
      { id: 'c1', boardId: 'b1', name: 'Nye forslag', orderKey: 'a0' },
      { id: 'c2', boardId: 'b1', name: 'I gang', orderKey: 'a1' },
      { id: 'c3', boardId: 'b1', name: 'Afsluttet', orderKey: 'a2' },
    ],
    cards: [
      makeCard({ id: 'k1', columnId: 'c1', orderKey: 'a0', title: 'Ring til apoteket', ownerName: 'Hanne' }),
      makeCard({ id: 'k2', columnId: 'c1', orderKey: 'a1', title: 'Ny tjekliste til stuegang', type: 'idea' }),
      makeCard({ id: 'k3', columnId: 'c2', orderKey: 'a0', title: 'Faldforebyggelse', type: 'problem' }),
    ],
    indicators: [
      makeIndicator({
        id: 'i1',
        name: 'Genindlæggelser',
        recent: [
          makeMeasurement({ indicatorId: 'i1', periodStart: '2026-09-01', value: 6.2 }),
          makeMeasurement({ indicatorId: 'i1', periodStart: '2026-10-01', value: 5.5 }),
          makeMeasurement({ indicatorId: 'i1', periodStart: '2026-11-01', value: 4.5 }),
        ],
      }),
      makeIndicator({
        id: 'i2',
        name: 'Patienttilfredshed',
        orderKey: 'a1',
        kind: 'soft',
        direction: 'higher',
        frequency: 'biweekly',
        minRespondents: 5,
        target: { validFrom: '2026-01-01', validTo: null, target: 80, low: null, high: null, tolerance: 5 },
        recent: [makeMeasurement({ indicatorId: 'i2', periodStart: '2026-11-16', value: 90, respondents: 3 })],
      }),
      makeIndicator({
        id: 'i3',
        name: 'Ventetid til første samtale',
        orderKey: 'a2',
        unitLabel: 'dage',
        decimals: 0,
        frequency: 'quarterly',
        target: { validFrom: '2026-01-01', validTo: null, target: 30, low: null, high: null, tolerance: 5 },
        recent: [makeMeasurement({ indicatorId: 'i3', periodStart: '2026-10-01', value: 42 })],
      }),
    ],
    ...overrides,
  };
}

export function makeEvent(seq: number, body: BoardEventBody, opId = `op-${seq}-peer`): BoardEvent {
  return { boardId: 'b1', seq, opId, actor: 'Peer', at: AT, body };
}
