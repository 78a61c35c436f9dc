import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeWorld, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
afterAll(async () => {
  await w.close();
});

it('serves the OpenAPI document with every module’s routes, and /healthz', async () => {
  const doc = await w.app.inject({ url: '/docs/json' });
  expect(doc.statusCode).toBe(200);
  const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
  for (const p of [
    '/api/reports',
    '/api/cases',
    '/api/cases/{id}/dispatch',
    '/api/org/units',
    '/api/categories',
    '/api/metrics/ranking',
    '/api/auth/login',
  ]) {
    expect(paths).toContain(p);
  }
  const ui = await w.app.inject({ url: '/docs' });
  expect([200, 302]).toContain(ui.statusCode);
  const health = await w.app.inject({ url: '/healthz' });
  expect(health.json()).toMatchObject({ status: 'ok' });
});
