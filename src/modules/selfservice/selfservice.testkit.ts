import { expect } from 'vitest';
import { multipart } from '../../../test/multipart.js';
import { makeWorld, setDistrictBbox, type World } from '../../../test/world.js';

/** Helpers shared by the self-service tests: a world with a district box, and a public client. */

/** A 1×1 PNG. */
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export async function selfServiceWorld(overrides: Record<string, string> = {}): Promise<World> {
  const w = await makeWorld(overrides);
  await setDistrictBbox(w);
  return w;
}

export interface Res<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: { code: string; message: string; details?: unknown } };
  headers: Record<string, unknown>;
}

export interface TrackBody {
  number: string;
  status: string;
  statusLabel: string;
  category: { code: string; name: string } | null;
  receivedAt: string;
  resolvedAt: string | null;
  timeline: Array<Record<string, unknown>>;
  report: {
    text: string;
    answer: string | null;
    anonymous: boolean;
    evaluation: { solved: boolean; satisfaction: string; comment: string | null } | null;
  };
  canRate: boolean;
  canReopen: boolean;
  reopenUntil: string | null;
}

export interface SubmitBody {
  caseNumber: string;
  trackingCode: string;
  status: string;
  statusLabel: string;
  photos: number;
}

/** A valid submission; tests override what they exercise. */
export const form = (extra: Record<string, unknown> = {}) => ({
  text: '兴华大街与清源路口有人占道摆摊，影响通行',
  categoryCode: '04-06',
  lon: 116.3301,
  lat: 39.7289,
  contact: { name: '李四', phone: '13900001234' },
  consent: true,
  privacyNoticeVersion: '2026-01',
  ...extra,
});

/** The public client of one IP address (the per-IP limit is counted per address). */
export function publicClient(w: World, ip = '127.0.0.1') {
  const post = async <T>(url: string, payload: unknown, headers: Record<string, string> = {}) => {
    const res = await w.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers,
      remoteAddress: ip,
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers } as Res<T>;
  };
  return {
    submit: (payload: unknown, headers: Record<string, string> = {}) =>
      post<SubmitBody>('/api/public/reports', payload, headers),
    async multipart(
      fields: Array<[string, string]>,
      files: Array<[string, Buffer]>,
      headers: Record<string, string> = {},
    ) {
      const body = multipart(
        fields,
        files.map(([filename, bytes]) => ({ field: 'photo', filename, bytes, type: 'image/png' })),
      );
      return post<SubmitBody>('/api/public/reports', body.payload, { ...body.headers, ...headers });
    },
    track: (number: string, proof: Record<string, string>) =>
      post<TrackBody>(`/api/public/cases/${number}/track`, proof),
    rate: (number: string, body: Record<string, unknown>) =>
      post<TrackBody>(`/api/public/cases/${number}/rate`, body),
    reopen: (number: string, body: Record<string, unknown>) =>
      post<TrackBody>(`/api/public/cases/${number}/reopen`, body),
  };
}

/** Takes one lifecycle action through the staff API, at the case's current version. */
export async function staffStep(
  w: World,
  auth: { authorization: string },
  number: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  const current = await w.db
    .selectFrom('cases')
    .select('version')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  const res = await w.app.inject({
    method: 'POST',
    url: `/api/cases/${number}/${action}`,
    payload: { version: current.version, ...body },
    headers: auth,
  });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}

/** Drives a case from 受理 through 派单, 签收, 联系, 办结 and (unless told otherwise) 核查. */
export async function driveToResolution(w: World, number: string, opts: { verify?: boolean } = {}) {
  const u = w.users;
  await staffStep(w, u.dispatcher.auth, number, 'dispatch', { leadUnitId: w.units.s1.id });
  await staffStep(w, u.handlerS1.auth, number, 'accept');
  await staffStep(w, u.handlerS1.auth, number, 'contact', { note: '内部备注：已电话联系市民' });
  await staffStep(w, u.handlerS1.auth, number, 'resolve', { result: '已劝离摊贩，并安排城管队员加强巡查' });
  if (opts.verify ?? true) await staffStep(w, u.supervisor.auth, number, 'verify', { passed: true });
}

export async function count(w: World, table: 'cases' | 'reports' | 'attachments' | 'tracking_failures') {
  const row = await w.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
