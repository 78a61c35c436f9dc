import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/multipart.js';
import { makeWorld, receivedEvent, setDistrictBbox, type World } from '../../../test/world.js';
import { attachmentsRoot } from '../cases/attachments.service.js';

let w: World;

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

type Fields = Record<string, string>;

async function patrol(auth: { authorization: string }, fields: Fields, files: Array<[string, Buffer]>) {
  const body = multipart(
    fields,
    files.map(([filename, bytes]) => ({ field: 'photo', filename, bytes, type: 'image/jpeg' })),
  );
  return w.app.inject({
    method: 'POST',
    url: '/api/patrol/reports',
    headers: { ...auth, ...body.headers },
    payload: body.payload,
  });
}

const gps = (): Fields => ({ text: '人行道上有人占道经营水果摊', lon: '116.3301', lat: '39.7889' });

async function count(table: 'reports' | 'cases' | 'attachments') {
  const row = await w.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counts() {
  return {
    reports: await count('reports'),
    cases: await count('cases'),
    attachments: await count('attachments'),
  };
}

async function expectRefused(
  res: { statusCode: number; json: <T>() => T; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
}

beforeAll(async () => {
  w = await makeWorld();
  await setDistrictBbox(w);
});
afterAll(async () => {
  await w?.close();
});

describe('grid patrol reports', () => {
  it('files a report with photos and GPS in the worker’s grid', async () => {
    const res = await patrol(
      w.users.grid.auth,
      {
        ...gps(),
        categoryCode: '04-06',
        accuracy: '8.5',
        capturedAt: '2026-11-21T09:30:00+08:00',
        device: 'HUAWEI-P60',
      },
      [
        ['a.jpg', jpeg],
        ['b.png', png],
      ],
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{
      caseNumber: string;
      caseId: string;
      reportId: string;
      duplicate: boolean;
      attachments: Array<{ id: string; mimeType: string; size: number }>;
    }>();
    expect(body.duplicate).toBe(false);
    expect(body.attachments.map((a) => a.mimeType)).toEqual(['image/jpeg', 'image/png']);
    const row = await w.db
      .selectFrom('reports as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .innerJoin('categories as k', 'k.id', 'c.category_id')
      .select([
        'r.channel',
        'r.lon',
        'r.lat',
        'r.created_by',
        'c.area_unit_id',
        'c.channel as case_channel',
        'k.code',
      ])
      .where('r.id', '=', body.reportId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      channel: 'grid',
      lon: 116.3301,
      lat: 39.7889,
      created_by: w.users.grid.id,
      area_unit_id: w.units.g1.id,
      case_channel: 'grid',
      code: '04-06',
    });
    const { data } = await receivedEvent(w, { id: body.caseId });
    expect(data.channelData).toEqual({
      gps: { lon: 116.3301, lat: 39.7889, accuracy: 8.5 },
      capturedAt: '2026-11-21T09:30:00+08:00',
      device: 'HUAWEI-P60',
      photos: 2,
    });
    const stored = await w.db
      .selectFrom('attachments')
      .select(['storage_key', 'uploaded_by', 'mime_type'])
      .where('case_id', '=', body.caseId)
      .orderBy('created_at')
      .execute();
    expect(stored).toHaveLength(2);
    expect(stored.every((s) => s.uploaded_by === w.users.grid.id)).toBe(true);
    const bytes = await readFile(
      join(attachmentsRoot(w.ctx), stored.find((s) => s.mime_type === 'image/png')!.storage_key),
    );
    expect(bytes.equals(png)).toBe(true);
    // The worker can read the photo back through the case API.
    const photo = await w.app.inject({
      url: `/api/attachments/${body.attachments[1]!.id}`,
      headers: w.users.grid.auth,
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.equals(png)).toBe(true);
  });

  it('makes a retry with the same externalId return the first case, storing nothing twice', async () => {
    const fields = { ...gps(), externalId: 'dev7-000123' };
    const first = await patrol(w.users.grid.auth, fields, [['a.jpg', jpeg]]);
    expect(first.statusCode, first.body).toBe(201);
    const before = await counts();
    const again = await patrol(w.users.grid.auth, fields, [['a.jpg', jpeg]]);
    expect(again.statusCode, again.body).toBe(200);
    const a = first.json<{ caseNumber: string; reportId: string }>();
    expect(again.json()).toMatchObject({
      caseNumber: a.caseNumber,
      reportId: a.reportId,
      duplicate: true,
      attachments: [],
    });
    expect(await counts()).toEqual(before);
    const ext = await w.db
      .selectFrom('reports')
      .select('external_id')
      .where('id', '=', a.reportId)
      .executeTakeFirstOrThrow();
    expect(ext.external_id).toBe(`u${w.users.grid.id}:dev7-000123`);
  });

  it('answers concurrent retries of one externalId with one case and one set of photos', async () => {
    const before = await counts();
    const fields = { ...gps(), externalId: 'dev7-race' };
    const results = await Promise.all([1, 2].map(() => patrol(w.users.grid.auth, fields, [['a.jpg', jpeg]])));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await counts()).toEqual({
      reports: before.reports + 1,
      cases: before.cases + 1,
      attachments: before.attachments + 1,
    });
  });

  it('refuses a report without a photo, with a non-image, or without GPS, writing nothing', async () => {
    const before = await counts();
    await expectRefused(await patrol(w.users.grid.auth, gps(), []), 400, 'validation_failed');
    await expectRefused(
      await patrol(w.users.grid.auth, gps(), [['doc.pdf', Buffer.from('%PDF-1.4 hello')]]),
      415,
      'attachment_type_not_allowed',
    );
    await expectRefused(
      await patrol(w.users.grid.auth, gps(), [
        ['a.jpg', jpeg],
        ['x.jpg', Buffer.from('not an image')],
      ]),
      415,
      'attachment_type_not_allowed',
    );
    const { lat: _lat, ...noLat } = gps();
    const res = await patrol(w.users.grid.auth, noLat, [['a.jpg', jpeg]]);
    await expectRefused(res, 400, 'validation_failed');
    expect(JSON.stringify(res.json())).toContain('lat');
    await expectRefused(
      await patrol(w.users.grid.auth, { ...gps(), lon: 'east' }, [['a.jpg', jpeg]]),
      400,
      'validation_failed',
    );
    await expectRefused(
      await patrol(w.users.grid.auth, { ...gps(), capturedAt: 'yesterday' }, [['a.jpg', jpeg]]),
      400,
      'validation_failed',
    );
    const json = await w.app.inject({
      method: 'POST',
      url: '/api/patrol/reports',
      headers: w.users.grid.auth,
      payload: gps(),
    });
    await expectRefused(json, 415, 'unsupported_media_type');
    expect(await counts()).toEqual(before);
  });

  it('refuses a point outside the district and an unknown category, writing nothing', async () => {
    const before = await counts();
    await expectRefused(
      await patrol(w.users.grid.auth, { ...gps(), lon: '121.47', lat: '31.23' }, [['a.jpg', jpeg]]),
      422,
      'location_outside_district',
    );
    await expectRefused(
      await patrol(w.users.grid.auth, { ...gps(), categoryCode: '99-99' }, [['a.jpg', jpeg]]),
      422,
      'unknown_category',
    );
    expect(await counts()).toEqual(before);
  });

  it('is for grid workers only', async () => {
    const before = await counts();
    for (const who of [w.users.agent, w.users.handlerS1, w.users.citizen, w.users.admin]) {
      await expectRefused(await patrol(who.auth, gps(), [['a.jpg', jpeg]]), 403, 'forbidden');
    }
    await expectRefused(
      await patrol({ authorization: 'Bearer nope' }, gps(), [['a.jpg', jpeg]]),
      401,
      'unauthenticated',
    );
    expect(await counts()).toEqual(before);
  });
});
