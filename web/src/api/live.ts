import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from './client';

/** One case timeline entry as GET /api/live sends it (src/modules/live/live.hub.ts). */
export interface LiveEvent {
  seq: number;
  at: string;
  action: string;
  from: string | null;
  to: string | null;
  case: {
    id: string;
    number: string;
    title: string;
    status: string;
    category: string | null;
    area: string | null;
    leadUnit: string | null;
  };
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

const KEEP = 50;
/** Events arriving together refresh the figures once. */
const REFRESH_DELAY_MS = 400;

/** A query's own least interval between live refreshes (`meta.liveRefreshMs`), if it has one. */
function liveInterval(q: Query): number | undefined {
  const ms = q.meta?.liveRefreshMs;
  return typeof ms === 'number' ? ms : undefined;
}

/**
 * Refreshes the metrics and case queries after live events: at once, except those that ask for
 * a least interval (`meta.liveRefreshMs`, the map's cells), which refresh when their data is that
 * old — at once if it already is, else once at that moment, however many events came meanwhile.
 * `stop` cancels the refreshes still waiting.
 */
function liveRefresher(client: QueryClient): { refresh: () => void; stop: () => void } {
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  const followed = (q: Query) => q.queryKey[0] === 'metrics' || q.queryKey[0] === 'cases';
  const refresh = () => {
    void client.invalidateQueries({ predicate: (q) => followed(q) && liveInterval(q) === undefined });
    for (const q of client
      .getQueryCache()
      .findAll({ predicate: (x) => followed(x) && liveInterval(x) !== undefined })) {
      if (waiting.has(q.queryHash)) continue;
      const due = q.state.dataUpdatedAt + liveInterval(q)! - Date.now();
      const run = () => {
        waiting.delete(q.queryHash);
        void client.invalidateQueries({ queryKey: q.queryKey, exact: true });
      };
      if (due <= 0) run();
      else waiting.set(q.queryHash, setTimeout(run, due));
    }
  };
  const stop = () => {
    for (const timer of waiting.values()) clearTimeout(timer);
    waiting.clear();
  };
  return { refresh, stop };
}

/**
 * The live feed: trades the session for a one-minute ticket (POST /api/live/ticket), opens an
 * EventSource on GET /api/live, keeps the latest events, and refreshes the metrics and case queries
 * when events come (liveRefresher), so the figures follow without a reload. On an error it reconnects with a new
 * ticket from the last event seen (the server replays what was missed), backing off up to 30 s.
 */
export function useLiveFeed(): { events: LiveEvent[]; status: LiveStatus } {
  const client = useQueryClient();
  const [events, setEvents] = useState<LiveEvent[]>([]);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const lastId = useRef<number | null>(null);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    const refresher = liveRefresher(client);

    const refreshSoon = () => {
      if (refresh) return;
      refresh = setTimeout(() => {
        refresh = undefined;
        refresher.refresh();
      }, REFRESH_DELAY_MS);
    };

    const reconnect = () => {
      source?.close();
      source = null;
      if (stopped) return;
      setStatus('offline');
      failures += 1;
      retry = setTimeout(() => void connect(), Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)));
    };

    const connect = async () => {
      setStatus('connecting');
      let ticket: string;
      try {
        ticket = unwrap(await api.POST('/api/live/ticket')).ticket;
      } catch {
        reconnect();
        return;
      }
      if (stopped) return;
      const params = new URLSearchParams({ ticket });
      if (lastId.current !== null) params.set('lastEventId', String(lastId.current));
      const es = new EventSource(`/api/live?${params.toString()}`);
      source = es;
      es.addEventListener('ready', () => {
        failures = 0;
        setStatus('live');
        // Whatever changed while the stream was down shows at once.
        refreshSoon();
      });
      es.addEventListener('case', (message: MessageEvent<string>) => {
        const event = JSON.parse(message.data) as LiveEvent;
        lastId.current = Math.max(lastId.current ?? 0, event.seq);
        setEvents((list) => [event, ...list.filter((e) => e.seq !== event.seq)].slice(0, KEEP));
        refreshSoon();
      });
      es.addEventListener('reset', refreshSoon);
      // EventSource retries by itself with the same (soon expired) ticket; a fresh one is surer.
      es.onerror = reconnect;
    };

    void connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(refresh);
      refresher.stop();
      source?.close();
    };
  }, [client]);

  return { events, status };
}
