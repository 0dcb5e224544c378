import type { OverviewCell, OverviewIndicator, OverviewPage, OverviewRow } from '../../../shared/overview';
import { createRepositories } from '../../repositories';
import type { OverviewCellRow, OverviewUnitRow } from '../../repositories/overview-repository';
import type { Store } from '../../store';

/**
 * Who may read which unit, decided once per request instead of once per row. For a person: a role on a unit lets
 * them read it and everything below; line of sight lets them read the units above their role units (not siblings).
 * Any other policy answers per row.
 */
export type OverviewScope =
  | { kind: 'person'; userId: string }
  | { kind: 'per-unit'; reads: (unitId: string, boardId: string | null) => Promise<boolean> };

interface Sight {
  /** Whether a role covers the unit (it or a unit above has one): all its children are readable. */
  covered(unitId: string, parentCovered: boolean): boolean;
  readable(unit: OverviewUnitRow, parentCovered: boolean): boolean | Promise<boolean>;
  /** Readable children of a unit its readers do not cover. */
  sightChildren(unitId: string): number;
  onlyBoardUnit: string | null;
}

export type OverviewOutcome = OverviewPage | 'not-found' | 'forbidden' | 'bad-cursor';

/** The start page's heat-map: stored statuses (see unit-status-repository), one unit's children at a time. */
export function createOverviewService(store: Store) {
  /** One page's reads, over the store or a transaction. */
  const pageOn = (repo: ReturnType<typeof createRepositories>['overview']) => {
    const sightOf = async (scope: OverviewScope): Promise<Sight> => {
      if (scope.kind === 'per-unit') {
        return {
          covered: () => false,
          readable: (u) => scope.reads(u.id, u.board_id),
          sightChildren: () => Number.POSITIVE_INFINITY,
          onlyBoardUnit: null,
        };
      }
      const enabled = await repo.userEnabled(scope.userId);
      const roles = new Set(enabled ? await repo.roleUnits(scope.userId) : []);
      const above = enabled ? await repo.lineage(scope.userId) : [];
      const inSight = new Set([...roles, ...above.map((u) => u.id)]);
      const childrenInSight = new Map<string, number>();
      for (const u of [...above, ...(await repo.parentsOf([...roles]))]) {
        if (u.parent_id) childrenInSight.set(u.parent_id, (childrenInSight.get(u.parent_id) ?? 0) + 1);
      }
      return {
        covered: (id, parentCovered) => parentCovered || roles.has(id),
        readable: (u, parentCovered) => parentCovered || inSight.has(u.id),
        sightChildren: (id) => childrenInSight.get(id) ?? 0,
        onlyBoardUnit: roles.size === 1 ? [...roles][0]! : null,
      };
    };

    const rowOf = (u: OverviewUnitRow, depth: number, covered: boolean, sight: Sight, cells: OverviewCell[]): OverviewRow => {
      const childCount = covered ? u.child_count : Math.min(u.child_count, sight.sightChildren(u.id));
      const counts = { green: 0, amber: 0, red: 0, none: 0 };
      for (const c of cells) counts[c.status] += 1;
      return {
        unitId: u.id,
        name: u.name,
        layer: { id: u.layer_id, rank: u.layer_rank, name: u.layer_name, kind: u.layer_kind },
        depth,
        parentId: u.parent_id,
        hasChildren: childCount > 0,
        childCount,
        boardId: u.board_id,
        counts,
        cells,
      };
    };

    /** The rows with their cells and the columns they use. */
    const assemble = async (
      units: { unit: OverviewUnitRow; depth: number; covered: boolean }[],
      sight: Sight,
      nextCursor: string | null,
      onlyBoardId: string | null,
    ): Promise<OverviewPage> => {
      const byUnit = new Map<string, OverviewCell[]>();
      for (const { unit } of units) {
        if (unit.board_id) byUnit.set(unit.id, (await repo.cells(unit.id, unit.board_id)).map(toCell));
      }
      const indicatorIds = new Set<string>();
      for (const list of byUnit.values()) for (const c of list) indicatorIds.add(c.indicatorId);
      const indicators: OverviewIndicator[] = (await repo.columns([...indicatorIds])).map((i) => ({
        id: i.id,
        name: i.name,
        group: i.mandatory === 1 ? 'mandatory' : 'common',
        unitLabel: i.unit_label,
        decimals: i.decimals,
      }));
      return {
        indicators,
        rows: units.map((u) => rowOf(u.unit, u.depth, u.covered, sight, byUnit.get(u.unit.id) ?? [])),
        nextCursor,
        onlyBoardId,
      };
    };

    const childPage = async (parent: string, parentCovered: boolean, sight: Sight, cursor: string | null, limit: number) => {
      const page = await repo.children(parent, decodeCursor(cursor), limit);
      const last = page.at(-1);
      const units: { unit: OverviewUnitRow; covered: boolean }[] = [];
      for (const unit of page) if (await sight.readable(unit, parentCovered)) units.push({ unit, covered: sight.covered(unit.id, parentCovered) });
      return { units, next: page.length === limit && last ? encodeCursor(last) : null };
    };

    /** The topmost units the caller may read and their children. */
    const top = async (scope: OverviewScope, limit: number): Promise<OverviewPage> => {
      const sight = await sightOf(scope);
      const units: { unit: OverviewUnitRow; depth: number; covered: boolean }[] = [];
      let next: string | null = null;
      for (const root of await repo.roots()) {
        if (!(await sight.readable(root, false))) continue;
        const covered = sight.covered(root.id, false);
        units.push({ unit: root, depth: 0, covered });
        const page = await childPage(root.id, covered, sight, null, limit);
        units.push(...page.units.map((c) => ({ ...c, depth: 1 })));
        next = page.next;
      }
      return assemble(units, sight, next, await onlyBoard(sight));
    };

    const onlyBoard = async (sight: Sight): Promise<string | null> => {
      if (!sight.onlyBoardUnit) return null;
      const unit = (await repo.units([sight.onlyBoardUnit]))[0];
      if (!unit || unit.child_count > 0) return null;
      const boards = await repo.unitBoards(unit.id);
      return boards.length === 1 ? boards[0]! : null;
    };

    /** A unit's children the caller may read, a page at a time. */
    const expand = async (scope: OverviewScope, parent: string, cursor: string | null, limit: number): Promise<OverviewOutcome> => {
      const unit = (await repo.units([parent]))[0];
      if (!unit) return 'not-found';
      const sight = await sightOf(scope);
      const covered = scope.kind === 'person' ? (await repo.roleOnPath(scope.userId, parent)) && (await repo.userEnabled(scope.userId)) : false;
      if (!covered && !(await sight.readable(unit, false))) return 'forbidden';
      const depth = (await repo.depthOf(parent)) + 1;
      const page = await childPage(parent, covered, sight, cursor, limit);
      return assemble(page.units.map((c) => ({ ...c, depth })), sight, page.next, null);
    };
    return { top, expand };
  };

  return {
    page: async (scope: OverviewScope, query: { parent?: string | undefined; cursor?: string | undefined; limit: number }): Promise<OverviewOutcome> => {
      const build = (on: ReturnType<typeof pageOn>) =>
        query.parent ? on.expand(scope, query.parent, query.cursor ?? null, query.limit) : on.top(scope, query.limit);
      try {
        // A person's page in one read transaction: the rows and their cells come from the same moment. A per-unit
        // scope asks the access policy for each row, which reads through the store: inside a transaction open on
        // the same store that read would wait for the transaction, so those pages read from the store itself.
        if (scope.kind === 'per-unit') return await build(pageOn(createRepositories(store).overview));
        return await store.transaction(async (tx) => build(pageOn(createRepositories(tx).overview)));
      } catch (err) {
        if (err instanceof BadCursor) return 'bad-cursor';
        throw err;
      }
    },
  };
}
export type OverviewService = ReturnType<typeof createOverviewService>;

const toCell = (c: OverviewCellRow): OverviewCell => ({
  indicatorId: c.indicator_id,
  status: c.status ?? 'none',
  value: c.value,
  periodStart: c.period_start,
  signal: c.signal === 1,
  rolledUp: c.rolled_up === 1,
});

/** A cursor is where the last page ended: the unit's name and id, opaque to clients. */
function encodeCursor(u: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([u.name, u.id])).toString('base64url');
}

class BadCursor extends Error {}

function decodeCursor(cursor: string | null): { name: string; id: string } | null {
  if (!cursor) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadCursor();
  }
  if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
    return { name: parsed[0], id: parsed[1] };
  }
  throw new BadCursor();
}
