import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, screenshot, withPage } from './browser.js';
import { makePng } from './fixtures.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let browser: Browser;

interface CaseOut {
  id: string;
  number: string;
  version: number;
  status: string;
  leadUnitId: number | null;
}

async function call<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const token = async (username: string) =>
  (await call<{ token: string }>(null, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD }))
    .token;

/** Files a report at 西红门 through the API and dispatches it by the catalogue (直派街乡). */
async function fileAndDispatch(agent: string, dispatcher: string, categoryCode: string, text: string) {
  const filed = await call<{ case: CaseOut }>(agent, 'POST', '/api/reports', {
    channel: 'hotline',
    text,
    categoryCode,
    address: '大兴区西红门镇鸿坤广场东门',
    lon: 116.3337,
    lat: 39.7889,
    reporter: { name: '周女士', phone: '13700001111' },
  });
  const { case: c } = await call<{ case: CaseOut }>(
    dispatcher,
    'POST',
    `/api/cases/${filed.case.id}/dispatch`,
    {
      version: filed.case.version,
    },
  );
  expect(c.status).toBe('dispatched');
  return c;
}

/** The district's boundary for the map: DataV's 大兴区 outline when ../shared/data is present, else a box. */
function boundaries(): { geojson: Record<string, unknown>; crs: 'wgs84' | 'gcj02' } {
  for (const dir of [join(ROOT, '../shared/data'), join(ROOT, '../../shared/data')]) {
    const file = join(dir, 'beijing-geojson-datav/districts/110115_full.json');
    if (existsSync(file))
      return { geojson: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, crs: 'gcj02' };
  }
  // A street box around 西红门 (no district polygon: intake elsewhere stays unaffected).
  const ring = [
    [116.29, 39.76],
    [116.37, 39.76],
    [116.37, 39.82],
    [116.29, 39.82],
    [116.29, 39.76],
  ];
  return {
    geojson: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '西红门地区' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    },
    crs: 'wgs84',
  };
}

interface ImportJob {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  result: { imported: unknown[] } | null;
  error: unknown;
}

let caseA: CaseOut;
let caseB: CaseOut;

beforeAll(async () => {
  browser = await launchBrowser();
  const [agent, dispatcher, admin] = await Promise.all([token('agent'), token('dispatcher'), token('admin')]);
  const { geojson, crs } = boundaries();
  // The import runs as a job (202): follow it to its end.
  let job = await call<ImportJob>(admin, 'POST', '/api/geo/polygons', {
    geojson,
    crs,
    source: 'browser test',
  });
  for (let i = 0; i < 300 && job.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = await call<ImportJob>(admin, 'GET', `/api/jobs/${job.id}`);
  }
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  expect(job.result?.imported.length).toBeGreaterThan(0);
  // 私搭乱建: resolved in 3 working days (the countdown counts working time); 暴露垃圾: in 24 hours.
  caseA = await fileAndDispatch(
    agent,
    dispatcher,
    '31-01',
    '鸿坤广场东门外有人私搭乱建彩钢板房，占用消防通道',
  );
  caseB = await fileAndDispatch(agent, dispatcher, '31-02', '鸿坤广场东门垃圾桶旁暴露垃圾无人清理，气味很大');
});
afterAll(async () => {
  await browser?.close();
});

describe('unit inbox (承办) for a street handler', () => {
  it('accepts, asks for an extension and resolves with text and a photo; the timeline shows it all', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'handler_xhm', DEMO_PASSWORD);
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '承办' }).click();
      await page.waitForURL(/\/inbox$/);
      const itemA = page.getByTestId('inbox-item').filter({ hasText: caseA.number });
      await itemA.waitFor();
      await expect(itemA.innerText()).resolves.toMatch(/待签收/);
      await expect(itemA.locator('time').first().innerText()).resolves.toMatch(/剩余/);
      await page.getByTestId('inbox-item').filter({ hasText: caseB.number }).waitFor();
      await screenshot(page, 'inbox-handler');

      await itemA.getByRole('button', { name: '办理此件' }).click();
      const panel = page.getByTestId('inbox-panel');
      await panel.getByRole('button', { name: '签收', exact: true }).click();
      await panel.getByRole('status').getByText('已签收').waitFor();
      await expect(itemA.innerText()).resolves.toMatch(/办理中/);

      await panel.getByRole('button', { name: '申请延期' }).click();
      await panel.getByLabel('延期时长').fill('2');
      await panel.getByLabel('单位').selectOption('workdays');
      await panel.getByLabel('延期理由').fill('需协调产权单位共同拆除');
      await panel.getByRole('button', { name: '提交' }).click();
      await panel.getByText('延期申请已提交，等待审批').waitFor();

      await panel.getByRole('button', { name: '办结' }).click();
      await panel.getByLabel('办理结果').fill('已会同城管执法拆除彩钢板房，恢复消防通道');
      await panel
        .getByLabel('现场照片')
        .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: makePng(24, 24) });
      const thumb = panel.getByTestId('photos').getByTestId('thumb');
      await thumb.waitFor();
      await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(24);
      await screenshot(page, 'inbox-resolve-form');
      await panel.getByRole('button', { name: '提交' }).click();
      await page.getByTestId('inbox-status').getByText(`${caseA.number} 已办结`).waitFor();
      // resolved: no longer the unit's open work
      await expect
        .poll(() => page.getByTestId('inbox-item').filter({ hasText: caseA.number }).count())
        .toBe(0);

      await page.goto(`/cases/${caseA.number}`);
      const timeline = page.getByTestId('timeline');
      for (const step of ['签收', '申请延期', '办结'])
        await timeline.getByText(step, { exact: true }).waitFor();
      await timeline.getByText('需协调产权单位共同拆除').waitFor();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('已办结');
      await page.getByTestId('attachments').getByTestId('thumb').waitFor();
      await page.getByTestId('attachments').getByText('现场照片.png').waitFor();
      // the map: the imported boundary and the case's point
      const map = page.getByTestId('area-map');
      await map.locator('path.area').first().waitFor();
      await expect(map.getByTestId('map-point').count()).resolves.toBe(1);
      await screenshot(page, 'case-detail-map-handler');
    });
  });

  it('returns a case with a reason, which shows in its timeline', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'handler_xhm', DEMO_PASSWORD);
      await page.goto(`/cases/${caseB.number}`);
      const actions = page.getByTestId('case-actions');
      // the response deadline counts down; the resolution deadline of 31-01 above was in working days
      await expect(page.getByTestId('deadlines').innerText()).resolves.toMatch(/剩余/);
      await actions.getByRole('button', { name: '退单' }).click();
      await actions.getByLabel('退单原因').fill('该点位属于旧宫镇辖区，请改派');
      await actions.getByRole('button', { name: '提交' }).click();
      const timeline = page.getByTestId('timeline');
      await timeline.getByText('退单', { exact: true }).waitFor();
      await timeline.getByText('该点位属于旧宫镇辖区，请改派').waitFor();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('重新派单中');
      await page.goto('/inbox');
      await page.getByTestId('inbox').waitFor();
      await expect(page.getByTestId('inbox-item').filter({ hasText: caseB.number }).count()).resolves.toBe(0);
    });
  });

  it('counts a working-day deadline in working time on the case detail', async () => {
    const agent = await token('agent');
    const dispatcher = await token('dispatcher');
    const c = await fileAndDispatch(agent, dispatcher, '31-01', '鸿坤广场东门北侧又有人私搭乱建');
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'handler_xhm', DEMO_PASSWORD);
      await page.goto(`/cases/${c.number}`);
      const resolveDue = page.getByTestId('deadlines').locator('time[data-working]');
      await resolveDue.waitFor();
      await expect(resolveDue.getAttribute('title')).resolves.toContain('按工作日计时');
      await expect(resolveDue.innerText()).resolves.toMatch(/剩余 (\d+个工作日|\d+小时)/);
    });
  });

  it('draws basemap tiles under the boundaries when a tile URL is configured', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      // The server's real /api/config, with a tile URL as MAP_TILE_URL would set it; the tile host is
      // stood in for by the test (no network here).
      await page.route('**/api/config', async (route) => {
        const res = await route.fetch();
        const json = (await res.json()) as { map: Record<string, unknown> };
        json.map.tileUrl = 'https://tiles.test/{z}/{x}/{y}.png';
        json.map.attribution = '© 测试底图';
        await route.fulfill({ response: res, json });
      });
      const served: string[] = [];
      await page.route('https://tiles.test/**', async (route) => {
        served.push(new URL(route.request().url()).pathname);
        await route.fulfill({ contentType: 'image/png', body: makePng(256, 256) });
      });
      await login(page, 'handler_xhm', DEMO_PASSWORD);
      await page.goto(`/cases/${caseA.number}`);
      const map = page.getByTestId('area-map');
      await map.getByTestId('map-tile').first().waitFor();
      await map.getByText('© 测试底图').waitFor();
      await expect.poll(() => served.length).toBeGreaterThan(0);
      expect(served.every((p) => /^\/\d+\/\d+\/\d+\.png$/.test(p))).toBe(true);
      await map.getByRole('button', { name: '放大' }).click();
      await screenshot(page, 'case-detail-map-tiles');
    });
  });
});
