import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { makeUser } from '../../../test/factories.js';
import { buildApp } from '../../app.js';
import type { Db } from '../../platform/db/index.js';
import { addDuration, isWorkday, loadCalendar } from './index.js';
import type { daysResponse, overrideSchema, overridesResponse, statusResponse } from './calendar.schema.js';

type Days = z.infer<typeof daysResponse>;

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
let admin: { authorization: string };
let agent: { authorization: string };

beforeAll(async () => {
  const { handle, config } = await freshDatabase();
  db = handle.db;
  close = () => handle.close();
  app = await buildApp({ db, config, dbKind: handle.kind });
  admin = (await makeUser(db, { username: 'admin', role: 'admin', unitId: null })).auth;
  agent = (await makeUser(db, { username: 'agent', role: 'agent', unitId: null })).auth;
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const put = (day: string, body: object, headers = admin) =>
  app.inject({ method: 'PUT', url: `/api/calendar/overrides/${day}`, headers, payload: body });

describe('calendar routes', () => {
  it('lists 2026 国庆 days from the package with their source', async () => {
    const res = await app.inject({ url: '/api/calendar/days?from=2026-09-30&to=2026-10-10', headers: agent });
    expect(res.statusCode).toBe(200);
    const { days } = res.json<Days>();
    expect(days).toHaveLength(11);
    expect(days.filter((d) => d.isWorkday).map((d) => d.day)).toEqual([
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
    ]);
    expect(days.at(-1)).toMatchObject({ source: 'makeup', name: '国庆节' });
    expect(res.json<Days>().uncoveredYears).toEqual([]);
  });

  it('lets an admin enter a 2027 holiday that deadlines then respect', async () => {
    const start = new Date('2027-09-30T10:00:00+08:00');
    expect(addDuration(start, 1, 'workdays', await loadCalendar(db))).toEqual(
      new Date('2027-10-01T10:00:00+08:00'),
    );
    for (const day of [
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
      '2027-10-07',
    ]) {
      const res = await put(day, { isWorkday: false, note: '2027 国庆节' });
      expect(res.statusCode).toBe(200);
    }
    expect(
      (await put('2027-09-26', { isWorkday: true, note: '调休上班' })).json<z.infer<typeof overrideSchema>>(),
    ).toMatchObject({
      day: '2027-09-26',
      isWorkday: true,
      note: '调休上班',
    });
    const cal = await loadCalendar(db);
    expect(isWorkday('2027-09-26', cal)).toBe(true);
    expect(addDuration(start, 1, 'workdays', cal)).toEqual(new Date('2027-10-08T10:00:00+08:00'));

    const days = await app.inject({
      url: '/api/calendar/days?from=2027-09-26&to=2027-10-01',
      headers: agent,
    });
    expect(days.json<Days>().uncoveredYears).toEqual([2027]);
    expect(days.json<Days>().days[0]).toMatchObject({
      isWorkday: true,
      source: 'override',
      name: '调休上班',
    });
    expect(days.json<Days>().days[5]).toMatchObject({ isWorkday: false, source: 'override' });

    const list = await app.inject({
      url: '/api/calendar/overrides?from=2027-01-01&to=2027-12-31',
      headers: admin,
    });
    expect(list.json<z.infer<typeof overridesResponse>>().overrides).toHaveLength(8);
    expect(list.json<z.infer<typeof overridesResponse>>().coverage.years).toContain(2026);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'calendar_override')
      .execute();
    expect(audit).toHaveLength(8);
  });

  it('replaces and deletes an override; the package answer applies again', async () => {
    await put('2026-10-10', { isWorkday: false, note: '区里补休' });
    await put('2026-10-10', { isWorkday: false, note: '区里补休（更正）' });
    expect(isWorkday('2026-10-10', await loadCalendar(db))).toBe(false);
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/calendar/overrides/2026-10-10',
      headers: admin,
    });
    expect(del.statusCode).toBe(204);
    expect(isWorkday('2026-10-10', await loadCalendar(db))).toBe(true);
    const again = await app.inject({
      method: 'DELETE',
      url: '/api/calendar/overrides/2026-10-10',
      headers: admin,
    });
    expect(again.statusCode).toBe(404);
  });

  it('is admin-only for overrides and validates days', async () => {
    expect((await put('2027-01-01', { isWorkday: false }, agent)).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/calendar/overrides', headers: agent })).statusCode).toBe(403);
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/calendar/overrides/2027-10-01',
      headers: agent,
    });
    expect(del.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/calendar/days?from=2026-01-01&to=2026-01-02' })).statusCode).toBe(
      401,
    );
    expect((await put('2026-02-30', { isWorkday: false })).statusCode).toBe(400);
    expect((await put('2027-01-01', { isWorkday: 'no' })).statusCode).toBe(400);
    const long = await app.inject({
      url: '/api/calendar/days?from=2026-01-01&to=2027-06-01',
      headers: agent,
    });
    expect(long.statusCode).toBe(400);
    const backwards = await app.inject({
      url: '/api/calendar/days?from=2026-02-01&to=2026-01-01',
      headers: agent,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('reports coverage and warnings', async () => {
    const res = await app.inject({ url: '/api/calendar/status', headers: agent });
    expect(res.statusCode).toBe(200);
    expect(res.json<z.infer<typeof statusResponse>>().coverage).toMatchObject({ lastYear: 2026 });
    expect(Array.isArray(res.json<z.infer<typeof statusResponse>>().warnings)).toBe(true);
  });
});
