import * as z from 'zod';
import { StatusCounts, StatusValue } from './cascade';
import { BoardSummary, Id, IsoDate, Layer } from './schemas';

/**
 * The paged overview (start-page heat-map) and the paged board list.
 *
 * `GET /api/overview` answers the top of the tree the caller may read: the topmost readable units (depth 0) and
 * their children (depth 1). Expanding a unit fetches `GET /api/overview?parent=<unitId>`: that unit's direct
 * children. A parent with many children is paged: follow `nextCursor` with `&cursor=<nextCursor>` until it is null.
 * Statuses are kept current by the server (one stored row per unit and indicator), so every answer is cheap and
 * the same at any organisation size. `overview:changed` (socket) still says when statuses may have changed.
 */

/** How a column is grouped in the heat-map: indicators every unit below must show first, then the rest. */
export const OVERVIEW_GROUPS = ['mandatory', 'common'] as const;
export const OverviewGroup = z.enum(OVERVIEW_GROUPS);
export type OverviewGroup = z.infer<typeof OverviewGroup>;

/** One heat-map column. Only indicators that some row of this answer has a cell for are sent. */
export const OverviewIndicator = z.object({
  id: Id,
  name: z.string(),
  group: OverviewGroup,
  /** What the value is counted in ('%', 'dage', …), '' when nothing. */
  unitLabel: z.string(),
  /** How many decimals a value is shown with. */
  decimals: z.number().int().min(0).max(4),
});
export type OverviewIndicator = z.infer<typeof OverviewIndicator>;

/** One heat-map cell: the indicator's current status at the unit (a rolled-up value where the unit has none). */
export const OverviewCell = z.object({
  indicatorId: Id,
  status: StatusValue,
  /** The latest reportable value, null when there is none. */
  value: z.number().nullable(),
  /** The period of that value, null when there is none. The client formats it (Danish dates). */
  periodStart: IsoDate.nullable(),
  /** Whether the run chart shows non-random variation (shared/domain/indicator-signal.ts). */
  signal: z.boolean(),
  /** Whether the value was rolled up from the units below rather than measured at the unit. */
  rolledUp: z.boolean(),
});
export type OverviewCell = z.infer<typeof OverviewCell>;

/** One heat-map row: a unit, in tree order. */
export const OverviewRow = z.object({
  unitId: Id,
  name: z.string(),
  layer: Layer,
  /** 0 for the topmost unit the caller may read; children are one deeper than their parent. */
  depth: z.number().int().min(0),
  parentId: Id.nullable(),
  /** Whether `?parent=<unitId>` has rows: the unit has children the caller may read. */
  hasChildren: z.boolean(),
  childCount: z.number().int().min(0),
  boardId: Id.nullable(),
  /** Count of the unit's own cells per status. */
  counts: StatusCounts,
  /** Sparse: only indicators the unit shows. */
  cells: z.array(OverviewCell),
});
export type OverviewRow = z.infer<typeof OverviewRow>;

export const OVERVIEW_PAGE_MAX = 500;

export const OverviewQuery = z.object({
  parent: Id.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(OVERVIEW_PAGE_MAX).default(200),
});
export type OverviewQuery = z.input<typeof OverviewQuery>;

export const OverviewPage = z.object({
  /** The columns, mandatory group first, then by name. */
  indicators: z.array(OverviewIndicator),
  /** Units in tree order: each parent directly before its children. */
  rows: z.array(OverviewRow),
  /** Null when this was the last page. */
  nextCursor: z.string().nullable(),
  /** The board to land on when the caller may read exactly one board (a ward member); null otherwise. */
  onlyBoardId: Id.nullable(),
});
export type OverviewPage = z.infer<typeof OverviewPage>;

/**
 * `GET /api/boards?parent=<unitId>` lists the boards of that unit and its direct children; `?limit=&cursor=` pages
 * any list. Without parameters the answer is every board the caller may read (kept for the board pickers).
 */
export const BoardListQuery = z.object({
  parent: Id.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(OVERVIEW_PAGE_MAX).optional(),
});
export type BoardListQuery = z.input<typeof BoardListQuery>;

export const BoardListPage = z.object({
  boards: z.array(BoardSummary),
  nextCursor: z.string().nullable(),
});
export type BoardListPage = z.infer<typeof BoardListPage>;

/**
 * Every row below the top, fetched one expand at a time in tree order (tests, exports and the simple tree view;
 * the heat-map itself fetches children only when a unit is opened).
 */
export async function walkOverview(
  load: (parent?: string, cursor?: string) => Promise<OverviewPage>,
): Promise<{ indicators: OverviewIndicator[]; rows: OverviewRow[] }> {
  const columns = new Map<string, OverviewIndicator>();
  const take = (page: OverviewPage) => {
    for (const i of page.indicators) columns.set(i.id, i);
    return page.rows;
  };
  const childrenOf = async (parent: string): Promise<OverviewRow[]> => {
    const rows: OverviewRow[] = [];
    let cursor: string | undefined;
    do {
      const page = await load(parent, cursor);
      rows.push(...take(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  };
  const expandAll = async (rows: readonly OverviewRow[]): Promise<OverviewRow[]> => {
    const out: OverviewRow[] = [];
    for (const row of rows) {
      out.push(row);
      if (row.hasChildren) out.push(...(await expandAll(await childrenOf(row.unitId))));
    }
    return out;
  };
  const first = await load();
  const top = take(first);
  // The top answer already holds the roots' children: expand those, not the roots again.
  const roots = new Set(top.filter((r) => r.depth === 0).map((r) => r.unitId));
  const out: OverviewRow[] = [];
  for (const row of top) {
    out.push(row);
    if (roots.has(row.unitId)) continue;
    if (row.hasChildren) out.push(...(await expandAll(await childrenOf(row.unitId))));
  }
  // A root with more children than the first page holds continues from the top answer's cursor.
  const lastRoot = top.filter((r) => r.depth === 0).at(-1);
  let cursor = first.nextCursor ?? undefined;
  while (cursor && lastRoot) {
    const page = await load(lastRoot.unitId, cursor);
    out.push(...(await expandAll(take(page))));
    cursor = page.nextCursor ?? undefined;
  }
  return { indicators: [...columns.values()], rows: out };
}
