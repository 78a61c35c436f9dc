import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  screenshot,
  withPhone as withPhoneAt,
  type WatchedPage,
} from './browser.js';
import { makePng, staffApi } from './fixtures.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Where the phone says it is: inside 大兴 (西红门). */
const HERE = { longitude: 116.3301, latitude: 39.7889 };

const withPhone = (fn: (w: WatchedPage) => Promise<void>, expected?: RegExp) =>
  withPhoneAt(browser, baseUrl, HERE, fn, expected);

/** Nothing wider than the phone: the page never scrolls sideways. */
async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

// ---- staff, through the API (the portal's other side) ----

interface Staff {
  token: string;
  unitId: number | null;
}
async function staffLogin(username: string): Promise<Staff> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const body = (await res.json()) as { token: string; user: { unit: { id: number } | null } };
  return { token: body.token, unitId: body.user.unit?.id ?? null };
}

interface StaffCase {
  case: {
    status: string;
    version: number;
    lon: number | null;
    lat: number | null;
    address: string | null;
    channel: string;
  };
  reports: Array<{
    text: string;
    anonymous: boolean;
    reporter: { phone: string | null };
    evaluation: { solved: boolean | null; satisfaction: string | null; comment: string | null } | null;
  }>;
  attachments: Array<{ fileName: string; mimeType: string; size: number }>;
  timeline: Array<{ action: string; reason: string | null }>;
}
async function staffCase(staff: Staff, number: string): Promise<StaffCase> {
  const res = await fetch(`${baseUrl}/api/cases/${encodeURIComponent(number)}`, {
    headers: { authorization: `Bearer ${staff.token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as StaffCase;
}
async function staffStep(staff: Staff, number: string, action: string, body: Record<string, unknown> = {}) {
  const { version } = (await staffCase(staff, number)).case;
  const res = await fetch(`${baseUrl}/api/cases/${encodeURIComponent(number)}/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ version, ...body }),
  });
  expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
}

/**
 * 派单 → 签收 → 联系 → 办结 → 核查, by the dispatcher (who classifies the case when the citizen did
 * not), the 西红门 handler and the supervisor.
 */
async function resolveAndVerify(number: string, result: string) {
  const { code } = await serviceCode();
  const [dispatcher, handler, supervisor] = await Promise.all([
    staffLogin('dispatcher'),
    staffLogin('handler_xhm'),
    staffLogin('supervisor'),
  ]);
  await staffStep(dispatcher, number, 'dispatch', { leadUnitId: handler.unitId, categoryCode: code });
  await staffStep(handler, number, 'accept');
  await staffStep(handler, number, 'contact', { note: '已电话联系反映人' });
  await staffStep(handler, number, 'resolve', { result });
  await staffStep(supervisor, number, 'verify', { passed: true });
}

/** A leaf category the public form offers, preferably 占道经营. */
async function serviceCode(): Promise<{ code: string; name: string }> {
  const res = await fetch(`${baseUrl}/api/public/services`);
  const { items } = (await res.json()) as { items: Array<{ code: string; name: string }> };
  expect(items.length).toBeGreaterThan(0);
  return items.find((s) => s.name.includes('占道')) ?? items[0]!;
}

/** Opens the tracking view with the number and the phone's last four digits. */
async function trackByPhone(page: Page, number: string, last4: string) {
  await page.goto('/portal/track');
  await page.getByLabel('受理编号').fill(number);
  await page.getByLabel('手机号后四位', { exact: true }).fill(last4);
  await page.getByRole('button', { name: '查询', exact: true }).tap();
}

const PHONE = '13812345678';
const ROAD =
  '西红门宏福路与欣荣大街路口东北角人行道上有人长期占道摆摊卖水果，垃圾堆在路边，行人只能走机动车道';

let first: { number: string; code: string } | undefined;

describe('citizen portal on a phone', () => {
  it('files a report with a photo and a location, without login, and shows the receipt', async () => {
    const service = await serviceCode();
    await withPhone(async ({ page }) => {
      await page.goto('/portal');
      await page.getByRole('heading', { name: '我要反映' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/portal'); // no login wall
      await page.getByRole('option', { name: service.name }).waitFor({ state: 'attached' });
      await fitsThePhone(page);
      await screenshot(page, 'portal-report');

      // Sending the empty form marks what is missing, in words, and moves the focus there.
      await page.getByRole('button', { name: '提交反映' }).tap();
      await page.getByText('还有 4 处需要填写').waitFor();
      await expect(page.getByLabel(/问题描述/).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await screenshot(page, 'portal-report-invalid');

      await page.getByLabel('问题类别').selectOption(service.code);
      await page.getByLabel(/问题描述/).fill(ROAD);
      await page.getByLabel('详细地址').fill('西红门镇宏福路与欣荣大街路口');

      // The district map: it fits the phone, a tap places the pin, "use my location" moves it to the
      // phone's position.
      const map = page.getByRole('application', { name: /在图上选点/ });
      await map.waitFor();
      const box = (await map.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.height).toBeLessThan(844 / 2);
      await map.tap({ position: { x: box.width / 2 - 30, y: box.height / 2 - 30 } });
      await page.getByTestId('map-pin').waitFor();
      await expect(page.getByTestId('map-picked').innerText()).resolves.toMatch(
        /已选位置：东经 116\.\d+，北纬 39\.\d+/,
      );
      // The zoom buttons are finger-sized.
      const zoomIn = page.getByRole('button', { name: '放大' });
      expect((await zoomIn.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await zoomIn.tap();
      await page.getByTestId('map-pin').waitFor();
      await page.getByRole('button', { name: '使用我的位置' }).tap();
      await page.getByTestId('map-picked').getByText('已选位置：东经 116.33010，北纬 39.78890').waitFor();

      // A photo from the gallery, previewed (the preview really decodes the image).
      await page
        .getByLabel('从相册选择')
        .setInputFiles({ name: 'stall.png', mimeType: 'image/png', buffer: makePng(96, 64) });
      const preview = page.getByRole('img', { name: '照片 1：stall.png' });
      await preview.waitFor();
      await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
      // Removing and adding again: the remove button works.
      await page.getByRole('button', { name: '删除照片 1' }).tap();
      await expect.poll(() => preview.count()).toBe(0);
      await page
        .getByLabel('从相册选择')
        .setInputFiles({ name: 'stall.png', mimeType: 'image/png', buffer: makePng(96, 64) });
      await preview.waitFor();

      await page.getByLabel(/手机号码/).fill(PHONE);
      await page.getByLabel('称呼（选填）').fill('王女士');
      await page.getByLabel('我已阅读并同意隐私声明').check();
      await expect(page.getByText(/还有 \d 处需要填写/).count()).resolves.toBe(0);
      await fitsThePhone(page);
      await screenshot(page, 'portal-report-filled');
      const submit = page.getByRole('button', { name: '提交反映' });
      expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await submit.tap();

      const receipt = page.getByTestId('receipt');
      await receipt.getByRole('heading', { name: /提交成功/ }).waitFor();
      const number = (await page.getByTestId('case-number').innerText()).trim();
      const code = (await page.getByTestId('tracking-code').innerText()).trim();
      expect(number).toMatch(/\d/);
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await receipt.getByText('已上传照片 1 张').waitFor();
      await page.getByRole('button', { name: '复制查询码' }).tap();
      await receipt.getByRole('button', { name: '复制查询码' }).getByText('已复制').waitFor();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(code);
      await fitsThePhone(page);
      await screenshot(page, 'portal-receipt');
      first = { number, code };

      // What the city received: the text, the address, the phone's point and the photo.
      const staff = await staffCase(await staffLogin('dispatcher'), number);
      expect(staff.case.channel).toBe('web');
      expect(staff.case.lon).toBeCloseTo(HERE.longitude, 6);
      expect(staff.case.lat).toBeCloseTo(HERE.latitude, 6);
      expect(staff.case.address).toBe('西红门镇宏福路与欣荣大街路口');
      expect(staff.reports[0]!.text).toBe(ROAD);
      expect(staff.attachments).toEqual([
        expect.objectContaining({ fileName: 'stall.png', mimeType: 'image/png' }),
      ]);

      // On to tracking from the receipt: the number and code come along, the lookup runs at once.
      await page.getByRole('link', { name: '查询办理进度' }).tap();
      const view = page.getByTestId('tracking');
      await view.getByRole('heading', { name: `诉求 ${number}` }).waitFor();
      // Received, or dispatched already when the classifier was sure (portal reports get smart dispatch).
      const label = { received: '已受理', dispatched: '已派单' }[
        staff.case.status as 'received' | 'dispatched'
      ];
      expect(label).toBeDefined();
      await view.getByTestId('tracking-status').getByText(label).waitFor();
      await view.getByTestId('public-timeline').getByText('诉求已受理').waitFor();
      await view.getByText(ROAD).waitFor();
      await fitsThePhone(page);
      await screenshot(page, 'portal-track');
    });
  });

  it('offers public answers while the citizen describes the problem; one settles it without a report', async () => {
    const admin = await staffApi(baseUrl, 'admin');
    type Listed = { items: Array<{ id: number; title: string; helpfulCount: number }> };
    const dogs = async () =>
      (await admin.get<Listed>(`/api/knowledge/articles?q=${encodeURIComponent('养犬')}`)).items.find(
        (a) => a.title === '养犬登记和年检',
      )!;
    const before = await dogs();
    const cases = async () => (await admin.get<{ total: number }>('/api/cases?pageSize=1')).total;
    const casesBefore = await cases();
    await withPhone(async ({ page }) => {
      await page.goto('/portal');
      await page.getByLabel(/问题描述/).fill('家里养的狗要去哪里办狗证，一年交多少钱');
      const offered = page.getByTestId(`selfhelp-${before.id}`);
      await offered.waitFor();
      await expect(
        page.getByRole('heading', { name: '这些答复也许能解决您的问题' }).isVisible(),
      ).resolves.toBe(true);
      await offered.locator('summary').tap();
      await expect(offered.getByText(/犬/).first().isVisible()).resolves.toBe(true);
      await fitsThePhone(page);
      await screenshot(page, 'portal-selfhelp');
      await offered.getByRole('button', { name: '这解决了我的问题，不用提交了' }).tap();
      await page.getByTestId('selfhelp-done').waitFor();
      await screenshot(page, 'portal-selfhelp-done');
    });
    expect((await dogs()).helpfulCount).toBe(before.helpfulCount + 1);
    expect(await cases()).toBe(casesBefore);
  });

  it('tracks with the phone’s last four digits; a wrong proof is told plainly, with its code', async () => {
    expect(first).toBeDefined();
    await withPhone(async ({ page }) => {
      await trackByPhone(page, first!.number, '0000');
      const error = page.getByTestId('portal-error');
      await error.getByText('未找到匹配的诉求').waitFor();
      await expect(error.getAttribute('data-code')).resolves.toBe('case_not_found');
      await error.getByText('错误代码：case_not_found').waitFor();
      await screenshot(page, 'portal-track-not-found');

      await page.getByLabel('手机号后四位', { exact: true }).fill(PHONE.slice(-4));
      await page.getByRole('button', { name: '查询', exact: true }).tap();
      await page
        .getByTestId('tracking')
        .getByRole('heading', { name: `诉求 ${first!.number}` })
        .waitFor();
      // Not resolved yet: nothing to rate or reopen.
      await expect(page.getByTestId('rate-form').count()).resolves.toBe(0);
      await expect(page.getByTestId('reopen-form').count()).resolves.toBe(0);
    }, /(http 404 POST|status of 404).*\/api\/public\/cases\/.*\/track/);
  });

  it('rates the answer once the city has resolved and verified the case', async () => {
    expect(first).toBeDefined();
    const number = first!.number;
    const result = '城管执法队已劝离占道摊贩，清理了路边垃圾，并安排每日巡查';
    await resolveAndVerify(number, result);
    await withPhone(async ({ page }) => {
      await trackByPhone(page, number, PHONE.slice(-4));
      const view = page.getByTestId('tracking');
      await view.getByTestId('tracking-status').getByText('已核查').waitFor();
      await view.getByTestId('answer').getByText(result).waitFor();
      await view.getByTestId('public-timeline').getByText('承办单位已办结').waitFor();

      const form = page.getByTestId('rate-form');
      // Sending without a choice says what is missing.
      await form.getByRole('button', { name: '提交评价' }).tap();
      await form.getByText('请选择是否解决和满意程度').waitFor();
      await form.getByRole('radio', { name: '已解决' }).check();
      await form.getByRole('radio', { name: '满意', exact: true }).check();
      await form.getByLabel('意见和建议（选填）').fill('处理很及时，谢谢');
      await fitsThePhone(page);
      await screenshot(page, 'portal-rate');
      await form.getByRole('button', { name: '提交评价' }).tap();

      await page.getByRole('status').getByText('感谢您的评价').waitFor();
      await view.getByTestId('evaluation').getByText('已解决 · 满意 · 处理很及时，谢谢').waitFor();
      await expect(form.count()).resolves.toBe(0);
      await view.getByTestId('tracking-status').getByText('已回访').waitFor();
      await screenshot(page, 'portal-rated');
    });
    const staff = await staffCase(await staffLogin('supervisor'), number);
    expect(staff.case.status).toBe('evaluated');
    expect(staff.reports[0]!.evaluation).toMatchObject({
      solved: true,
      satisfaction: 'satisfied',
      comment: '处理很及时，谢谢',
    });
  });

  it('an anonymous reporter rates unsatisfied and asks for a reopen with the tracking code', async () => {
    let number = '';
    let code = '';
    await withPhone(async ({ page }) => {
      await page.goto('/portal');
      await page.getByLabel(/问题描述/).fill('黄村西大街公交站旁的路灯连续一周晚上不亮，行人看不清台阶');
      await page.getByLabel('详细地址').fill('黄村西大街公交站');
      await page.getByLabel('匿名反映（不留姓名和电话）').check();
      await expect(page.getByLabel(/手机号码/).count()).resolves.toBe(0);
      await page.getByLabel('我已阅读并同意隐私声明').check();
      await page.getByRole('button', { name: '提交反映' }).tap();
      await page.getByTestId('receipt').getByText('查询码是查询进度的唯一凭证').waitFor();
      number = (await page.getByTestId('case-number').innerText()).trim();
      code = (await page.getByTestId('tracking-code').innerText()).trim();
      await screenshot(page, 'portal-receipt-anonymous');
    });
    const staff0 = await staffCase(await staffLogin('dispatcher'), number);
    expect(staff0.reports[0]).toMatchObject({ anonymous: true, reporter: { phone: null } });
    expect(staff0.attachments).toEqual([]);

    await resolveAndVerify(number, '已更换灯泡');
    await withPhone(async ({ page }) => {
      await page.goto('/portal/track');
      await page.getByLabel('受理编号').fill(number);
      await page.getByRole('radio', { name: '用查询码' }).check();
      await page.getByLabel('查询码', { exact: true }).fill(code.toLowerCase()); // typed back in any case
      await page.getByRole('button', { name: '查询', exact: true }).tap();
      const view = page.getByTestId('tracking');
      const rate = page.getByTestId('rate-form');
      await rate.getByRole('radio', { name: '未解决' }).check();
      await rate.getByRole('radio', { name: '不满意' }).check();
      await rate.getByRole('button', { name: '提交评价' }).tap();
      await page.getByRole('status').getByText('您对结果不满意，可以在下方申请重办').waitFor();

      const reopen = page.getByTestId('reopen-form');
      await reopen.getByText(/可在 .+ 前申请重办/).waitFor();
      await reopen.getByRole('button', { name: '申请重办' }).tap();
      await reopen.getByText('请填写重办原因').waitFor();
      await reopen.getByLabel(/重办原因/).fill('换了灯泡第二天又不亮了，应该是线路问题');
      await fitsThePhone(page);
      await screenshot(page, 'portal-reopen');
      await reopen.getByRole('button', { name: '申请重办' }).tap();
      await page.getByRole('status').getByText('已申请重办').waitFor();
      await view.getByTestId('public-timeline').getByText('已重新办理').waitFor();
      await expect(reopen.count()).resolves.toBe(0);
      await screenshot(page, 'portal-reopened');
    });
    const staff = await staffCase(await staffLogin('supervisor'), number);
    expect(staff.case.status).not.toBe('evaluated');
    expect(staff.timeline.find((e) => e.action === 'reopen')?.reason).toBe(
      '换了灯泡第二天又不亮了，应该是线路问题',
    );
  });

  it('in English, five wrong proofs lock the case number and the portal says so', async () => {
    const res = await fetch(`${baseUrl}/api/public/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: '观音寺街道某小区门口井盖松动',
        address: '观音寺街道',
        contact: { phone: '13900004321' },
        consent: true,
        privacyNoticeVersion: '2026-12',
      }),
    });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    await withPhone(async ({ page }) => {
      await page.goto('/portal/track');
      await page.getByLabel('语言').selectOption('en');
      await page.getByRole('heading', { name: 'Track a request' }).waitFor();
      await page.getByLabel('Case number').fill(caseNumber);
      const last4 = page.getByLabel('Last four digits of your phone');
      const error = page.getByTestId('portal-error');
      for (let i = 0; i < 5; i++) {
        await last4.fill(String(1000 + i));
        await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/track')),
          page.getByRole('button', { name: 'Track', exact: true }).tap(),
        ]);
        await error.getByText('No matching request').waitFor();
        await expect(error.getAttribute('data-code')).resolves.toBe('case_not_found');
      }
      // The right digits now are refused as well: the number is locked.
      await last4.fill('4321');
      await page.getByRole('button', { name: 'Track', exact: true }).tap();
      await error.getByText('Too many failed attempts: this case number is locked for 15 minutes.').waitFor();
      await expect(error.getAttribute('data-code')).resolves.toBe('rate_limited');
      await fitsThePhone(page);
      await screenshot(page, 'portal-track-locked-en');
    }, /(http (404|429) POST|status of (404|429)).*\/api\/public\/cases\/.*\/track/);
  });

  it('switches language and works from the keyboard: the pin moves with the arrow keys', async () => {
    await withPhone(async ({ page }) => {
      await page.goto('/portal');
      await page.getByRole('heading', { name: '我要反映' }).waitFor();
      await page.getByLabel('语言').selectOption('en');
      await page.getByRole('heading', { name: 'Report a problem' }).waitFor();
      await page
        .getByRole('navigation', { name: 'Citizen services' })
        .getByRole('link', { name: 'Track a request' })
        .waitFor();

      const picker = page.getByRole('application', { name: /Pick a point/ });
      await picker.focus();
      await page.keyboard.press('Enter'); // the centre of the map
      const value = page.getByTestId('map-picked');
      const read = async () => {
        const m = /([\d.]+) E, ([\d.]+) N/.exec(await value.innerText());
        return m ? [Number(m[1]), Number(m[2])] : null;
      };
      await expect.poll(read).not.toBeNull();
      const centre = (await read())!;
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await read())![0]).toBeGreaterThan(centre[0]!);
      expect((await read())![1]).toBeCloseTo(centre[1]!, 4);
      // Shift+↑ takes five steps north: further than one step east went.
      const east = (await read())!;
      await page.keyboard.press('Shift+ArrowUp');
      await expect.poll(async () => (await read())![1]).toBeGreaterThan(centre[1]!);
      const north = (await read())!;
      expect(north[1]! - east[1]!).toBeGreaterThan(
        2 * (east[0]! - centre[0]!) * Math.cos((centre[1]! * Math.PI) / 180),
      );
      await page.getByTestId('map-pin').waitFor();
      // Clearing from the keyboard: the button before the map.
      await page.getByRole('button', { name: 'Clear location' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('map-pin').count()).toBe(0);
      await expect(value.innerText()).resolves.toBe('');

      // The consent box ticks from the keyboard.
      await page.getByLabel('I have read and accept the privacy notice').focus();
      await page.keyboard.press('Space');
      await expect(page.getByLabel('I have read and accept the privacy notice').isChecked()).resolves.toBe(
        true,
      );
      await fitsThePhone(page);
      await screenshot(page, 'portal-report-en');

      // Tracking without touching the screen: number, Tab over the proof choice, the digits, Enter.
      expect(first).toBeDefined();
      await page.getByRole('link', { name: 'Track a request' }).focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Case number').focus();
      await page.keyboard.type(first!.number);
      await page.keyboard.press('Tab');
      await expect
        .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).type))
        .toBe('radio');
      await page.keyboard.press('Tab');
      await page.keyboard.type(PHONE.slice(-4));
      await page.keyboard.press('Enter');
      await page
        .getByTestId('tracking')
        .getByRole('heading', { name: `Request ${first!.number}` })
        .waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('portal-view-heading');
    });
  });

  it('is a centred column on a desktop screen as well', async () => {
    const w = await openPage(browser, baseUrl);
    try {
      await w.page.goto('/portal');
      await w.page.getByRole('heading', { name: '我要反映' }).waitFor();
      const box = (await w.page.locator('main').boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(600);
      expect(box.x).toBeGreaterThan(300);
      await screenshot(w.page, 'portal-desktop');
    } finally {
      await w.page.context().close();
    }
    expect(w.unexpected(), 'console errors, page errors or failed requests').toEqual([]);
  });
});
