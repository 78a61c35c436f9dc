import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, openPage, screenshot } from './browser.js';
import { staffApi } from './fixtures.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Rates = Record<'responseRate' | 'solveRate' | 'satisfactionRate', number | null>;
interface Summary {
  total: { counts: { dispatched: number }; rates: Rates };
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`).locator('.kpi-value');

describe('cockpit (驾驶舱)', () => {
  it('follows a case through the loop live: feed, counters and 三率 change without a reload', async () => {
    const w = await openPage(browser, baseUrl);
    const { page } = w;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await login(page, 'leader', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '驾驶舱' }).click();
    await page.waitForURL(/\/cockpit$/);
    await page.getByRole('heading', { name: '城市运行驾驶舱' }).waitFor();
    await page.getByText('实时推送中').waitFor();

    const leader = await staffApi(baseUrl, 'leader');
    const before = await leader.get<Summary>('/api/metrics/summary');
    await expect.poll(() => kpi(page, 'dispatched').innerText()).toBe(String(before.total.counts.dispatched));
    await expect
      .poll(() => kpi(page, 'satisfactionRate').innerText())
      .toBe(pct(before.total.rates.satisfactionRate));
    // Marks this document: a reload or a navigation would lose it.
    await page.evaluate(() => Object.assign(window, { cockpitMarker: 'still here' }));

    // Meanwhile, at the hotline, in the street and at the supervision centre:
    const agent = await staffApi(baseUrl, 'agent');
    const dispatcher = await staffApi(baseUrl, 'dispatcher');
    const handler = await staffApi(baseUrl, 'handler_xhm');
    const supervisor = await staffApi(baseUrl, 'supervisor');
    let { case: c } = await agent.file({
      channel: 'hotline',
      text: '西红门鸿坤广场东门外的人行道路面破损严重，老人小孩经过很危险，希望尽快维修',
      categoryCode: '36-01',
      address: '西红门鸿坤广场东门',
      lon: 116.331,
      lat: 39.789,
      reporter: { name: '李先生', phone: '13912345678' },
    });
    const feed = page.getByTestId('live-feed');
    const entry = (action: string) => feed.locator(`li[data-action="${action}"]`, { hasText: c.number });
    await entry('received').waitFor();
    c = await dispatcher.act(c, 'dispatch', { leadUnitId: handler.unitId });
    await entry('dispatch').waitFor();
    await expect
      .poll(() => kpi(page, 'dispatched').innerText())
      .toBe(String(before.total.counts.dispatched + 1));
    c = await handler.act(c, 'accept');
    c = await handler.act(c, 'contact', { note: '已电话联系李先生' });
    c = await handler.act(c, 'resolve', { result: '已修复破损路面' });
    c = await supervisor.act(c, 'verify', { passed: true });
    // 'satisfied' moves the satisfaction rate unless it already stands at 100 %; then the opposite does.
    const satisfaction = before.total.rates.satisfactionRate === 1 ? 'unsatisfied' : 'satisfied';
    c = await agent.act(c, 'evaluate', { solved: true, satisfaction });

    for (const [action, label] of [
      ['received', '受理'],
      ['dispatch', '派单'],
      ['accept', '签收'],
      ['contact', '联系诉求人'],
      ['resolve', '办结'],
      ['verify', '核查'],
      ['evaluate', '回访评价'],
    ]) {
      await expect(entry(action!).locator('.action').innerText()).resolves.toBe(label);
    }
    const after = await leader.get<Summary>('/api/metrics/summary');
    expect(after.total.rates.satisfactionRate).not.toBe(before.total.rates.satisfactionRate);
    await expect
      .poll(() => kpi(page, 'satisfactionRate').innerText())
      .toBe(pct(after.total.rates.satisfactionRate));
    await expect.poll(() => kpi(page, 'responseRate').innerText()).toBe(pct(after.total.rates.responseRate));
    await expect.poll(() => kpi(page, 'solveRate').innerText()).toBe(pct(after.total.rates.solveRate));
    // the street's row in the unit ranking and the case's cell on the map came with it
    await page.getByTestId('unit-ranking').getByRole('rowheader', { name: '西红门地区' }).waitFor();
    await page
      .getByTestId('panel-map')
      .getByText(/已定位 [1-9]\d* \//)
      .waitFor();

    expect(await page.evaluate(() => (window as { cockpitMarker?: string }).cockpitMarker)).toBe(
      'still here',
    );
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/cockpit');
    await screenshot(page, 'cockpit');
    expect(w.unexpected(), 'console errors, page errors or failed requests').toEqual([]);
    await page.context().close();
  });

  it('is not for a handler: no menu entry, and the address says so', async () => {
    const w = await openPage(browser, baseUrl);
    const { page } = w;
    await login(page, 'handler_xhm', DEMO_PASSWORD);
    await expect(page.getByRole('link', { name: '驾驶舱' }).count()).resolves.toBe(0);
    await page.goto('/cockpit');
    await page.getByRole('alert').getByText('驾驶舱仅对领导、督办员和系统管理员开放').waitFor();
    expect(w.unexpected()).toEqual([]);
    await page.context().close();
  });
});
