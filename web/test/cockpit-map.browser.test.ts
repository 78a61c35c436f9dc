import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { latLngToCell } from 'h3-js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, screenshot, withPage } from './browser.js';
import { makePng, staffApi } from './fixtures.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
// The basemap's tile server, here on the loopback: no network, and it counts what it served.
let tileServer: Server;
let tileBase = '';
const served: string[] = [];

// Cases with points in 西红门 (two in one block) and one in 黄村; different requests, so none merges.
const places = [
  { lon: 116.3311, lat: 39.7891, text: '西红门鸿坤广场北门井盖缺失，晚上路过很危险' },
  { lon: 116.3312, lat: 39.7892, text: '广场北侧路灯连续一周不亮，行人看不清路面' },
  { lon: 116.3413, lat: 39.7265, text: '黄村火神庙商业街餐馆油烟直排，楼上住户无法开窗' },
];
// Four more requests at one spot, filed while the cockpit watches.
const later = [
  '亦庄路口有商贩占道经营，早高峰影响通行',
  '小区东门外建筑垃圾堆积半个月无人清运',
  '夜间工地施工噪音扰民，凌晨两点还在施工',
  '机动车长期乱停乱放，堵塞了消防通道',
];
const area = { areaCode: '110115001001' };

beforeAll(async () => {
  browser = await launchBrowser();
  const png = makePng(256, 256);
  tileServer = createServer((req, res) => {
    served.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(png);
  });
  await new Promise<void>((resolve) => tileServer.listen(0, '127.0.0.1', resolve));
  const address = tileServer.address();
  tileBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const agent = await staffApi(baseUrl, 'agent');
  for (const { text, lon, lat } of places) {
    await agent.file({
      channel: 'hotline',
      text,
      categoryCode: '36-01',
      ...area,
      lon,
      lat,
      reporter: { name: '王女士', phone: '13912340000' },
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => tileServer?.close(resolve));
});

interface Geo {
  hexes: Array<{ h3: string; count: number }>;
}

/** The geo figures the cockpit shows (resolution 7, its 30-day window). */
async function serverCells(): Promise<Map<string, number>> {
  const leader = await staffApi(baseUrl, 'leader');
  const now = Date.now();
  const from = new Date(now - 30 * 86_400_000).toISOString();
  const to = new Date(now + 86_400_000).toISOString();
  const geo = await leader.get<Geo>(
    `/api/metrics/geo?resolution=7&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  return new Map(geo.hexes.map((h) => [h.h3, h.count]));
}

async function openCockpit(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'leader', DEMO_PASSWORD);
  await page.goto('/cockpit');
  await page.getByRole('heading', { name: '城市运行驾驶舱' }).waitFor();
}

/** axe-core's serious and critical findings inside `selector` (rule id: the elements). */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: string) => Promise<AxeResult> } }).axe;
    type AxeResult = {
      violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
    };
    const result = await axe.run(sel);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

/** The map's cells as drawn: h3 → count. */
async function drawnCells(page: Page): Promise<Map<string, number>> {
  const cells = page.getByTestId('panel-map').getByTestId('hex-cell');
  const pairs = await cells.evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-h3') ?? '', Number(el.getAttribute('data-count'))] as const),
  );
  return new Map(pairs);
}

describe('cockpit map (AreaMap with the H3 layer)', () => {
  it('draws the cells with their counts over the district, offline, without any tile', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      const tileRequests: string[] = [];
      page.on('request', (r) => {
        if (/\/\d+\/\d+\/\d+\.png/.test(r.url())) tileRequests.push(r.url());
      });
      await openCockpit(page);
      const map = page.getByTestId('panel-map');
      await map.getByTestId('hex-cell').first().waitFor();
      const expected = await serverCells();
      const drawn = await drawnCells(page);
      expect(drawn).toEqual(expected);
      const here = latLngToCell(places[0]!.lat, places[0]!.lon, 7);
      expect(drawn.get(here)).toBeGreaterThanOrEqual(2);
      // Each cell says what it holds (tooltip and accessible text), and the legend reads the classes.
      await expect(map.locator(`[data-h3="${here}"] title`).textContent()).resolves.toMatch(
        /^\d+ 件（在办 \d+，超期 \d+）$/,
      );
      await map.getByTestId('hex-legend').getByText('每格案件数').waitFor();
      await expect(
        map.getByRole('img', { name: /辖区案件分布六边形热力图：\d+ 个网格有案件/ }).count(),
      ).resolves.toBe(1);
      // The district drawn under them: its imported boundaries, or its box before any import.
      const areas = (await (await fetch(`${baseUrl}/api/geo/areas`)).json()) as { features: unknown[] };
      if (areas.features.length > 0)
        await expect(map.locator('path.area').count()).resolves.toBeGreaterThan(0);
      else await map.getByTestId('map-bounds').waitFor();
      // No basemap configured: no tile, and no request for one.
      await expect(map.getByTestId('map-tile').count()).resolves.toBe(0);
      expect(tileRequests).toEqual([]);
      expect(await axeFindings(page, '[data-testid="panel-map"]')).toEqual([]);
      await screenshot(page, 'cockpit-map-offline');
    });
  });

  it('draws the basemap tiles under the cells when a tile URL is configured', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      // The server's real /api/config with a tile URL as MAP_TILE_URL would set it, pointing at the
      // test's own tile server.
      await page.route('**/api/config', async (route) => {
        const res = await route.fetch();
        const json = (await res.json()) as { map: Record<string, unknown> };
        json.map.tileUrl = `${tileBase}/{z}/{x}/{y}.png`;
        json.map.attribution = '© 测试底图';
        await route.fulfill({ response: res, json });
      });
      const before = served.length;
      await openCockpit(page);
      const map = page.getByTestId('panel-map');
      await map.getByTestId('map-tile').first().waitFor();
      await map.getByTestId('hex-cell').first().waitFor();
      await map.getByText('© 测试底图').waitFor();
      await expect.poll(() => served.length).toBeGreaterThan(before);
      expect(served.slice(before).every((p) => /^\/\d+\/\d+\/\d+\.png$/.test(p))).toBe(true);
      // Tiles first in the drawing, the cells over them.
      const order = await map
        .locator('svg')
        .first()
        .evaluate((svg) => {
          const kids = Array.from(svg.children);
          const tile = kids.findIndex((k) => k.getAttribute('data-testid') === 'map-tile');
          const hexes = kids.findIndex((k) => k.getAttribute('data-testid') === 'hex-layer');
          return { tile, hexes };
        });
      expect(order.tile).toBeGreaterThanOrEqual(0);
      expect(order.hexes).toBeGreaterThan(order.tile);
      expect(await drawnCells(page)).toEqual(await serverCells());
      await screenshot(page, 'cockpit-map-tiles');
    });
  });

  it('follows live events: the counters at once, the cells at most every 10 s, no reload', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      const asked = { geo: 0, summary: 0 };
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path === '/api/metrics/geo') asked.geo += 1;
        if (path === '/api/metrics/summary') asked.summary += 1;
      });
      await openCockpit(page);
      await page.getByText('实时推送中').waitFor();
      const map = page.getByTestId('panel-map');
      await map.getByTestId('hex-cell').first().waitFor();
      await page.evaluate(() => Object.assign(window, { cockpitMarker: 'still here' }));
      const spot = { lon: 116.452, lat: 39.651 }; // a cell with no case yet (亦庄 side)
      const cell = latLngToCell(spot.lat, spot.lon, 7);
      expect((await drawnCells(page)).has(cell)).toBe(false);

      const agent = await staffApi(baseUrl, 'agent');
      const feed = page.getByTestId('live-feed');
      const started = Date.now();
      const geoBefore = asked.geo;
      const summaryBefore = asked.summary;
      // Four cases, each after the cockpit showed the last one (the feed refreshes the counters each time).
      for (const [i, text] of later.entries()) {
        const { case: c } = await agent.file({
          channel: 'hotline',
          text,
          categoryCode: '36-01',
          ...area,
          ...spot,
          reporter: { name: '赵先生', phone: '13912340001' },
        });
        await feed.locator('li[data-action="received"]', { hasText: c.number }).waitFor();
        await expect.poll(() => asked.summary).toBeGreaterThan(summaryBefore + i);
      }
      const elapsed = Date.now() - started;
      // The counters refreshed for every event; the cells at most once per 10 s of it (plus the first).
      expect(asked.summary - summaryBefore).toBeGreaterThanOrEqual(4);
      expect(asked.geo - geoBefore).toBeLessThanOrEqual(Math.floor(elapsed / 10_000) + 1);
      // The last events reach the map when the 10 s are up, still without a reload.
      await map.locator(`[data-h3="${cell}"][data-count="4"]`).waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => (window as { cockpitMarker?: string }).cockpitMarker)).toBe(
        'still here',
      );
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    });
  });
});
