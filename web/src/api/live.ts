import { useQueryClient } from '@tanstack/react-query';
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

/**
 * The live feed: trades the session for a one-minute ticket (POST /api/live/ticket), opens an
 * EventSource on GET /api/live, keeps the latest events, and refreshes every metrics and case query
 * when events come, so the figures follow without a reload. On an error it reconnects with a new
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

    const refreshSoon = () => {
      if (refresh) return;
      refresh = setTimeout(() => {
        refresh = undefined;
        void client.invalidateQueries({ queryKey: ['metrics'] });
        void client.invalidateQueries({ queryKey: ['cases'] });
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
      source?.close();
    };
  }, [client]);

  return { events, status };
}
