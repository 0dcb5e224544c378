import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type { OverviewResponse, OverviewUnit } from '../../../../shared/cascade';
import { type OverviewPage, walkOverview } from '../../../../shared/overview';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../../shared/protocol';
import type { Socket } from 'socket.io-client';
import { requestJson } from '../../lib/http';

export type OverviewLoader = () => Promise<OverviewResponse>;

async function fetchPage(parent?: string, cursor?: string): Promise<OverviewPage> {
  const query = new URLSearchParams();
  if (parent) query.set('parent', parent);
  if (cursor) query.set('cursor', cursor);
  return requestJson<OverviewPage>('GET', `/api/overview?${query.toString()}`);
}

/** The paged overview walked whole and put in the tree view's shape (until the heat-map reads pages itself). */
async function fetchOverview(): Promise<OverviewResponse> {
  const { indicators, rows } = await walkOverview(fetchPage);
  const names = new Map(indicators.map((i) => [i.id, i.name]));
  const mandatory = indicators.filter((i) => i.group === 'mandatory');
  const mandatoryIds = new Set(mandatory.map((i) => i.id));
  return {
    mandatory: mandatory.map((i) => ({ id: i.id, name: i.name })),
    units: rows.map((r) => ({
      unit: { id: r.unitId, parentId: r.parentId, layerId: r.layer.id, name: r.name },
      layer: r.layer,
      boardId: r.boardId,
      counts: r.counts,
      red: r.cells.filter((c) => c.status === 'red').map((c) => ({ indicatorId: c.indicatorId, name: names.get(c.indicatorId) ?? '' })),
      mandatory: r.cells.filter((c) => mandatoryIds.has(c.indicatorId)).map((c) => ({ indicatorId: c.indicatorId, status: c.status })),
    })),
  };
}
/** Listens for "statuses changed" from the server; returns the way to stop. */
export type OverviewSubscribe = (onChange: () => void) => () => void;

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

/**
 * Each unit's indicator statuses for the heat-map, fetched again whenever the server says a measurement came in.
 * Without it (no access, server too old) the overview still lists the boards.
 */
export function useOverviewStatus(load: OverviewLoader = fetchOverview, subscribe: OverviewSubscribe = socketSubscribe) {
  const [data, setData] = useState<OverviewResponse | null>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let stop: (() => void) | null = null;
    const refresh = () =>
      load().then(
        (d) => {
          if (cancelled) return;
          setData(d);
          // Subscribe only once the server has answered: it has the cascade, and we may read it.
          if (!stop) {
            stop = subscribe(() => void refresh());
            setLive(true);
          }
        },
        () => undefined,
      );
    void refresh();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [load, subscribe]);
  const byUnit = new Map<string, OverviewUnit>((data?.units ?? []).map((u) => [u.unit.id, u]));
  return { byUnit, mandatory: data?.mandatory ?? [], live };
}
