import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../../test/world.js';
import { hashToken } from '../../platform/auth.js';
import { normalizeTrackingCode } from './selfservice.codes.js';
import { count, form, png, publicClient, selfServiceWorld } from './selfservice.testkit.js';

let w: World;
beforeAll(async () => {
  w = await selfServiceWorld();
});
afterAll(async () => {
  await w?.close();
});

async function reportOf(number: string) {
  return w.db
    .selectFrom('reports as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select(['u.username', 'u.role', 'c.id as caseId'])
    .where('c.number', '=', number)
    .executeTakeFirstOrThrow();
}

/** Everything written about a case outside the report row: timeline, audit and idempotency rows. */
async function writtenElsewhere(caseId: string): Promise<string> {
  const events = await w.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).execute();
  const audit = await w.db.selectFrom('audit_log').selectAll().where('entity_id', '=', caseId).execute();
  const keys = await w.db.selectFrom('idempotency_keys').selectAll().execute();
  return JSON.stringify({ events, audit, keys });
}

describe('submitting without login', () => {
  it('refuses without privacy consent and writes nothing', async () => {
    const c = publicClient(w);
    const before = { cases: await count(w, 'cases'), reports: await count(w, 'reports') };
    for (const payload of [
      form({ consent: undefined }),
      form({ consent: false }),
      form({ privacyNoticeVersion: undefined }),
    ]) {
      const res = await c.submit(payload);
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('consent_required');
    }
    const photo = await c.multipart(
      [
        ['text', '路灯不亮'],
        ['lon', '116.33'],
        ['lat', '39.73'],
        ['phone', '13900001234'],
      ],
      [['a.png', png]],
    );
    expect(photo.status).toBe(422);
    expect(photo.body.error?.code).toBe('consent_required');
    expect({ cases: await count(w, 'cases'), reports: await count(w, 'reports') }).toEqual(before);
    expect(await count(w, 'attachments')).toBe(0);
  });

  it('files with consent: case number, a tracking code shown once, consent and code hash on the report', async () => {
    const res = await publicClient(w).submit(form());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.caseNumber).toMatch(/^110115-\d{8}-\d{6}$/);
    expect(res.body.trackingCode).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    expect(res.body).toMatchObject({ status: 'received', statusLabel: '已受理', photos: 0 });

    const r = await reportOf(res.body.caseNumber);
    expect(r).toMatchObject({
      channel: 'web',
      reporter_name: '李四',
      reporter_phone: '13900001234',
      anonymous: false,
      privacy_notice_version: '2026-01',
      role: 'supervisor',
    });
    expect(r.username).toMatch(/^selfservice:/);
    expect(r.privacy_consent_at).toBeInstanceOf(Date);
    expect(r.tracking_code_hash).toBe(hashToken(normalizeTrackingCode(res.body.trackingCode)));
    expect(await writtenElsewhere(r.caseId)).not.toContain(normalizeTrackingCode(res.body.trackingCode));

    // A second report files as the same service user, with a different code.
    const again = await publicClient(w).submit(form({ text: '同一路口仍有摊贩' }));
    expect(again.body.trackingCode).not.toBe(res.body.trackingCode);
    expect((await reportOf(again.body.caseNumber)).created_by).toBe(r.created_by);
  });

  it('files anonymously: a tracking code, and no personal data anywhere', async () => {
    const res = await publicClient(w).submit(
      form({ anonymous: true, contact: { name: '王五', phone: '13711112222', email: 'wang@example.com' } }),
      { 'idempotency-key': 'anonymous-1' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.trackingCode).toBeTruthy();
    const r = await reportOf(res.body.caseNumber);
    expect(r).toMatchObject({
      anonymous: true,
      reporter_name: null,
      reporter_phone: null,
      reporter_email: null,
      reporter_id_number: null,
    });
    const elsewhere = await writtenElsewhere(r.caseId);
    for (const secret of ['王五', '13711112222', 'wang@example.com']) expect(elsewhere).not.toContain(secret);

    const tracked = await publicClient(w).track(res.body.caseNumber, { trackingCode: res.body.trackingCode });
    expect(tracked.status).toBe(200);
    expect(tracked.body.report.anonymous).toBe(true);
  });

  it('asks for a contact unless anonymous, and for a location', async () => {
    const c = publicClient(w);
    const noContact = await c.submit(form({ contact: {} }));
    expect(noContact.status).toBe(400);
    expect(noContact.body.error?.code).toBe('validation_failed');
    const nowhere = await c.submit(form({ lon: undefined, lat: undefined }));
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error?.code).toBe('validation_failed');
    const byAddress = await c.submit(form({ lon: undefined, lat: undefined, address: '兴华大街12号' }));
    expect(byAddress.status).toBe(201);
    const strange = await c.submit(form({ reporter: { name: 'x' } }));
    expect(strange.body.error?.code).toBe('validation_failed');
    const text = await w.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
  });

  it('refuses a point outside the district and an unknown category, writing nothing', async () => {
    const c = publicClient(w);
    const before = await count(w, 'cases');
    const outside = await c.submit(form({ lon: 121.47, lat: 31.23 }));
    expect(outside.status).toBe(422);
    expect(outside.body.error?.code).toBe('location_outside_district');
    const unknown = await c.submit(form({ categoryCode: '99-99' }));
    expect(unknown.body.error?.code).toBe('unknown_category');
    expect(await count(w, 'cases')).toBe(before);
  });

  it('takes photos as multipart, checks them by their bytes, and keeps them with the case', async () => {
    const c = publicClient(w);
    const fields: Array<[string, string]> = [
      ['text', '人行道上堆放建筑垃圾'],
      ['lon', '116.3301'],
      ['lat', '39.7289'],
      ['contact[name]', '赵六'],
      ['phone', '13600005678'],
      ['consent', 'on'],
      ['privacyNoticeVersion', '2026-01'],
    ];
    const photos: Array<[string, Buffer]> = [
      ['one.png', png],
      ['two.png', png],
    ];
    const key = { 'idempotency-key': 'photos-1' };
    const res = await c.multipart(fields, photos, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const replay = await c.multipart(fields, photos, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.caseNumber).toBe(res.body.caseNumber);
    expect(res.body.photos).toBe(2);
    const r = await reportOf(res.body.caseNumber);
    expect(r).toMatchObject({
      reporter_name: '赵六',
      reporter_phone: '13600005678',
      privacy_notice_version: '2026-01',
    });
    const files = await w.db.selectFrom('attachments').selectAll().where('case_id', '=', r.caseId).execute();
    expect(files.map((f) => [f.file_name, f.mime_type, f.size_bytes])).toEqual([
      ['one.png', 'image/png', png.length],
      ['two.png', 'image/png', png.length],
    ]);

    const casesBefore = await count(w, 'cases');
    const pdf = await c.multipart(fields, [['fake.png', Buffer.from('%PDF-1.4 not a photo')]]);
    expect(pdf.status).toBe(415);
    expect(pdf.body.error?.code).toBe('attachment_type_not_allowed');
    const tooMany = await c.multipart(
      fields,
      Array.from({ length: 10 }, (_, i): [string, Buffer] => [`p${i}.png`, png]),
    );
    expect(tooMany.status).toBe(400);
    expect(await count(w, 'cases')).toBe(casesBefore);
  });

  it('replays an Idempotency-Key with the same case and tracking code, once', async () => {
    const c = publicClient(w);
    const key = { 'idempotency-key': 'web-form-7f3a' };
    const before = await count(w, 'cases');
    const first = await c.submit(form({ text: '小区门口井盖缺失' }), key);
    const second = await c.submit(form({ text: '小区门口井盖缺失' }), key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await count(w, 'cases')).toBe(before + 1);
    const tracked = await c.track(first.body.caseNumber, { trackingCode: second.body.trackingCode });
    expect(tracked.status).toBe(200);
    const stored = JSON.stringify(await w.db.selectFrom('idempotency_keys').selectAll().execute());
    expect(stored).toContain(first.body.caseNumber);
    expect(stored).not.toContain(normalizeTrackingCode(first.body.trackingCode));
    expect(stored).not.toContain(first.body.trackingCode);
    const other = await c.submit(form({ text: '另一件事' }), key);
    expect(other.status).toBe(409);
    expect(other.body.error?.code).toBe('idempotency_conflict');
  });

  it('limits submissions per IP address', async () => {
    const c = publicClient(w, '10.9.8.7');
    const limit = w.ctx.config.PUBLIC_RATE_LIMIT;
    for (let i = 0; i < limit; i++) expect((await c.submit({})).status).toBe(400);
    const over = await c.submit({});
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('rate_limited');
    expect((await publicClient(w, '10.9.8.8').submit({})).status).toBe(400);
  });

  it('is switched off when an admin deactivates its service user', async () => {
    const setting = await w.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'selfservice.user')
      .executeTakeFirstOrThrow();
    const userId = (setting.value as { userId: number }).userId;
    await w.db.updateTable('users').set({ active: false }).where('id', '=', userId).execute();
    const off = await publicClient(w).submit(form());
    expect(off.status).toBe(403);
    expect(off.body.error?.code).toBe('forbidden');
    await w.db.updateTable('users').set({ active: true }).where('id', '=', userId).execute();
    expect((await publicClient(w).submit(form())).status).toBe(201);
  });

  it('is in the OpenAPI document without a security requirement', async () => {
    const doc = await w.app.inject({ url: '/docs/json' });
    const paths = doc.json<{ paths: Record<string, Record<string, { security?: unknown[] }>> }>().paths;
    for (const p of [
      '/api/public/reports',
      '/api/public/cases/{number}/track',
      '/api/public/cases/{number}/rate',
    ]) {
      expect(paths[p]?.post?.security).toEqual([]);
    }
  });
});
