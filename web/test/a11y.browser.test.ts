import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  auditAccessibility,
  expectAccessible,
  launchBrowser,
  login,
  AUDIT_TAGS,
  withPage,
  withPhone,
  type Audit,
} from './browser.js';
import { staffApi, type ApiCase } from './fixtures.js';
import { outOfOrder, tabThrough } from './focus.js';
import { DEMO_PASSWORD } from './server.js';

/**
 * Accessibility (issue 5: labels, focus order, contrast): axe-core audits every screen of the console
 * and the portal with WCAG 2.x A/AA rules and its best practices (landmarks, headings), contrast over
 * gradients and images is measured on the pixels, and the keyboard walks the login and the workbench
 * in visual order with a visible focus ring. A new screen gets its line in `screens` below.
 */

const baseUrl = inject('baseUrl');
let browser: Browser;
const audits: Audit[] = [];

/** Audits the page as it is now, records the audit for the summary, and fails on violations. */
async function audit(page: Page, screen: string): Promise<void> {
  const a = await auditAccessibility(page, screen);
  audits.push(a);
  if (a.measured.length)
    console.log(
      `${screen}, measured on pixels: ` +
        a.measured
          .slice(0, 4)
          .map((m) => `${m.target} ${m.ratio}:1 (≥ ${m.required})`)
          .join(', ') +
        (a.measured.length > 4 ? ` and ${a.measured.length - 4} more` : ''),
    );
  expectAccessible(a);
}

/** Waits for the screen's heading and until no "loading" status is left. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () =>
      !Array.from(document.querySelectorAll('[role="status"]')).some((e) =>
        /加载中|Loading/.test(e.textContent ?? ''),
      ),
  );
}

/** Opens the first case of a work list and waits for its panel. */
async function pickFirst(page: Page, list: string, panel: string): Promise<void> {
  await page.getByTestId(list).locator('[data-number]').first().click();
  await page.getByTestId(panel).waitFor();
}

/** Where the phone says it is: inside 大兴 (西红门). */
const HERE = { longitude: 116.3301, latitude: 39.7889 };

let dispatched: ApiCase;
/** Verified at 督办, waiting for the citizen's rating (reporter phone …2468). */
let verified: ApiCase;

beforeAll(async () => {
  browser = await launchBrowser();
  const [agent, dispatcher, handler, supervisor] = await Promise.all([
    staffApi(baseUrl, 'agent'),
    staffApi(baseUrl, 'dispatcher'),
    staffApi(baseUrl, 'handler_xhm'),
    staffApi(baseUrl, 'supervisor'),
  ]);
  const report = (text: string, extra: object = {}) =>
    agent.file({ channel: 'hotline', text, reporter: { name: '周女士', phone: '13700002468' }, ...extra });
  // One waiting for dispatch, one in the 西红门 inbox, one resolved (督办), one verified (to rate).
  await report('楼下饭店油烟很大，晚上还很吵，孩子上学受影响');
  const toDispatch = async (text: string) => {
    const { case: c } = await report(text, { categoryCode: '31-02', address: '大兴区西红门镇鸿坤广场东门' });
    return dispatcher.act(c, 'dispatch', { leadUnitId: handler.unitId });
  };
  dispatched = await toDispatch('鸿坤广场东门垃圾桶旁暴露垃圾无人清理，气味很大');
  const resolve = async (text: string) => {
    let c = await toDispatch(text);
    c = await handler.act(c, 'accept');
    c = await handler.act(c, 'contact', { note: '已电话联系反映人' });
    return handler.act(c, 'resolve', { result: '已清运垃圾' });
  };
  await resolve('鸿坤广场北门垃圾堆放多日无人清运');
  verified = await supervisor.act(await resolve('鸿坤广场西门垃圾桶满溢无人清理'), 'verify', {
    passed: true,
  });
});

afterAll(async () => {
  await browser?.close();
  const rules = new Set(audits.flatMap((a) => a.rules));
  const violations = audits.reduce((n, a) => n + a.violations.length, 0);
  const measured = audits.flatMap((a) => a.measured);
  const undecided = audits
    .filter((a) => a.undecided.length)
    .map((a) => `${a.screen}: ${a.undecided.join(', ')}`);
  console.log(
    `accessibility: ${audits.length} screens audited (${audits.map((a) => a.screen).join(', ')}); ` +
      `${rules.size} axe rules applied (tags ${AUDIT_TAGS.join(', ')}); ${violations} violations; ` +
      `${measured.length} contrasts over gradients or images measured on pixels (lowest ` +
      `${Math.min(...measured.map((m) => m.ratio / m.required)).toFixed(2)}× the required ratio)` +
      (undecided.length ? `; left to a person (axe undecided): ${undecided.join('; ')}` : ''),
  );
});

/** The staff screens: who opens them, where, and what to wait for before the audit. */
const screens: Array<{ name: string; user: string; path: string; ready?: (page: Page) => Promise<void> }> = [
  {
    name: 'home (agent)',
    user: 'agent',
    path: '/',
    ready: (p) => p.locator('.stat-value').first().waitFor(),
  },
  { name: 'home (citizen)', user: 'citizen', path: '/' },
  { name: 'home (handler)', user: 'handler_xhm', path: '/' },
  { name: 'my cases (citizen)', user: 'citizen', path: '/cases' },
  {
    name: 'case list',
    user: 'supervisor',
    path: '/cases',
    ready: (p) => p.getByTestId('case-table').waitFor(),
  },
  {
    name: 'case detail (supervisor, with audit trail)',
    user: 'supervisor',
    path: '/cases/:dispatched',
    ready: (p) => p.getByTestId('audit').waitFor(),
  },
  {
    name: 'case detail (handler, with actions)',
    user: 'handler_xhm',
    path: '/cases/:dispatched',
    ready: (p) => p.getByTestId('timeline').waitFor(),
  },
  {
    name: 'dispatch queue',
    user: 'dispatcher',
    path: '/dispatch',
    ready: (p) => pickFirst(p, 'dispatch-list', 'dispatch-panel'),
  },
  {
    name: 'inbox',
    user: 'handler_xhm',
    path: '/inbox',
    ready: async (p) => {
      await p.getByTestId('inbox-item').first().getByRole('button').click();
      await p.getByTestId('inbox-panel').waitFor();
    },
  },
  {
    name: 'supervise',
    user: 'supervisor',
    path: '/supervise',
    ready: (p) => pickFirst(p, 'supervise-list', 'supervise-panel'),
  },
  ...['org', 'users', 'categories', 'dispatch', 'open311', 'channels', 'models', 'knowledge'].map((s) => ({
    name: `admin/${s}`,
    user: 'admin',
    path: `/admin/${s}`,
  })),
];

describe('accessibility audit (axe-core, WCAG 2.1 A/AA)', () => {
  it('login, in zh-CN and in English', async () => {
    await withPage(
      browser,
      baseUrl,
      async ({ page }) => {
        await page.goto('/login');
        await page.getByLabel('用户名').waitFor();
        await audit(page, 'login (zh-CN)');
        await page.getByTestId('language').selectOption('en');
        await page.getByLabel('Username').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        await audit(page, 'login (en)');
        await page.getByLabel('Username').fill('agent');
        await page.getByLabel('Password').fill('wrong-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
        await audit(page, 'login (en, wrong password)');
      },
      /http 401 POST .*\/api\/auth\/login|status of 401/,
    );
  });

  it('measures text over a gradient on the pixels, where axe cannot decide (a faint probe fails it)', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('用户名').waitFor();
      await page.evaluate(() => {
        const probe = document.createElement('p');
        probe.id = 'probe';
        probe.textContent = '对比度不足的文字';
        probe.style.cssText = 'background: linear-gradient(90deg, #6e7781, #8c959f); color: #a0a8b0';
        document.querySelector('main')!.append(probe);
      });
      const a = await auditAccessibility(page, 'probe');
      const m = a.measured.find((x) => x.target === '#probe');
      expect(m?.required).toBe(4.5);
      expect(m?.ratio).toBeLessThan(2);
    });
  });

  for (const s of screens) {
    it(s.name, async () => {
      await withPage(browser, baseUrl, async ({ page }) => {
        await login(page, s.user, DEMO_PASSWORD);
        await page.goto(s.path.replace(':dispatched', dispatched.number));
        await settled(page);
        await s.ready?.(page);
        await audit(page, s.name);
      });
    });
  }

  it('workbench with a classification and similar cases, in zh-CN and in English', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'agent', DEMO_PASSWORD);
      await page.goto('/workbench');
      await page.getByLabel('来电内容').fill('鸿坤广场东门垃圾桶旁暴露垃圾无人清理，气味很大');
      await page.getByLabel('事发地址').fill('西红门鸿坤广场东门');
      await page.getByTestId('classification').getByRole('radio').nth(1).waitFor();
      await page.getByTestId('address-status').getByText('西红门地区').waitFor();
      await page.getByTestId('similar').getByRole('listitem').first().waitFor();
      await audit(page, 'workbench (zh-CN)');
      await page.getByTestId('language').selectOption('en');
      await page.getByLabel('What the caller says').waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await audit(page, 'workbench (en)');
      await page.getByRole('button', { name: 'Pick on the map' }).click();
      await page.getByRole('application').click();
      await page.getByTestId('map-picked').waitFor();
      await audit(page, 'workbench (en, map pick)');
    });
  });

  it('cockpit on the big screen (dark)', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await login(page, 'leader', DEMO_PASSWORD);
      await page.goto('/cockpit');
      await page.getByText('实时推送中').waitFor();
      await settled(page);
      await page.locator('.kpi-value').first().waitFor();
      await audit(page, 'cockpit');
      // On a smaller screen the lists outgrow their panels: each must still scroll from the keyboard.
      await page.setViewportSize({ width: 1280, height: 600 });
      await settled(page);
      const scrolling = await page
        .locator('.panel-body')
        .evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).length);
      expect(scrolling).toBeGreaterThan(0);
      await audit(page, 'cockpit (small screen, panels scroll)');
    });
  });

  it('portal on a phone: report form, receipt and tracking', async () => {
    await withPhone(browser, baseUrl, HERE, async ({ page }) => {
      await page.goto('/portal');
      await page.getByRole('heading', { name: '我要反映' }).waitFor();
      await audit(page, 'portal report form');
      await page.getByRole('button', { name: '提交反映' }).tap();
      await page.getByText(/还有 \d+ 处需要填写/).waitFor();
      await audit(page, 'portal report form (with errors)');
      await page.getByLabel(/问题描述/).fill('家里养的狗要去哪里办狗证');
      await page.getByTestId('selfhelp').locator('details').first().waitFor();
      await page.getByTestId('selfhelp').locator('summary').first().tap();
      await audit(page, 'portal report form (self-help answers)');
      await page.getByLabel(/问题描述/).fill('黄村西大街公交站旁的路灯连续一周晚上不亮，行人看不清台阶');
      await page.getByLabel('详细地址').fill('黄村西大街公交站');
      await page.getByLabel('匿名反映（不留姓名和电话）').check();
      await page.getByLabel('我已阅读并同意隐私声明').check();
      await page.getByRole('button', { name: '提交反映' }).tap();
      const receipt = page.getByTestId('receipt');
      await receipt.waitFor();
      await audit(page, 'portal receipt');
      const number = (await page.getByTestId('case-number').innerText()).trim();
      const code = (await page.getByTestId('tracking-code').innerText()).trim();
      await page.goto('/portal/track');
      await page.getByLabel('受理编号').waitFor();
      await audit(page, 'portal track form');
      await page.getByLabel('受理编号').fill(number);
      await page.getByRole('radio', { name: '用查询码' }).check();
      await page.getByLabel('查询码', { exact: true }).fill(code);
      await page.getByRole('button', { name: '查询', exact: true }).tap();
      await page.getByTestId('tracking').getByTestId('public-timeline').waitFor();
      await audit(page, 'portal tracking');
      await page.getByLabel('语言').selectOption('en');
      await page
        .getByRole('heading', { name: /Request/ })
        .first()
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await audit(page, 'portal tracking (en)');
    });
  });

  it('portal on a phone: rating a verified case, then asking for a reopen', async () => {
    await withPhone(browser, baseUrl, HERE, async ({ page }) => {
      await page.goto('/portal/track');
      await page.getByLabel('受理编号').fill(verified.number);
      await page.getByLabel('手机号后四位', { exact: true }).fill('2468');
      await page.getByRole('button', { name: '查询', exact: true }).tap();
      const rate = page.getByTestId('rate-form');
      await rate.getByRole('button', { name: '提交评价' }).tap();
      await rate.getByText('请选择是否解决和满意程度').waitFor();
      await audit(page, 'portal rating (with error)');
      await rate.getByRole('radio', { name: '未解决' }).check();
      await rate.getByRole('radio', { name: '不满意' }).check();
      await rate.getByRole('button', { name: '提交评价' }).tap();
      const reopen = page.getByTestId('reopen-form');
      await reopen.getByRole('button', { name: '申请重办' }).tap();
      await reopen.getByText('请填写重办原因').waitFor();
      await audit(page, 'portal reopen (with error)');
    });
  });
});

describe('focus order and visible focus', () => {
  it('login: Tab goes through the controls in visual order, each with a focus ring', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('用户名').waitFor();
      await page.mouse.click(1, 1); // Tab starts from the top of the page
      const stops = await tabThrough(page, 5);
      expect(stops.map((s) => s.name.split(' ')[0])).toEqual([
        'select',
        'input#username',
        'input#password',
        'button',
        'a',
      ]);
      expect(outOfOrder(stops)).toEqual([]);
      expect(stops.filter((s) => !s.ring).map((s) => s.name)).toEqual([]);
    });
  });

  it('workbench: Tab goes through the form in visual order, each with a focus ring', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'agent', DEMO_PASSWORD);
      await page.goto('/workbench');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wb-caller');
      await page.getByLabel('来电内容').fill('小区门口快递车乱停乱放，堵住消防通道');
      await page.getByTestId('classification').getByRole('radio').first().waitFor();
      await page.getByLabel('来电人姓名').focus();
      const stops = await tabThrough(page, 20);
      console.log(`workbench tab order: ${stops.map((s) => s.name).join(' → ')}`);
      expect(outOfOrder(stops)).toEqual([]);
      expect(stops.filter((s) => !s.ring).map((s) => s.name)).toEqual([]);
    });
  });
});
