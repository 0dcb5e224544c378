import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type { OverviewResponse, OverviewUnit } from '../../../../shared/cascade';
import type { ServerToClientEvents } from '../../../../shared/protocol';
import type { Socket } from 'socket.io-client';
import { requestJson } from '../../lib/http';

export type OverviewLoader = () => Promise<OverviewResponse>;

const fetchOverview = (): Promise<OverviewResponse> => requestJson<OverviewResponse>('GET', '/api/overview');

/** Listens for "statuses changed" from the server; returns the way to stop. */
export type OverviewSubscribe = (onChange: () => void) => () => void;

const socketSubscribe: OverviewSubscribe = (onChange) => {
  const socket: Socket<ServerToClientEvents> = io({ transports: ['websocket', 'polling'] });
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
