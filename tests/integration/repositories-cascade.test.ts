import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measurement } from '../../shared/schemas';
import { cascadeRepository, indicatorSettingsRepository } from '../../server/repositories/cascade-repository';
import { indicatorsRepository } from '../../server/repositories/indicators-repository';
import { orgAdminRepository } from '../../server/repositories/org-admin-repository';
import { overviewRepository } from '../../server/repositories/overview-repository';
import { type StatusCell, unitStatusRepository } from '../../server/repositories/unit-status-repository';
import { type Executor, type Store, postgresStore } from '../../server/store';
import { createPool } from '../../server/store/postgres';
import { type MigratedStore, openMigratedStore } from '../support/migrated-store';

// The cascade's repositories (org tree, indicators, targets, measurements, stored statuses, overview reads, goals)
// on both engines, from a freshly migrated store: the same rows in, the same answers out, numbers as numbers.

const AT = '2026-03-02T08:00:00.000Z';
const DAY = '2026-03-02';

const repositories = (ex: Executor) => {
  const indicators = indicatorsRepository(ex);
  return {
    indicators,
    unitStatus: unitStatusRepository(ex, indicators.currentTarget),
    cascade: cascadeRepository(ex),
    settings: indicatorSettingsRepository(ex),
    orgAdmin: orgAdminRepository(ex),
    overview: overviewRepository(ex),
  };
};

const measured = (indicatorId: string, unitId: string, periodStart: string, value: number, extra: Partial<Measurement> = {}): Measurement => ({
  indicatorId, unitId, periodStart, value, numerator: null, denominator: null, respondents: null, note: '', recordedAt: AT, recordedBy: 'test', ...extra,
});

const indicatorRow = (id: string, unitId: string, name: string) => ({
  id, unit_id: unitId, name, unit_label: '%', direction: 'lower', frequency: 'monthly', kind: 'hard', type: 'drift', decimals: 1, min_respondents: null,
});

describe.each(['sqlite', 'postgres'] as const)('the cascade repositories on %s', (engine) => {
  let store: Store;
  let migrated: MigratedStore | undefined;
  let repos: ReturnType<typeof repositories>;

  /** A measurement as every door writes it: the row, then its statuses, in one transaction. */
  const record = (m: Measurement) => store.transaction(async (tx) => {
    const r = repositories(tx);
    await r.indicators.saveMeasurement(m);
    await r.unitStatus.measurementChanged(m.indicatorId, m.unitId, m.periodStart, DAY);
  });

  /** The stored statuses and roll-ups are what a full recomputation gives. */
  const expectStoredEqualsRecomputation = async (day = DAY) => {
    const full = await repos.unitStatus.computeAll(day);
    // Each stored cell says the day it was judged; a recomputation judges all on one day.
    const judged = ({ asOf: _asOf, ...cell }: StatusCell) => cell;
    expect((await repos.unitStatus.storedCells()).map(judged)).toEqual(full.cells.map(judged));
    const key = (r: { indicatorId: string; unitId: string; periodStart: string }) => `${r.indicatorId}/${r.unitId}/${r.periodStart}`;
    const byKey = (a: { indicatorId: string; unitId: string; periodStart: string }, b: typeof a) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    expect(await repos.unitStatus.storedRolled()).toEqual([...full.rolled].sort(byKey));
    return full;
  };

  beforeAll(async () => {
    migrated = await openMigratedStore(engine);
    store = migrated.store;
    repos = repositories(store);
  });
  afterAll(() => migrated?.dispose());

  it('builds the org tree and its layers, read back in byte order', async () => {
    const org = repos.orgAdmin;
    expect(await org.nextLayerRank()).toBe(0);
    await org.insertLayer('region', 0, 'Region', 'org');
    await org.insertLayer('hospital', await org.nextLayerRank(), 'Hospital', 'org');
    await org.insertLayer('ward', await org.nextLayerRank(), 'Afsnit', 'org');
    await org.renameLayer('ward', 'Sengeafsnit');
    expect(await org.layers()).toEqual([
      { id: 'region', rank: 0, name: 'Region', kind: 'org' },
      { id: 'hospital', rank: 1, name: 'Hospital', kind: 'org' },
      { id: 'ward', rank: 2, name: 'Sengeafsnit', kind: 'org' },
    ]);
    expect(await org.layer('ward')).toEqual({ id: 'ward', rank: 2, name: 'Sengeafsnit', kind: 'org' });
    await org.insertUnit('r', null, 'region', 'Region');
    await org.insertUnit('h1', 'r', 'hospital', 'Hospital A');
    await org.insertUnit('h2', 'r', 'hospital', 'Hospital B');
    await org.insertUnit('w1', 'h1', 'ward', 'Afsnit 1');
    await org.insertUnit('w2', 'h1', 'ward', 'Afsnit 2');
    await org.insertUnit('w3', 'h2', 'ward', 'afsnit 3');
    // Byte order on both engines: upper case before lower case.
    expect((await org.units()).map((u) => u.name)).toEqual(['Afsnit 1', 'Afsnit 2', 'Hospital A', 'Hospital B', 'Region', 'afsnit 3']);
    expect(await org.unit('w1')).toEqual({ id: 'w1', parent_id: 'h1', layer_id: 'ward', name: 'Afsnit 1' });
    expect(await org.unit('nothing')).toBeUndefined();
    expect(await org.isInSubtree('h1', 'w2')).toBe(true);
    expect(await org.isInSubtree('h1', 'h1')).toBe(true);
    expect(await org.isInSubtree('h1', 'w3')).toBe(false);
    expect(await repos.cascade.units()).toContainEqual({ id: 'w3', parentId: 'h2', layerId: 'ward', name: 'afsnit 3' });
    expect(await repos.cascade.layers()).toHaveLength(3);
    expect(await repos.cascade.unitExists('w3')).toBe(true);
    expect(await repos.cascade.unitExists('w9')).toBe(false);
  });

  it('defines indicators, templates and boards, all of a board or none of it', async () => {
    const org = repos.orgAdmin;
    await org.insertIndicator(indicatorRow('sick', 'r', 'Sygefravær'));
    await org.insertIndicator(indicatorRow('falls', 'r', 'Faldulykker'));
    await org.insertIndicator({ ...indicatorRow('local', 'w1', 'Lokalt mål'), direction: 'higher' });
    expect(await org.indicatorExists('sick')).toBe(true);
    expect(await org.indicatorExists('nope')).toBe(false);
    await org.updateIndicator({ ...indicatorRow('falls', 'r', 'Fald'), decimals: 0 });
    expect(await org.indicatorDefinition('falls')).toEqual({ ...indicatorRow('falls', 'r', 'Fald'), decimals: 0 });
    expect((await org.indicators()).map((i) => i.id)).toEqual(['falls', 'local', 'sick']);
    await repos.settings.setFlags('sick', true, 'mean');
    expect(await repos.cascade.definition('sick')).toMatchObject({ id: 'sick', mandatory: true, rollup: 'mean', decimals: 1 });
    expect((await repos.cascade.mandatory()).map((d) => d.id)).toEqual(['sick']);
    expect(await repos.cascade.indicatorNames()).toEqual([{ id: 'falls', name: 'Fald' }, { id: 'local', name: 'Lokalt mål' }, { id: 'sick', name: 'Sygefravær' }]);

    await org.insertTemplate('tpl', 'Afsnitstavle', ['Idéer', 'I gang', 'Færdig'], ['falls'], AT);
    await org.updateTemplate('tpl', 'Tavle', ['Idéer', 'Færdig'], ['falls']);
    expect(await org.template('tpl')).toEqual({ id: 'tpl', name: 'Tavle', columns: '["Idéer","Færdig"]', indicators: '["falls"]', created_at: AT });
    await org.insertTemplate('tpl-2', 'Tom', [], [], AT);
    await org.deleteTemplate('tpl-2');
    expect((await org.templates()).map((t) => t.id)).toEqual(['tpl']);

    for (const unit of ['w1', 'w2', 'w3', 'h1']) {
      await org.createBoard({ id: `b-${unit}`, unitId: unit, name: `Tavle ${unit}`, at: AT, columns: ['Idéer', 'Færdig'], indicators: ['falls'] });
    }
    // The region made sick leave mandatory: every new board below it shows it after the template's.
    expect(await repos.indicators.idsOnBoard('b-w1')).toEqual(['falls', 'sick']);
    const columns = await store.all(store.q.selectFrom('columns').select(['id', 'name']).where('board_id', '=', 'b-w1').orderBy('order_key'));
    expect(columns).toEqual([{ id: 'b-w1-col-0', name: 'Idéer' }, { id: 'b-w1-col-1', name: 'Færdig' }]);
    await expect(org.createBoard({ id: 'b-broken', unitId: 'w1', name: 'X', at: AT, columns: ['A'], indicators: ['no-such-indicator'] }))
      .rejects.toThrow();
    expect(await store.first(store.q.selectFrom('boards').select('id').where('id', '=', 'b-broken'))).toBeUndefined();
    expect(await store.first(store.q.selectFrom('columns').select('id').where('board_id', '=', 'b-broken'))).toBeUndefined();
    expect((await org.boardsBrief()).map((b) => b.id)).toEqual(['b-h1', 'b-w1', 'b-w2', 'b-w3']);

    await repos.settings.show('b-w1', 'local', 'a9');
    expect(await repos.indicators.isOnBoard('b-w1', 'local')).toBe(true);
    expect(await repos.indicators.isOnBoard('b-w2', 'local')).toBe(false);
    expect(await repos.settings.boardsBelowWithout('r', 'local')).toEqual([
      { id: 'b-h1', last: expect.any(String) }, { id: 'b-w2', last: expect.any(String) }, { id: 'b-w3', last: expect.any(String) },
    ]);
    expect((await repos.cascade.unitsShowing('sick')).map((u) => u.boardId)).toEqual(['b-h1', 'b-w1', 'b-w2', 'b-w3']);
    expect(await repos.cascade.boardOfUnit('w2')).toBe('b-w2');
    expect(await repos.cascade.boardOfUnit('r')).toBeNull();
  });

  it('finds the target in force by inheritance, the one set last winning on its day', async () => {
    const sick = (await repos.indicators.get('sick'))!;
    await repos.settings.insertTarget({ indicatorId: 'sick', unitId: 'r', validFrom: '2026-01-01', target: 5, low: null, high: null, tolerance: 1 });
    await repos.settings.insertTarget({ indicatorId: 'sick', unitId: 'h1', validFrom: '2026-02-01', target: 4, low: null, high: null, tolerance: 0.5 });
    await repos.settings.insertTarget({ indicatorId: 'sick', unitId: 'h1', validFrom: '2026-02-01', target: 3.5, low: null, high: null, tolerance: 0.5 });
    expect(await repos.indicators.currentTarget(sick, 'w1', DAY)).toEqual({ validFrom: '2026-02-01', validTo: null, target: 3.5, low: null, high: null, tolerance: 0.5 });
    expect((await repos.indicators.currentTarget(sick, 'w3', DAY))?.target).toBe(5);
    expect((await repos.indicators.currentTarget(sick, 'w3', '2025-12-31'))).toBeNull();
    expect(await repos.cascade.hasOwnTarget('sick', 'h1', DAY)).toBe(true);
    expect(await repos.cascade.hasOwnTarget('sick', 'w1', DAY)).toBe(false);
  });

  it('keeps stored statuses and roll-ups equal to a full recomputation through measurements, targets and moves', async () => {
    expect(await repos.unitStatus.isBuilt()).toBe(false);
    expect(await repos.unitStatus.rebuild(DAY, AT)).toEqual({ cells: 0, rolled: 0 });
    expect(await repos.unitStatus.isBuilt()).toBe(true);

    await record(measured('sick', 'w1', '2026-01-01', 6.25, { numerator: 25, denominator: 400 }));
    await record(measured('sick', 'w1', '2026-02-01', 3.0));
    await record(measured('sick', 'w2', '2026-02-01', 4.0));
    await record(measured('sick', 'w3', '2026-02-01', 7.5));
    await record(measured('sick', 'w3', '2026-02-01', 5.5)); // corrected: an upsert
    await record(measured('falls', 'w1', '2026-02-01', 2));
    expect(await repos.indicators.measurement('sick', 'w3', '2026-02-01')).toEqual(measured('sick', 'w3', '2026-02-01', 5.5));
    const full = await expectStoredEqualsRecomputation();
    const cell = (unit: string, indicator = 'sick') => full.cells.find((c) => c.unitId === unit && c.indicatorId === indicator);
    expect(cell('w1')).toMatchObject({ status: 'green', value: 3, rolledUp: false, signal: false });
    expect(cell('w3')).toMatchObject({ status: 'amber', value: 5.5 });
    // Hospital A rolls its wards up (mean 3.5, its own target 3.5), the region its hospitals.
    expect(cell('h1')).toMatchObject({ status: 'green', value: 3.5, rolledUp: true, periodStart: '2026-02-01' });
    expect(cell('r')).toMatchObject({ value: 4.5, rolledUp: true });
    expect(cell('h1', 'falls')).toBeUndefined(); // no roll-up method: nothing above the ward

    const sick = (await repos.indicators.get('sick'))!;
    await repos.settings.insertTarget({ indicatorId: 'sick', unitId: 'h2', validFrom: '2026-03-01', target: 6, low: null, high: null, tolerance: 0 });
    await repos.unitStatus.targetChanged('sick', 'h2', DAY);
    expect((await expectStoredEqualsRecomputation()).cells.find((c) => c.unitId === 'w3' && c.indicatorId === 'sick')?.status).toBe('green');
    expect((await repos.indicators.currentTarget(sick, 'w3', DAY))?.target).toBe(6);

    // Ward 2 moves to hospital B: both hospitals' roll-ups and the ward's inherited target change.
    await store.transaction(async (tx) => {
      const r = repositories(tx);
      await r.orgAdmin.updateUnit('w2', 'Afsnit 2', 'h2', 'ward');
      await r.unitStatus.unitMoved('w2', 'h1', DAY);
    });
    const moved = await expectStoredEqualsRecomputation();
    expect(moved.cells.find((c) => c.unitId === 'h1' && c.indicatorId === 'sick')?.value).toBe(3);
    expect(moved.cells.find((c) => c.unitId === 'h2' && c.indicatorId === 'sick')?.value).toBe(4.75);

    // A roll-up method changed: that indicator from scratch.
    await repos.settings.setFlags('sick', true, 'sum');
    await repos.unitStatus.indicatorChanged('sick', DAY);
    const summed = await expectStoredEqualsRecomputation();
    expect(summed.cells.find((c) => c.unitId === 'h2' && c.indicatorId === 'sick')?.value).toBe(9.5);
    expect(typeof summed.rolled[0]!.value).toBe('number');
  });

  it('sweeps the targets whose day has come, once', async () => {
    await repos.settings.insertTarget({ indicatorId: 'sick', unitId: 'w1', validFrom: '2026-03-10', target: 1, low: null, high: null, tolerance: 0 });
    expect(await repos.unitStatus.sweep(DAY)).toBe(0);
    expect(await repos.unitStatus.sweep('2026-03-10')).toBe(1);
    expect(await repos.unitStatus.sweep('2026-03-10')).toBe(0);
    const after = await expectStoredEqualsRecomputation('2026-03-10');
    expect(after.cells.find((c) => c.unitId === 'w1' && c.indicatorId === 'sick')?.status).toBe('red');
  });

  it('rebuilds inside a caller’s transaction as a savepoint, and from the store as its own transaction', async () => {
    const inside = await store.transaction((tx) => repositories(tx).unitStatus.rebuild('2026-03-10', AT));
    const outside = await repos.unitStatus.rebuild('2026-03-10', AT);
    expect(inside).toEqual(outside);
    expect(outside.cells).toBeGreaterThan(5);
    await expectStoredEqualsRecomputation('2026-03-10');
  });

  it('shows a board its indicators with targets, recent values and the run-chart signal', async () => {
    const tiles = await repos.indicators.forBoard('b-w1', 'w1', '2026-03-10');
    expect(tiles.map((t) => t.id)).toEqual(['falls', 'sick', 'local']);
    const sick = tiles.find((t) => t.id === 'sick')!;
    expect(sick.target?.target).toBe(1);
    expect(sick.recent.map((m) => [m.periodStart, m.value])).toEqual([['2026-01-01', 6.25], ['2026-02-01', 3]]);
    expect(sick.signal).toBeDefined();
    expect(await repos.indicators.onBoard('b-w1', 'w1', 'sick', '2026-03-10')).toEqual(sick);
    expect(await repos.indicators.onBoard('b-w2', 'w2', 'local', DAY)).toBeUndefined();
    expect((await repos.indicators.forBoard('b-w1', 'w1', DAY, { signal: false })).every((t) => t.signal === undefined)).toBe(true);
    expect(await repos.indicators.signalOf('sick', 'w1')).toEqual(sick.signal);
    expect(await repos.indicators.signalOf('nope', 'w1')).toBeUndefined();
    expect(await repos.indicators.boardsShowing('sick', 'w1')).toEqual(['b-w1']);
    expect(await repos.indicators.boardsShowingFrom('h2', 'sick')).toEqual([{ id: 'b-w2', unitId: 'w2' }, { id: 'b-w3', unitId: 'w3' }]);
    expect((await repos.cascade.series('sick', 'w1')).map((m) => m.value)).toEqual([6.25, 3]);
    expect((await repos.cascade.childSeries('sick', 'h2')).map((m) => [m.unitId, m.value]).sort()).toEqual([['w2', 4], ['w3', 5.5]]);
  });

  it('reads the overview: pages of children, cells, columns and line of sight, numbers as numbers', async () => {
    await store.run(store.q.insertInto('users').values({ id: 'u1', username: 'ulla', display_name: 'Ulla', email: null, password_hash: null, created_at: AT }));
    await store.run(store.q.insertInto('users').values({ id: 'u2', username: 'bo', display_name: 'Bo', email: null, password_hash: null, created_at: AT, disabled: 1 }));
    await store.run(store.q.insertInto('role_assignments').values({ user_id: 'u1', unit_id: 'w3', role: 'member' }));
    const ov = repos.overview;
    expect((await ov.roots()).map((u) => ({ id: u.id, child_count: u.child_count, layer_rank: u.layer_rank, board_id: u.board_id })))
      .toEqual([{ id: 'r', child_count: 2, layer_rank: 0, board_id: null }]);
    const first = await ov.children('h2', null, 1);
    expect(first.map((u) => u.id)).toEqual(['w2']);
    expect(first[0]).toMatchObject({ name: 'Afsnit 2', parent_id: 'h2', layer_id: 'ward', layer_name: 'Sengeafsnit', layer_kind: 'org', board_id: 'b-w2', child_count: 0 });
    expect((await ov.children('h2', { name: first[0]!.name, id: first[0]!.id }, 10)).map((u) => u.id)).toEqual(['w3']);
    expect((await ov.units(['w3', 'h1', 'nothing'])).map((u) => u.id)).toEqual(['h1', 'w3']);
    expect(await ov.units([])).toEqual([]);
    const cells = await ov.cells('w3', 'b-w3');
    expect(cells).toEqual([
      { unit_id: 'w3', indicator_id: 'falls', status: null, value: null, period_start: null, signal: null, rolled_up: null },
      { unit_id: 'w3', indicator_id: 'sick', status: 'green', value: 5.5, period_start: '2026-02-01', signal: 0, rolled_up: 0 },
    ]);
    expect(await ov.columns(['sick', 'falls'])).toEqual([
      { id: 'sick', name: 'Sygefravær', mandatory: 1, unit_label: '%', decimals: 1 },
      { id: 'falls', name: 'Fald', mandatory: 0, unit_label: '%', decimals: 0 },
    ]);
    expect(await ov.userEnabled('u1')).toBe(true);
    expect(await ov.userEnabled('u2')).toBe(false);
    expect(await ov.roleUnits('u1')).toEqual(['w3']);
    expect((await ov.lineage('u1')).sort((a, b) => a.id.localeCompare(b.id))).toEqual([{ id: 'h2', parent_id: 'r' }, { id: 'r', parent_id: null }]);
    expect(await ov.roleOnPath('u1', 'w3')).toBe(true);
    expect(await ov.roleOnPath('u1', 'w1')).toBe(false);
    expect((await ov.parentsOf(['w1', 'r'])).sort((a, b) => a.id.localeCompare(b.id))).toEqual([{ id: 'r', parent_id: null }, { id: 'w1', parent_id: 'h1' }]);
    expect(await ov.depthOf('w3')).toBe(2);
    expect(await ov.depthOf('r')).toBe(0);
    expect(await ov.unitBoards('w3')).toEqual(['b-w3']);
  });

  it('saves goals with their owners, partners and further indicators, baselines and deviations', async () => {
    const goal = {
      id: 'g1', parentId: null, title: 'Lavere sygefravær', external: '', measure: 'Sygefravær', why: '', realism: '', rationale: '',
      deadline: '2026-12-31', indicatorId: 'sick', target: 4, ownerIds: ['w3', 'h2', 'w3'], source: 'regional' as const,
      externalOwners: [{ name: 'Kommunen', status: 'green' as const }, { name: 'Almen praksis', status: 'none' as const }],
      alsoIndicatorIds: ['falls'], now: AT,
    };
    await store.transaction((tx) => repositories(tx).cascade.saveGoal(goal));
    const saved = {
      id: 'g1', parentId: null, title: 'Lavere sygefravær', external: '', measure: 'Sygefravær', why: '', realism: '', rationale: '',
      deadline: '2026-12-31', indicatorId: 'sick', target: 4, ownerIds: ['h2', 'w3'], source: 'regional',
      externalOwners: [{ name: 'Almen praksis', status: 'none' }, { name: 'Kommunen', status: 'green' }], alsoIndicatorIds: ['falls'],
    };
    expect(await repos.cascade.goal('g1')).toEqual(saved);
    await repos.cascade.saveGoal({ ...goal, id: 'g2', parentId: 'g1', ownerIds: [], externalOwners: [], alsoIndicatorIds: [], now: '2026-03-03T00:00:00.000Z' });
    expect(await repos.cascade.goals()).toEqual([saved, { ...saved, id: 'g2', parentId: 'g1', ownerIds: [], externalOwners: [], alsoIndicatorIds: [] }]);
    expect(await repos.cascade.goal('nothing')).toBeUndefined();

    await repos.cascade.setBaseline('sick', 'w1', '2026-01-31', AT, 'test');
    await repos.cascade.setBaseline('sick', 'w1', '2026-02-28', AT, 'test');
    expect(await repos.cascade.baselineTo('sick', 'w1')).toBe('2026-02-28');
    await repos.cascade.setBaseline('sick', 'w1', null, AT, 'test');
    expect(await repos.cascade.baselineTo('sick', 'w1')).toBeNull();

    const deviation = { id: 'd1', indicatorId: 'sick', unitId: 'w3', periodStart: '2026-02-01', cause: 'Influenza', action: 'Vaccination', cardId: null, recordedAt: AT, recordedBy: 'test' };
    await repos.cascade.insertDeviation(deviation);
    await repos.cascade.insertDeviation({ ...deviation, id: 'd2', recordedAt: '2026-03-05T00:00:00.000Z' });
    expect((await repos.cascade.deviations('sick', 'w3')).map((d) => d.id)).toEqual(['d2', 'd1']);
    expect((await repos.cascade.deviations('sick', 'w3'))[1]).toEqual(deviation);
  });

  it('counts where an indicator is used, as numbers, and reads the audit trail back', async () => {
    expect(await repos.orgAdmin.indicatorUses('sick')).toEqual({ boards: 4, measurements: 4, targets: 5, goals: 2, cards: 2, templates: 0 });
    expect(await repos.orgAdmin.indicatorUses('falls')).toEqual({ boards: 4, measurements: 1, targets: 0, goals: 1, cards: 0, templates: 1 });
    await repos.orgAdmin.deleteIndicator('nothing-to-delete');

    const event = (seq: number, at: string) => ({ board_id: 'b-w1', seq, op_id: `op-${seq}`, actor: 'u1', at, type: 'card.created', payload: '{}' });
    await store.run(store.q.insertInto('events').values([event(1, '2026-03-01T10:00:00.000Z'), event(2, '2026-03-01T12:00:00.000Z')]));
    await store.run(store.q.insertInto('admin_events').values([
      { actor: 'admin', at: '2026-03-01T09:00:00.000Z', type: 'user.created', subject: 'user:u1', payload: '{}' },
      { actor: 'u1', at: '2026-03-01T11:00:00.000Z', type: 'unit.renamed', subject: 'unit:w1', payload: '{}' },
    ]));
    expect(await repos.orgAdmin.boardAudit('b-w1', 1)).toEqual([
      { source: 'board', board_id: 'b-w1', seq: 2, at: '2026-03-01T12:00:00.000Z', actor: 'u1', type: 'card.created', subject: 'op-2', payload: '{}' },
    ]);
    expect((await repos.orgAdmin.actorAudit('u1', 10)).map((a) => [a.source, a.at])).toEqual([
      ['board', '2026-03-01T12:00:00.000Z'], ['admin', '2026-03-01T11:00:00.000Z'], ['board', '2026-03-01T10:00:00.000Z'],
    ]);
    expect(await repos.orgAdmin.adminAudit(1)).toEqual([
      { source: 'admin', board_id: null, seq: null, at: '2026-03-01T11:00:00.000Z', actor: 'u1', type: 'unit.renamed', subject: 'unit:w1', payload: '{}' },
    ]);
    expect(await repos.orgAdmin.creatorOf('u1')).toBe('admin');
    expect(await repos.orgAdmin.creatorOf('u2')).toBeUndefined();
  });

  it('shows a board every tile as one tile alone shows it: the last twelve of a long series, each its own inherited target', async () => {
    const day = '2026-03-10';
    // Ward 3 (under hospital B) shows ward 1's local indicator: its target falls back to the owning unit, not above.
    await repos.settings.show('b-w3', 'local', 'a9');
    // As the doors set one: the target, then the statuses it governs (the next test compares them to a recomputation).
    const target = async (indicatorId: string, unitId: string, validFrom: string, value: number) => {
      await repos.settings.insertTarget({ indicatorId, unitId, validFrom, target: value, low: null, high: null, tolerance: 0 });
      await repos.unitStatus.targetChanged(indicatorId, unitId, DAY);
    };
    await target('local', 'w1', '2026-01-01', 80);
    await target('falls', 'r', '2026-01-01', 3);
    await target('falls', 'w3', '2026-02-01', 0);
    await target('falls', 'h2', '2026-04-01', 1); // not yet in force
    const months = Array.from({ length: 14 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
    for (const [i, month] of months.entries()) await record(measured('falls', 'w3', month, i));

    const tiles = await repos.indicators.forBoard('b-w3', 'w3', day);
    expect(tiles.map((t) => [t.id, t.target?.target])).toEqual([['falls', 0], ['sick', 6], ['local', 80]]);
    const falls = tiles.find((t) => t.id === 'falls')!;
    expect(falls.recent.map((m) => m.periodStart)).toEqual(months.slice(-12));
    expect(falls.signal?.n).toBe(14);
    for (const tile of tiles) expect(await repos.indicators.onBoard('b-w3', 'w3', tile.id, day)).toEqual(tile);
    // Without the signal the recent values come from their own query: the same tiles.
    const plain = await repos.indicators.forBoard('b-w3', 'w3', day, { signal: false });
    expect(plain).toEqual(tiles.map(({ signal: _signal, ...tile }) => tile));
  });

  it.runIf(engine === 'postgres')('lets one of two instances sweeping at once claim the day, the other finds it done', async () => {
    await repos.settings.insertTarget({ indicatorId: 'sick', unitId: 'w1', validFrom: '2026-03-12', target: 2, low: null, high: null, tolerance: 0 });
    const other = postgresStore(createPool(migrated!.url!));
    try {
      const swept = await Promise.all([repos.unitStatus.sweep('2026-03-12'), repositories(other).unitStatus.sweep('2026-03-12')]);
      expect(swept.sort()).toEqual([0, 1]);
      await expectStoredEqualsRecomputation('2026-03-12');
    } finally {
      await other.close();
    }
  });
});
