import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Card } from '../../shared/schemas';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { type Db, openDatabase } from '../../server/db/open-database';
import { type Repositories, createRepositories } from '../../server/repositories';
import { sqliteStore } from '../../server/store';
import { decideCardMove, runCardMove } from '../../server/services/commands/card-commands';
import { FIXTURE, createFixtureOrganisation } from '../helpers/fixtures';

const board = FIXTURE.clinicBoard;
const { todo, doing } = FIXTURE.columns;
const ctx = { actor: 'user:test', now: '2026-11-28T12:00:00.000Z', today: '2026-11-28' };

let dir: string;
let db: Db;
let repos: Repositories;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaskade-move-window-'));
  db = openDatabase(join(dir, 'kaskade.db'));
  migrate(db, join(projectRoot, 'migrations'));
  createFixtureOrganisation(db);
  repos = createRepositories(sqliteStore(db));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const addCards = async (columnId: string, keys: string[]): Promise<void> => {
  const template = (await repos.cards.get(FIXTURE.cards.huddle))!;
  for (const [i, orderKey] of keys.entries()) await repos.cards.save({ ...template, id: `${columnId}-${i}`, columnId, orderKey, title: `Kort ${i}` });
};

/** The decision made from the whole destination column, as it was made before moves read only the neighbours. */
const fromWholeColumn = async (cmd: Parameters<typeof runCardMove>[0]) =>
  decideCardMove(cmd, { card: await repos.cards.get(cmd.cardId), toColumn: await repos.columns.get(cmd.toColumnId), destination: await repos.cards.liveInColumn(cmd.toColumnId) }, ctx);

describe('a move decided from the cards around its index', () => {
  it('decides exactly as from the whole column, at every index, within and across columns', async () => {
    await addCards(doing, generateNKeysBetween(null, null, 7));
    const movers: Card[] = [(await repos.cards.get(FIXTURE.cards.huddle))!, (await repos.cards.get(`${doing}-3`))!, (await repos.cards.get(`${doing}-0`))!];
    for (const card of movers) {
      for (let index = 0; index <= 10; index++) {
        const cmd = { opId: `op-${card.id}-${index}`, boardId: board, cardId: card.id, toColumnId: doing, index };
        expect(await runCardMove(cmd, repos, ctx), `${card.id} to ${index}`).toEqual(await fromWholeColumn(cmd));
      }
    }
  });

  it('reads the whole column when the key between the neighbours would be too long, and re-keys it', async () => {
    const long = `a0${'V'.repeat(63)}`;
    await addCards(doing, ['a0', long, `${long}1`, 'a1']);
    const cmd = { opId: 'op-rekey', boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: doing, index: 2 };
    const decision = await runCardMove(cmd, repos, ctx);
    expect(decision).toEqual(await fromWholeColumn(cmd));
    expect(decision.ok && decision.effects).toHaveLength(5); // the four cards re-keyed, then the move
  });

  it('refuses a move to a column that is not there, or of a card that is not', async () => {
    const toNowhere = { opId: 'op-1', boardId: board, cardId: FIXTURE.cards.huddle, toColumnId: 'col-nowhere', index: 0 };
    expect(await runCardMove(toNowhere, repos, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const nobody = { opId: 'op-2', boardId: board, cardId: 'card-nowhere', toColumnId: todo, index: 0 };
    expect(await runCardMove(nobody, repos, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
