import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { makeWorld, type World } from './world.js';

let w: World;
let app: FastifyInstance;
let dir: string;
const html = { accept: 'text/html,application/xhtml+xml' };

beforeAll(async () => {
  w = await makeWorld();
  dir = mkdtempSync(join(tmpdir(), 'zhicheng-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>智城</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  app = await buildApp(w.ctx, { webDir: dir });
});
afterAll(async () => {
  await app.close();
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the console at / and its page for deep links a browser opens', async () => {
  for (const url of ['/', '/cases/2026-000001', '/workbench?x=1']) {
    const res = await app.inject({ url, headers: html });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  }
});

it('serves built assets with a long cache, and a missing asset is a 404', async () => {
  const js = await app.inject({ url: '/assets/index-abc123.js' });
  expect(js.statusCode).toBe(200);
  expect(js.headers['cache-control']).toContain('immutable');
  const missing = await app.inject({ url: '/assets/gone.js', headers: html });
  expect(missing.statusCode).toBe(404);
});

it('never shadows the API, Open311, the docs or health', async () => {
  const api = await app.inject({ url: '/api/no-such-thing', headers: html });
  expect(api.statusCode).toBe(404);
  expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  const open311 = await app.inject({ url: '/open311/v2/nothing-here', headers: html });
  expect(open311.statusCode).toBe(404);
  expect(open311.body).not.toContain('<div id="root">');
  const docs = await app.inject({ url: '/docs/json', headers: html });
  expect(docs.json<{ openapi: string }>().openapi).toMatch(/^3\./);
  const health = await app.inject({ url: '/healthz', headers: html });
  expect(health.json()).toMatchObject({ status: 'ok' });
  const me = await app.inject({ url: '/api/auth/me', headers: html });
  expect(me.statusCode).toBe(401);
});

it('answers JSON clients and other methods with the API’s 404, not the page', async () => {
  const json = await app.inject({ url: '/cases/1', headers: { accept: 'application/json' } });
  expect(json.statusCode).toBe(404);
  const post = await app.inject({ method: 'POST', url: '/cases/1', headers: html, payload: {} });
  expect(post.statusCode).toBe(404);
});

it('runs the API alone when no bundle was built', async () => {
  const bare = await buildApp(w.ctx, { webDir: join(dir, 'missing') });
  const res = await bare.inject({ url: '/', headers: html });
  expect(res.statusCode).toBe(404);
  await bare.close();
});
