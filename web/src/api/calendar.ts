import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { workCalendarFrom, type WorkCalendar } from '../components/workTime';
import { api, unwrap } from './client';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * GET /api/calendar/days for half a year back and forward: the working calendar (holidays, 调休
 * make-up days, the administrators' overrides) countdowns count on. Undefined while loading.
 */
export function useWorkCalendar(enabled = true): WorkCalendar | undefined {
  const [now] = useState(() => Date.now());
  const from = day(now - 180 * DAY);
  const to = day(now + 184 * DAY);
  const query = useQuery({
    queryKey: ['calendar', 'days', from.slice(0, 7)],
    enabled,
    queryFn: async () =>
      workCalendarFrom(unwrap(await api.GET('/api/calendar/days', { params: { query: { from, to } } })).days),
    staleTime: 60 * 60_000,
  });
  return query.data;
}
