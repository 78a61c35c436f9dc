import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, openPage, openPhone, screenshot, type WatchedPage } from './browser.js';
import { makePng, staffApi } from './fixtures.js';
import { DEMO_PASSWORD } from './server.js';

/**
 * The whole loop through the screens, one role after another, each in its own browser: a citizen
 * reports on a phone with a photo, the dispatcher routes it, the street's handler accepts and
 * resolves it with a photo, the supervisor verifies it, the citizen rates it — and the leader's
 * cockpit, open from the start and never reloaded, shows every step and the new 三率.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Rates {
  responseRate: number | null;
  solveRate: number | null;
  satisfactionRate: number | null;
}
interface Summary {
  total: { counts: { dispatched: number }; rates: Rates };
}

/** Where the citizen's phone says it is: 西红门, inside 大兴. */
const HERE = { longitude: 116.3301, latitude: 39.7889 };
const PHONE = '13698765432';
const TEXT = '西红门宏福苑小区北门外的雨水井盖缺失，已经有电动车差点掉进去，晚上特别危险，请尽快处理';
const RESULT = '已补装雨水井盖并设置警示桩，排水所每周巡查';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** A role's browser: a page watched for console errors, closed at the end of its step. */
async function asRole(
  username: string,
  fn: (page: Page) => Promise<void>,
  options: { phone?: boolean } = {},
): Promise<void> {
  const w: WatchedPage = options.phone
    ? await openPhone(browser, baseUrl, HERE)
    : await openPage(browser, baseUrl);
  try {
    if (username) await login(w.page, username, DEMO_PASSWORD);
    await fn(w.page);
  } finally {
    await w.page.context().close();
  }
  expect(w.unexpected(), `${username || 'citizen'}: console errors or failed requests`).toEqual([]);
}

describe('the whole loop across roles', () => {
  it('citizen → dispatcher → unit → supervisor → citizen, with the cockpit following live', async () => {
    const leaderApi = await staffApi(baseUrl, 'leader');
    const handlerApi = await staffApi(baseUrl, 'handler_xhm');
    const before = await leaderApi.get<Summary>('/api/metrics/summary');

    // The leader's cockpit stays open through the whole loop.
    const cockpit = await openPage(browser, baseUrl);
    const board = cockpit.page;
    await board.setViewportSize({ width: 1920, height: 1080 });
    await login(board, 'leader', DEMO_PASSWORD);
    await board.goto('/cockpit');
    await board.getByText('实时推送中').waitFor();
    await board.evaluate(() => Object.assign(window, { loopMarker: 'never reloaded' }));
    const kpi = (id: string) => board.getByTestId(`kpi-${id}`).locator('.kpi-value');
    await expect.poll(() => kpi('dispatched').innerText()).toBe(String(before.total.counts.dispatched));

    // 1. A citizen reports on the phone, with a photo and the phone's position.
    let number = '';
    let service = '';
    await asRole(
      '',
      async (page) => {
        await page.goto('/portal');
        await page.getByRole('heading', { name: '我要反映' }).waitFor();
        const category = page.getByLabel('问题类别');
        await category.locator('option').nth(1).waitFor({ state: 'attached' });
        service = await category
          .locator('option', { hasText: '井盖' })
          .first()
          .getAttribute('value')
          .then(
            async (v) => v ?? ((await category.locator('option').nth(1).getAttribute('value')) as string),
          );
        await category.selectOption(service);
        await page.getByLabel(/问题描述/).fill(TEXT);
        await page.getByLabel('详细地址').fill('西红门宏福苑小区北门');
        await page.getByRole('button', { name: '使用我的位置' }).tap();
        await page
          .getByText(/东经 116\.33010/)
          .first()
          .waitFor();
        await page
          .getByLabel('从相册选择')
          .setInputFiles({ name: '井盖.png', mimeType: 'image/png', buffer: makePng(96, 64) });
        await page.getByRole('img', { name: '照片 1：井盖.png' }).waitFor();
        await page.getByLabel(/手机号码/).fill(PHONE);
        await page.getByLabel('我已阅读并同意隐私声明').check();
        await page.getByRole('button', { name: '提交反映' }).tap();
        await page
          .getByTestId('receipt')
          .getByRole('heading', { name: /提交成功/ })
          .waitFor();
        number = (await page.getByTestId('case-number').innerText()).trim();
        await screenshot(page, 'loop-1-citizen-receipt');
      },
      { phone: true },
    );
    expect(number).not.toBe('');
    const feed = board.getByTestId('live-feed');
    const entry = (action: string) => feed.locator(`li[data-action="${action}"]`, { hasText: number });
    await entry('received').waitFor();

    // 2. The dispatcher opens it by number and sends it to 西红门's street office.
    await asRole('dispatcher', async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '派单' }).click();
      await page.getByTestId('open-number').fill(number);
      await page.getByRole('button', { name: '打开', exact: true }).click();
      const panel = page.getByTestId('dispatch-panel').and(page.locator(`[aria-label="${number}"]`));
      await panel.waitFor();
      await panel.getByTestId('unit-picker').selectOption(String(handlerApi.unitId));
      await screenshot(page, 'loop-2-dispatcher');
      await panel.getByRole('button', { name: '派单', exact: true }).click();
      await page.getByText(/已派至 西红门/).waitFor();
    });
    await entry('dispatch').waitFor();

    // 3. The street's handler accepts, records the call to the citizen and resolves with a photo.
    await asRole('handler_xhm', async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '承办' }).click();
      const item = page.getByTestId('inbox-item').filter({ hasText: number });
      await item.getByRole('button', { name: '办理此件' }).click();
      const panel = page.getByTestId('inbox-panel');
      await panel.getByRole('button', { name: '签收', exact: true }).click();
      await panel.getByRole('status').getByText('已签收').waitFor();
      await panel.getByRole('button', { name: '记录联系' }).click();
      await panel.getByLabel('联系情况').fill('已电话联系反映人，约定现场查看');
      await panel.getByRole('button', { name: '提交' }).click();
      await panel.getByRole('status').getByText('已记录联系情况').waitFor();
      await panel.getByRole('button', { name: '办结' }).click();
      await panel.getByLabel('办理结果').fill(RESULT);
      await panel
        .getByLabel('现场照片')
        .setInputFiles({ name: '补装后.png', mimeType: 'image/png', buffer: makePng(48, 32) });
      await panel.getByTestId('photos').getByTestId('thumb').waitFor();
      await screenshot(page, 'loop-3-handler');
      await panel.getByRole('button', { name: '提交' }).click();
      await page.getByTestId('inbox-status').getByText(`${number} 已办结`).waitFor();
    });
    await entry('resolve').waitFor();

    // 4. The supervisor verifies the result.
    await asRole('supervisor', async (page) => {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办' }).click();
      await page.getByTestId('supervise-list').locator(`[data-number="${number}"]`).click();
      await page.getByText(RESULT).first().waitFor();
      await page.getByLabel('核查通过').check();
      await page.getByLabel('核查意见').fill('现场复核，井盖已补装');
      await screenshot(page, 'loop-4-supervisor');
      await page.getByRole('button', { name: '提交核查' }).click();
      await page.getByText('已提交核查').waitFor();
    });
    await entry('verify').waitFor();

    // 5. The citizen tracks the case on the phone and rates the answer.
    await asRole(
      '',
      async (page) => {
        await page.goto('/portal/track');
        await page.getByLabel('受理编号').fill(number);
        await page.getByLabel('手机号后四位', { exact: true }).fill(PHONE.slice(-4));
        await page.getByRole('button', { name: '查询', exact: true }).tap();
        const view = page.getByTestId('tracking');
        await view.getByTestId('answer').getByText(RESULT).waitFor();
        const form = page.getByTestId('rate-form');
        await form.getByRole('radio', { name: '已解决' }).check();
        await form.getByRole('radio', { name: '满意', exact: true }).check();
        await form.getByRole('button', { name: '提交评价' }).tap();
        await page.getByRole('status').getByText('感谢您的评价').waitFor();
        await screenshot(page, 'loop-5-citizen-rated');
      },
      { phone: true },
    );

    // 6. The cockpit saw it all, without a reload: every step in the feed, the new 三率.
    for (const action of ['received', 'dispatch', 'accept', 'contact', 'resolve', 'verify', 'evaluate']) {
      await entry(action).waitFor();
    }
    const after = await leaderApi.get<Summary>('/api/metrics/summary');
    expect(after.total.counts.dispatched).toBe(before.total.counts.dispatched + 1);
    await expect.poll(() => kpi('dispatched').innerText()).toBe(String(after.total.counts.dispatched));
    await expect
      .poll(() => kpi('satisfactionRate').innerText())
      .toBe(pct(after.total.rates.satisfactionRate));
    await expect.poll(() => kpi('responseRate').innerText()).toBe(pct(after.total.rates.responseRate));
    await expect.poll(() => kpi('solveRate').innerText()).toBe(pct(after.total.rates.solveRate));
    expect(await board.evaluate(() => (window as { loopMarker?: string }).loopMarker)).toBe('never reloaded');
    expect(await board.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await screenshot(board, 'loop-6-cockpit');
    await board.context().close();
    expect(cockpit.unexpected(), 'cockpit: console errors or failed requests').toEqual([]);

    // What the city holds in the end: one case, the citizen's photo and the handler's, rated.
    const final = await handlerApi.get<{
      case: { status: string; leadUnitId: number | null };
      attachments: Array<{ fileName: string }>;
      reports: Array<{ evaluation: { solved: boolean | null; satisfaction: string | null } | null }>;
    }>(`/api/cases/${encodeURIComponent(number)}`);
    expect(final.case.status).toBe('evaluated');
    expect(final.case.leadUnitId).toBe(handlerApi.unitId);
    expect(final.attachments.map((a) => a.fileName).sort()).toEqual(['井盖.png', '补装后.png'].sort());
    expect(final.reports[0]!.evaluation).toMatchObject({ solved: true, satisfaction: 'satisfied' });
  });
});
