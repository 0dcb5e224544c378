import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { OverviewPage, type OverviewIndicator, type OverviewRow } from '../../../../shared/overview';
import { getJson } from '../../lib/http';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../../shared/protocol';

/** One page of `GET /api/overview`: the top rows, or a unit's children (`parent`), from `cursor` on. */
export type OverviewPageLoader = (parent?: string, cursor?: string) => Promise<OverviewPage>;
/** Listens for "statuses changed" from the server; returns the way to stop. */
export type OverviewSubscribe = (onChange: () => void) => () => void;

const fetchPage: OverviewPageLoader = async (parent, cursor) => {
  const query = new URLSearchParams();
  if (parent) query.set('parent', parent);
  if (cursor) query.set('cursor', cursor);
  return OverviewPage.parse(await getJson(`/api/overview?${query.toString()}`));
};

const socketSubscribe: OverviewSubscribe = (onChange) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket', 'polling'] });
  // Only watching sockets are told (the server's overview room); join it again after every reconnect.
  socket.on('connect', () => socket.emit('overview:watch'));
  socket.on('overview:changed', onChange);
  return () => {
    socket.off('overview:changed', onChange);
    socket.disconnect();
  };
};

/** A row as the grid shows it: where it sits in the tree and whether it is open. */
export interface VisibleRow {
  row: OverviewRow;
  expanded: boolean;
  loading: boolean;
}

export type HeatMapState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; indicators: OverviewIndicator[]; rows: VisibleRow[]; onlyBoardId: string | null };

interface Loaded {
  rows: Map<string, OverviewRow>;
  /** Children per parent, in the server's (tree) order; a parent is here once its children are fetched. */
  children: Map<string | null, string[]>;
  columns: Map<string, OverviewIndicator>;
  onlyBoardId: string | null;
}

const byGroupThenName = (a: OverviewIndicator, b: OverviewIndicator) =>
  (a.group === b.group ? 0 : a.group === 'mandatory' ? -1 : 1) || a.name.localeCompare(b.name, 'da');

async function allPages(load: OverviewPageLoader, parent: string, from?: string): Promise<OverviewPage[]> {
  const pages: OverviewPage[] = [];
  let cursor = from;
  do {
    const page = await load(parent, cursor);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

function take(into: Loaded, pages: readonly OverviewPage[]) {
  for (const page of pages) {
    for (const c of page.indicators) into.columns.set(c.id, c);
    for (const r of page.rows) {
      into.rows.set(r.unitId, r);
      const parent = r.depth === 0 ? null : r.parentId;
      const list = into.children.get(parent) ?? [];
      if (!list.includes(r.unitId)) list.push(r.unitId);
      into.children.set(parent, list);
    }
  }
}

/**
 * The heat-map's data, a layer at a time: the top answer (the topmost units and their children), then a unit's
 * children when it is unfolded. When the server says statuses changed, every part already fetched is fetched again.
 */
export function useHeatMap(load: OverviewPageLoader = fetchPage, subscribe: OverviewSubscribe = socketSubscribe) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const opened = useRef(new Set<string>());

  const fetchAll = useCallback(async (): Promise<Loaded> => {
    const next: Loaded = { rows: new Map(), children: new Map(), columns: new Map(), onlyBoardId: null };
    const top = await load();
    next.onlyBoardId = top.onlyBoardId;
    take(next, [top]);
    // The top answer holds the roots' children; the last root continues from the answer's cursor.
    const roots = next.children.get(null) ?? [];
    if (top.nextCursor && roots.length > 0) take(next, await allPages(load, roots.at(-1)!, top.nextCursor));
    for (const root of roots) if (!next.children.has(root)) next.children.set(root, []);
    for (const parent of opened.current) if (!roots.includes(parent)) take(next, await allPages(load, parent));
    return next;
  }, [load]);

  useEffect(() => {
    let cancelled = false;
    let stop: (() => void) | null = null;
    const refresh = () =>
      fetchAll().then(
        (data) => {
          if (cancelled) return;
          setLoaded(data);
          setExpanded((prev) => (prev.size > 0 ? prev : new Set(data.children.get(null) ?? [])));
          // Subscribe only once the server has answered: it has the overview, and we may read it.
          stop ??= subscribe(() => void refresh());
        },
        () => !cancelled && setFailed(true),
      );
    void refresh();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [fetchAll, subscribe]);

  const toggle = useCallback(
    (unitId: string) => {
      if (expanded.has(unitId)) {
        setExpanded((prev) => new Set([...prev].filter((id) => id !== unitId)));
        return;
      }
      setExpanded((prev) => new Set([...prev, unitId]));
      if (!loaded || loaded.children.has(unitId)) return;
      setLoading((prev) => new Set([...prev, unitId]));
      allPages(load, unitId).then(
        (pages) => {
          opened.current.add(unitId);
          setLoaded((prev) => {
            if (!prev) return prev;
            const next: Loaded = { ...prev, rows: new Map(prev.rows), children: new Map(prev.children), columns: new Map(prev.columns) };
            take(next, pages);
            if (!next.children.has(unitId)) next.children.set(unitId, []);
            return next;
          });
        },
        () => setExpanded((prev) => new Set([...prev].filter((id) => id !== unitId))),
      ).finally(() => setLoading((prev) => new Set([...prev].filter((id) => id !== unitId))));
    },
    [expanded, loaded, load],
  );

  const state: HeatMapState = useMemo(() => {
    if (failed && !loaded) return { status: 'error' };
    if (!loaded) return { status: 'loading' };
    const rows: VisibleRow[] = [];
    const walk = (parent: string | null) => {
      for (const id of loaded.children.get(parent) ?? []) {
        const row = loaded.rows.get(id);
        if (!row) continue;
        const open = expanded.has(id) && row.hasChildren;
        rows.push({ row, expanded: open, loading: loading.has(id) });
        if (open) walk(id);
      }
    };
    walk(null);
    return { status: 'ready', indicators: [...loaded.columns.values()].sort(byGroupThenName), rows, onlyBoardId: loaded.onlyBoardId };
  }, [failed, loaded, expanded, loading]);

  return { state, toggle };
}
