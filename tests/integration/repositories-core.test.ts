// The board, card, event, meeting, initiative, account, token and system repositories on both engines: every row
// written through the repositories and read back through them, on a freshly migrated store. The PostgreSQL database
// has a Danish (ICU) collation, as managed servers' databases usually have a language one: order keys must still
// order by bytes there, as on SQLite.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardEvent } from '../../shared/protocol';
import type { Card, Escalation, Meeting } from '../../shared/schemas';
import { projectRoot } from '../../server/config';
import { readMigrations } from '../../server/db/migrate';
import { accountsRepository } from '../../server/repositories/accounts-repository';
import { apiTokensRepository } from '../../server/repositories/api-tokens-repository';
import { boardsRepository } from '../../server/repositories/boards-repository';
import { cardsRepository } from '../../server/repositories/cards-repository';
import { columnsRepository } from '../../server/repositories/columns-repository';
import { eventsRepository } from '../../server/repositories/events-repository';
import { effectChainsRepository, initiativesRepository } from '../../server/repositories/initiatives-repository';
import { meetingsRepository } from '../../server/repositories/meetings-repository';
import { orgUnitExistence, systemRepository } from '../../server/repositories/system-repository';
import { type Executor, type Store } from '../../server/store';
import { type MigratedStore, openMigratedStore } from '../support/migrated-store';

const repositories = (ex: Executor) => ({
  accounts: accountsRepository(ex),
  apiTokens: apiTokensRepository(ex),
  boards: boardsRepository(ex),
  cards: cardsRepository(ex),
  columns: columnsRepository(ex),
  events: eventsRepository(ex),
  initiatives: initiativesRepository(ex),
  effectChains: effectChainsRepository(ex),
  meetings: meetingsRepository(ex),
  system: systemRepository(ex),
});

const T0 = '2026-03-02T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** Region → clinic → two teams; a board per unit. Organisation rows have no repository here: written directly. */
async function seedOrganisation(ex: Executor) {
  await ex.run(ex.q.insertInto('layers').values([
    { id: 'l0', rank: 0, name: 'Region' }, { id: 'l1', rank: 1, name: 'Klinik' }, { id: 'l2', rank: 2, name: 'Team' },
  ]));
  await ex.run(ex.q.insertInto('org_units').values([
    { id: 'u-region', parent_id: null, layer_id: 'l0', name: 'Region' },
    { id: 'u-klinik', parent_id: 'u-region', layer_id: 'l1', name: 'Klinik' },
    { id: 'u-team-a', parent_id: 'u-klinik', layer_id: 'l2', name: 'Æblehaven' },
    { id: 'u-team-b', parent_id: 'u-klinik', layer_id: 'l2', name: 'Birkely' },
  ]));
  await ex.run(ex.q.insertInto('boards').values([
    { id: 'b-region', unit_id: 'u-region', name: 'Regionstavle', created_at: T0 },
    { id: 'b-klinik', unit_id: 'u-klinik', name: 'Klinikstavle', created_at: T0 },
    { id: 'b-team-a', unit_id: 'u-team-a', name: 'Tavle A', created_at: T0 },
    { id: 'b-team-b', unit_id: 'u-team-b', name: 'Tavle B', created_at: T0 },
  ]));
}

const card = (id: string, orderKey: string, patch: Partial<Card> = {}): Card => ({
  id, boardId: 'b-team-a', columnId: 'col-doing', orderKey, type: 'action', title: `Kort ${id}`, description: '',
  ownerName: '', dueDate: null, archived: false, createdAt: T0, updatedAt: T0, ...patch,
});

describe.each(['sqlite', 'postgres'] as const)('the core repositories on %s', (engine) => {
  let store: Store;
  let migrated: MigratedStore | undefined;
  let repos: ReturnType<typeof repositories>;

  beforeAll(async () => {
    migrated = await openMigratedStore(engine, { icuLocale: 'da-DK' });
    store = migrated.store;
    repos = repositories(store);
  });
  afterAll(() => migrated?.dispose());

  it('knows an empty database, then the organisation and its boards, paged by board id', async () => {
    expect(await repos.system.isOrganisationEmpty()).toBe(true);
    expect(await repos.system.migrationCount()).toBe(readMigrations(join(projectRoot, 'migrations')).length);
    expect(await repos.system.journalMode()).toBe('wal');
    await seedOrganisation(store);
    expect(await repos.system.isOrganisationEmpty()).toBe(false);
    const exists = orgUnitExistence(store);
    expect([await exists('u-team-a'), await exists('u-nowhere')]).toEqual([true, false]);

    // By layer, then unit name: Birkely before Æblehaven (bytes on SQLite, the Danish alphabet's end on this PostgreSQL).
    expect((await repos.boards.list()).map((b) => b.id)).toEqual(['b-region', 'b-klinik', 'b-team-b', 'b-team-a']);
    expect(await repos.boards.get('b-team-a')).toEqual({
      id: 'b-team-a', name: 'Tavle A',
      unit: { id: 'u-team-a', parentId: 'u-klinik', layerId: 'l2', name: 'Æblehaven' },
      layer: { id: 'l2', rank: 2, name: 'Team', kind: '' },
    });
    expect(await repos.boards.get('b-nowhere')).toBeUndefined();
    expect((await repos.boards.page(null, '', 2)).map((b) => b.id)).toEqual(['b-klinik', 'b-region']);
    expect((await repos.boards.page(null, 'b-region', 2)).map((b) => b.id)).toEqual(['b-team-a', 'b-team-b']);
    expect((await repos.boards.page('u-klinik', '', 10)).map((b) => b.id)).toEqual(['b-klinik', 'b-team-a', 'b-team-b']);
    expect((await repos.boards.page('u-klinik', 'b-team-a', 10)).map((b) => b.id)).toEqual(['b-team-b']);
    expect(await repos.boards.unitId('b-team-b')).toBe('u-team-b');
  });

  it('hands out a board seq one at a time, inside the transaction that uses it, and takes it back on rollback', async () => {
    expect(await repos.boards.seq('b-team-b')).toBe(0);
    const seqs = await store.transaction(async (tx) => {
      const boards = boardsRepository(tx);
      return [await boards.nextSeq('b-team-b'), await boards.nextSeq('b-team-b')];
    });
    expect(seqs).toEqual([1, 2]);
    await expect(store.transaction(async (tx) => {
      await boardsRepository(tx).nextSeq('b-team-b');
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await repos.boards.seq('b-team-b')).toBe(2);
    await expect(repos.boards.nextSeq('b-nowhere')).rejects.toThrow('board b-nowhere does not exist');
    expect(await repos.boards.seq('b-nowhere')).toBeUndefined();
  });

  it('orders columns and cards by their keys byte for byte, and reads a move\'s neighbours', async () => {
    await repos.columns.save({ id: 'col-done', boardId: 'b-team-a', name: 'Færdig', orderKey: 'a1' });
    await repos.columns.save({ id: 'col-doing', boardId: 'b-team-a', name: 'I gang', orderKey: 'a0' });
    await repos.columns.save({ id: 'col-done', boardId: 'b-team-a', name: 'Afsluttet', orderKey: 'a2' });
    expect(await repos.columns.onBoard('b-team-a')).toEqual([
      { id: 'col-doing', boardId: 'b-team-a', name: 'I gang', orderKey: 'a0' },
      { id: 'col-done', boardId: 'b-team-a', name: 'Afsluttet', orderKey: 'a2' },
    ]);
    expect(await repos.columns.get('col-nowhere')).toBeUndefined();

    // Byte order puts upper case before '_' before lower case; a Danish collation would not ('a0b' < 'a0V' there).
    for (const [id, key] of [['c-low', 'a0b'], ['c-up', 'a0V'], ['c-under', 'a0_'], ['c-first', 'a0']] as const) {
      await repos.cards.save(card(id, key));
    }
    await repos.cards.save(card('c-archived', 'a0a', { archived: true }));
    await repos.cards.save(card('c-linked', 'a1', { columnId: 'col-done', indicatorId: null }));
    const order = ['c-first', 'c-up', 'c-under', 'c-low'];
    expect((await repos.cards.liveInColumn('col-doing')).map((c) => c.id)).toEqual(order);
    expect((await repos.cards.liveOnBoard('b-team-a')).map((c) => c.id)).toEqual([...order, 'c-linked']);
    expect(await repos.cards.get('c-archived')).toEqual(card('c-archived', 'a0a', { archived: true }));

    const near = async (cardId: string, columnId: string, index: number) => (await repos.cards.forMove(cardId, columnId, index)).near;
    expect(await near('c-low', 'col-doing', 0)).toMatchObject({ index: 0, cards: [{ id: 'c-first' }] });
    expect(await near('c-first', 'col-doing', 2)).toMatchObject({ index: 1, cards: [{ id: 'c-under' }, { id: 'c-low' }] });
    expect(await near('c-low', 'col-doing', 9)).toMatchObject({ index: 1, cards: [{ id: 'c-under' }] });
    expect(await near('c-linked', 'col-done', 1)).toEqual({ index: 0, cards: [] });
    // The card and the destination column come with the neighbours; either may be missing.
    expect(await repos.cards.forMove('c-low', 'col-done', 0)).toEqual({
      card: card('c-low', 'a0b'),
      toColumn: { id: 'col-done', boardId: 'b-team-a', name: 'Afsluttet', orderKey: 'a2' },
      near: { index: 0, cards: [card('c-linked', 'a1', { columnId: 'col-done' })] },
    });
    expect(await repos.cards.forMove('c-low', 'col-nowhere', 0)).toEqual({ card: card('c-low', 'a0b'), toColumn: undefined, near: { index: 0, cards: [] } });
    expect(await repos.cards.forMove('c-nowhere', 'col-doing', 9)).toMatchObject({ card: undefined, toColumn: undefined, near: { index: 1, cards: [{ id: 'c-low' }] } });

    await repos.cards.move({ id: 'c-low', columnId: 'col-done', orderKey: 'a0', updatedAt: at(1) });
    expect(await repos.cards.get('c-low')).toEqual(card('c-low', 'a0', { columnId: 'col-done', updatedAt: at(1) }));
    // A save of a known card changes it whole but its board and creation time.
    await repos.cards.save(card('c-up', 'a0V', { title: 'Ny titel', archived: true, updatedAt: at(2) }));
    expect(await repos.cards.get('c-up')).toMatchObject({ title: 'Ny titel', archived: true, updatedAt: at(2), createdAt: T0 });
  });

  it('appends events, reads them back by seq range and operation, and refuses an opId twice', async () => {
    const event = (seq: number, opId: string, body: BoardEvent['body'], minutes = seq): BoardEvent =>
      ({ boardId: 'b-team-a', seq, opId, actor: 'user:u-anna', at: at(minutes), body });
    const moved = card('c-first', 'a3');
    const events = [
      event(1, 'op-1', { type: 'card.created', card: card('c-first', 'a0') }),
      event(2, 'op-2', { type: 'card.moved', card: moved, from: { columnId: 'col-doing', orderKey: 'a0' } }),
      event(3, 'op-2', { type: 'column.created', column: { id: 'col-x', boardId: 'b-team-a', name: 'X', orderKey: 'a9' } }),
    ];
    await store.transaction(async (tx) => {
      const r = repositories(tx);
      for (const e of events) await r.events.append(e);
      await r.events.recordOperation('op-1', 'b-team-a', 'card.create', 'user:u-anna', at(1));
      await r.events.recordOperation('op-2', 'b-team-a', 'card.undo', 'user:u-anna', at(2));
    });
    expect(await repos.events.since('b-team-a', 0, 10)).toEqual(events);
    expect(await repos.events.since('b-team-a', 1, 1)).toEqual([events[1]]);
    expect(await repos.events.byOperation('op-2')).toEqual([events[1], events[2]]);
    expect(await repos.events.operation('op-2')).toEqual({ board_id: 'b-team-a', command: 'card.undo' });
    expect(await repos.events.operation('op-unknown')).toBeUndefined();
    expect(await repos.events.cardChanges('b-team-a')).toEqual([
      { event: events[1], command: 'card.undo' },
      { event: events[0], command: 'card.create' },
    ]);
    await expect(repos.events.recordOperation('op-1', 'b-team-a', 'card.create', 'user:u-anna', at(3))).rejects.toThrow();
    await expect(repos.events.append(event(3, 'op-3', { type: 'card.archived', card: moved }))).rejects.toThrow();

    expect(await repos.meetings.eventsAfter('b-team-a', at(1))).toEqual([events[1], events[2]]);
    expect(await repos.meetings.eventsBetween('b-team-a', at(1), at(2))).toEqual([events[1]]);
    expect(await repos.meetings.history('b-team-a', 2, 5)).toEqual([events[1], events[0]]);
    expect(await repos.meetings.history('b-team-a', Number.MAX_SAFE_INTEGER, 1)).toEqual([events[2]]);
    expect(await repos.meetings.cardEvents('b-team-a', 'c-first', 10)).toEqual([events[1], events[0]]);
    expect(await repos.meetings.cardEvents('b-team-a', 'c-first', 1)).toEqual([events[1]]);
  });

  it('keeps cadences, meetings and escalations whole, each escalation on every board it passed once', async () => {
    expect(await repos.meetings.cadence('b-team-a')).toBeNull();
    await repos.meetings.saveCadence('b-team-a', { cadence: 'weekly', nextMeetingDate: '2026-03-09', meetingMinutes: 15 });
    await repos.meetings.saveCadence('b-team-a', { cadence: 'monthly', nextMeetingDate: null, meetingMinutes: 30 });
    expect(await repos.meetings.cadence('b-team-a')).toEqual({ cadence: 'monthly', nextMeetingDate: null, meetingMinutes: 30 });

    const meeting = (id: string, startedAt: string, endedAt: string | null): Meeting => ({
      id, boardId: 'b-team-a', status: endedAt ? 'ended' : 'running', facilitator: 'user:u-anna', startedAt, endedAt,
      plannedMinutes: 15, itemMinutes: 3, currentItemId: null, attendees: [], items: [], minutes: null,
    });
    await repos.meetings.saveMeeting(meeting('m-1', at(0), at(15)));
    await repos.meetings.saveMeeting(meeting('m-2', at(60), null));
    expect(await repos.meetings.running('b-team-a')).toEqual(meeting('m-2', at(60), null));
    expect(await repos.meetings.lastEnded('b-team-a')).toEqual(meeting('m-1', at(0), at(15)));
    await repos.meetings.saveMeeting(meeting('m-2', at(60), at(75)));
    expect(await repos.meetings.running('b-team-a')).toBeNull();
    expect(await repos.meetings.lastEnded('b-team-a')).toEqual(meeting('m-2', at(60), at(75)));
    expect((await repos.meetings.meetingsOf('b-team-a')).map((m) => m.id)).toEqual(['m-2', 'm-1']);
    expect(await repos.meetings.meeting('m-nowhere')).toBeUndefined();

    const escalation = (boardIds: string[], holder: string, status: Escalation['status']): Escalation => ({
      id: 'e-1', cardId: 'c-first', cardTitle: 'Kort', originBoardId: 'b-team-a', originBoardName: 'Tavle A',
      holderBoardId: holder, holderBoardName: holder, status, reason: 'Mangler senge', dueDate: '2026-03-20',
      resolution: null, context: [], boardIds, steps: [], createdAt: at(0), updatedAt: at(boardIds.length),
    });
    await repos.meetings.saveEscalation(escalation(['b-team-a', 'b-klinik'], 'b-klinik', 'open'));
    await repos.meetings.saveEscalation(escalation(['b-team-a', 'b-klinik', 'b-region'], 'b-region', 'answered'));
    expect(await repos.meetings.escalation('e-1')).toEqual(escalation(['b-team-a', 'b-klinik', 'b-region'], 'b-region', 'answered'));
    for (const board of ['b-team-a', 'b-klinik', 'b-region']) {
      expect((await repos.meetings.escalationsOf(board)).map((e) => e.status)).toEqual(['answered']);
    }
    expect(await repos.meetings.escalationsOf('b-team-b')).toEqual([]);
    expect((await repos.meetings.allCards('b-team-a')).map((c) => c.id).sort()).toContain('c-archived');
    expect(await repos.meetings.boardOfUnit('u-klinik')).toBe('b-klinik');
    expect(await repos.meetings.boardOfUnit('u-nowhere')).toBeUndefined();
  });

  it('finds people by username and e-mail regardless of case, and their roles down the tree', async () => {
    const user = (id: string, username: string, name: string, email: string | null) =>
      ({ id, username, display_name: name, email, password_hash: null, disabled: 0, created_at: at(0) });
    await repos.accounts.insertUser(user('u-anna', 'Anna', 'Anna Holm', 'Anna@Region.dk'));
    await repos.accounts.insertUser(user('u-bo', 'bo', 'Bo Lund', null));
    await repos.accounts.insertUser(user('u-demo-1', 'demo', 'Demo', null));
    expect((await repos.accounts.userByUsername('ANNA'))?.id).toBe('u-anna');
    expect((await repos.accounts.userByEmail('anna@region.DK'))?.id).toBe('u-anna');
    expect(await repos.accounts.userByUsername('nobody')).toBeUndefined();
    await expect(repos.accounts.insertUser(user('u-anna2', 'aNNa', 'Anden Anna', null))).rejects.toThrow();
    await repos.accounts.updateUser({ id: 'u-bo', display_name: 'Bo Lund Jensen', email: 'bo@region.dk', disabled: 0 });
    await repos.accounts.setPassword('u-bo', 'hash');
    expect(await repos.accounts.userById('u-bo')).toMatchObject({ display_name: 'Bo Lund Jensen', email: 'bo@region.dk', password_hash: 'hash' });
    expect((await repos.accounts.users()).map((u) => u.id)).toEqual(['u-anna', 'u-bo', 'u-demo-1']);

    const version = await repos.accounts.accessVersion();
    await repos.accounts.setRole('u-anna', 'u-klinik', 'member');
    await repos.accounts.setRole('u-anna', 'u-klinik', 'facilitator');
    await repos.accounts.setRole('u-bo', 'u-team-b', 'member');
    await repos.accounts.setRole('u-demo-1', 'u-region', 'viewer');
    expect(await repos.accounts.accessVersion()).toBeGreaterThan(version);
    expect(await repos.accounts.rolesOf('u-anna')).toEqual([{ user_id: 'u-anna', unit_id: 'u-klinik', role: 'facilitator' }]);
    expect((await repos.accounts.allRoles()).map((r) => r.user_id)).toEqual(['u-anna', 'u-bo', 'u-demo-1']);
    expect(await repos.accounts.rolesAlongPath('u-anna', 'u-team-a')).toEqual(['facilitator']);
    expect(await repos.accounts.rolesAlongPath('u-anna', 'u-region')).toEqual([]);
    expect(await repos.accounts.rolesOnBoard('u-anna', 'b-team-b')).toEqual(['facilitator']);
    expect(await repos.accounts.rolesOnBoard('u-bo', 'b-klinik')).toEqual([]);
    expect(await repos.accounts.hasRoleBelow('u-bo', 'u-region')).toBe(true);
    expect(await repos.accounts.hasRoleBelow('u-anna', 'u-klinik')).toBe(false);
    expect(await repos.accounts.boardUnit('b-klinik')).toBe('u-klinik');
    expect(await repos.accounts.peopleAroundBoard('b-klinik')).toEqual([
      { userId: 'u-anna', name: 'Anna Holm', unitName: 'Klinik' },
      { userId: 'u-bo', name: 'Bo Lund Jensen', unitName: 'Birkely' },
      { userId: 'u-demo-1', name: 'Demo', unitName: 'Region' },
    ]);
    expect(await repos.system.demoAccountRoles()).toEqual([{ username: 'demo', role: 'viewer', unit_id: 'u-region' }]);
    expect(await repos.meetings.displayName('user:u-anna')).toBe('Anna Holm');
    expect(await repos.meetings.displayName('system:feed')).toBe('system:feed');

    expect(await repos.accounts.removeRole('u-bo', 'u-team-b')).toBe(true);
    expect(await repos.accounts.removeRole('u-bo', 'u-team-b')).toBe(false);
    expect(await repos.accounts.hasRoleBelow('u-bo', 'u-region')).toBe(false);
  });

  it('keeps sessions and wall screens, and writes the audit log', async () => {
    await repos.accounts.insertSession('s-1', 'u-anna', at(0), at(60));
    await repos.accounts.insertSession('s-2', 'u-anna', at(1), at(61));
    await repos.accounts.insertSession('s-3', 'u-anna', at(2), at(2));
    await repos.accounts.revokeOtherSessions('u-anna', 's-2', at(5));
    expect(await repos.accounts.session('s-1')).toEqual({ token_hash: 's-1', user_id: 'u-anna', expires_at: at(60), revoked_at: at(5) });
    expect((await repos.accounts.session('s-2'))?.revoked_at).toBeNull();
    await repos.accounts.revokeOtherSessions('u-anna', null, at(6));
    expect((await repos.accounts.session('s-2'))?.revoked_at).toBe(at(6));
    expect(await repos.accounts.pruneSessions(at(30))).toBe(1);
    expect(await repos.accounts.session('s-3')).toBeUndefined();

    await repos.accounts.insertDevice({
      id: 'd-1', board_id: 'b-team-a', name: 'Skærm ved kontoret', mode: 'read', enrol_code_hash: 'code',
      enrol_expires_at: at(10), created_by: 'user:u-anna', created_at: at(0),
    });
    expect((await repos.accounts.deviceByCode('code'))?.id).toBe('d-1');
    expect(await repos.accounts.enrolDevice('d-1', 'token', at(1))).toBe(true);
    expect(await repos.accounts.enrolDevice('d-1', 'token', at(1))).toBe(false);
    expect(await repos.accounts.setEnrolCode('d-1', 'code2', at(20))).toBe(false);
    await repos.accounts.seenDevice('d-1', at(2));
    expect(await repos.accounts.deviceByToken('token')).toMatchObject({ id: 'd-1', enrolled_at: at(1), last_seen_at: at(2), enrol_code_hash: null });
    expect(await repos.meetings.displayName('device:d-1')).toBe('Skærm ved kontoret');
    expect(await repos.accounts.revokeDevice('d-1', at(3))).toBe(true);
    expect((await repos.accounts.deviceById('d-1'))?.revoked_at).toBe(at(3));
    expect((await repos.accounts.devices()).map((d) => d.id)).toEqual(['d-1']);

    await repos.accounts.adminEvent('user:u-anna', at(4), 'device.revoked', 'device:d-1', { reason: 'stjålet' });
    await repos.initiatives.audit('user:u-anna', at(5), 'initiative.created', 'i-1', { goalId: 'g-1' });
    const audit = await store.all(store.q.selectFrom('admin_events').select(['type', 'payload']).orderBy('id'));
    expect(audit).toEqual([
      { type: 'device.revoked', payload: '{"reason":"stjålet"}' },
      { type: 'initiative.created', payload: '{"goalId":"g-1"}' },
    ]);
  });

  it('keeps API tokens, covering their unit and the units below it', async () => {
    await repos.apiTokens.insert({ id: 't-1', name: 'DWH', unitId: 'u-klinik', tokenHash: 'h1', createdAt: at(0), createdBy: 'user:u-anna' });
    expect(await repos.apiTokens.byHash('h1')).toMatchObject({ id: 't-1', unit_id: 'u-klinik', revoked_at: null, last_used_at: null });
    expect([
      await repos.apiTokens.covers('u-klinik', 'u-klinik'),
      await repos.apiTokens.covers('u-klinik', 'u-team-a'),
      await repos.apiTokens.covers('u-klinik', 'u-region'),
    ]).toEqual([true, true, false]);
    await repos.apiTokens.markUsed('t-1', at(1));
    expect(await repos.apiTokens.revoke('t-1', at(2))).toBe(true);
    expect(await repos.apiTokens.revoke('t-1', at(3))).toBe(false);
    expect(await repos.apiTokens.all()).toMatchObject([{ id: 't-1', last_used_at: at(1), revoked_at: at(2) }]);
  });

  it('keeps initiatives with their indicators and shows open ones on the boards that follow them', async () => {
    await store.run(store.q.insertInto('indicators').values([
      { id: 'ind-beds', unit_id: 'u-klinik', name: 'Belægning', unit_label: '%', direction: 'lower', frequency: 'monthly', kind: 'hard' },
      { id: 'ind-wait', unit_id: 'u-klinik', name: 'Ventetid', unit_label: 'dage', direction: 'lower', frequency: 'monthly', kind: 'hard' },
    ]));
    await store.run(store.q.insertInto('board_indicators').values([
      { board_id: 'b-klinik', indicator_id: 'ind-beds', order_key: 'a0' },
      { board_id: 'b-region', indicator_id: 'ind-beds', order_key: 'a0' },
      { board_id: 'b-team-b', indicator_id: 'ind-wait', order_key: 'a0' },
    ]));
    await store.run(store.q.insertInto('goals').values({ id: 'g-1', parent_id: null, title: 'Færre overbelagte senge', created_at: at(0), updated_at: at(0) }));
    await store.run(store.q.insertInto('goal_owners').values({ goal_id: 'g-1', unit_id: 'u-klinik' }));

    const write = {
      id: 'i-1', goalId: 'g-1', title: 'Udskrivningsteam', baseline: '96 %', expectedEffect: '90 %', endDate: '2026-12-31',
      indicatorIds: ['ind-wait', 'ind-beds'], investment: 250000, yearlySaving: 1.5, startDate: null,
      targets: [{ indicatorId: 'ind-beds', baselineValue: 96.5, targetValue: 90 }],
    };
    await store.transaction(async (tx) => initiativesRepository(tx).insert(write, at(0)));
    await repos.initiatives.insert({ ...write, id: 'i-2', endDate: null, indicatorIds: [], targets: [] }, at(1));
    const expected = {
      ...write, indicatorIds: ['ind-beds', 'ind-wait'], done: false, conclusion: '', closedAt: null,
    };
    expect(await repos.initiatives.get('i-1')).toEqual(expected);
    expect(await repos.initiatives.get('i-2')).toMatchObject({ indicatorIds: [], targets: [] });
    expect((await repos.initiatives.all()).map((i) => i.id)).toEqual(['i-1', 'i-2']);
    expect((await repos.initiatives.openOnBoard('b-klinik')).map((i) => i.id)).toEqual(['i-1']);
    expect(await repos.initiatives.openOnBoard('b-team-b')).toEqual([]);
    expect(await repos.initiatives.boardsShowing('i-1')).toEqual(['b-klinik', 'b-region']);
    expect(await repos.initiatives.openMoving('ind-beds')).toEqual(['i-1']);
    expect(await repos.initiatives.goalOf('i-1')).toBe('g-1');

    await repos.initiatives.update({ ...write, title: 'Nyt navn', indicatorIds: ['ind-wait'], targets: [] });
    expect(await repos.initiatives.get('i-1')).toMatchObject({ title: 'Nyt navn', indicatorIds: ['ind-wait'], targets: [] });
    expect(await repos.initiatives.setDone('i-1', true, at(9))).toBe(true);
    expect(await repos.initiatives.boardsShowing('i-1')).toEqual([]);
    expect(await repos.initiatives.close('i-2', 'Virkede', at(10))).toBe(true);
    expect(await repos.initiatives.get('i-2')).toMatchObject({ done: true, conclusion: 'Virkede', closedAt: at(10) });
    expect(await repos.initiatives.setDone('i-nowhere', true, at(9))).toBe(false);

    const steps = [
      { kind: 'indsats' as const, title: 'Udskrivningsteam', indicatorId: null, unitId: 'u-klinik' },
      { kind: 'effekt' as const, title: 'Færre overbelagte senge', indicatorId: 'ind-beds', unitId: null },
    ];
    await repos.effectChains.replace('g-1', steps);
    await repos.effectChains.replace('g-1', [...steps].reverse());
    expect(await repos.effectChains.ofGoal('g-1')).toEqual([...steps].reverse().map((s) => ({ goalId: 'g-1', ...s })));
    await repos.effectChains.replace('g-1', []);
    expect(await repos.effectChains.all()).toEqual([]);
  });
});
