import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, screenshot, withPage as watched, type WatchedPage } from './browser.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every demo user of the seed, with the navigation their role gets. */
const demoUsers = [
  { username: 'agent', role: '话务员', nav: ['首页', '坐席工作台', '案件', '派单'] },
  { username: 'dispatcher', role: '派单员', nav: ['首页', '坐席工作台', '案件', '派单'] },
  { username: 'handler_xhm', role: '承办人', nav: ['首页', '承办', '案件'] },
  { username: 'handler_hc', role: '承办人', nav: ['首页', '承办', '案件'] },
  { username: 'handler_cgw', role: '承办人', nav: ['首页', '承办', '案件'] },
  { username: 'grid_xhm', role: '网格员', nav: ['首页', '承办', '案件'] },
  { username: 'supervisor', role: '督办员', nav: ['首页', '案件', '督办', '驾驶舱'] },
  { username: 'leader', role: '领导', nav: ['首页', '案件', '督办', '驾驶舱'] },
  {
    username: 'admin',
    role: '系统管理员',
    nav: ['首页', '坐席工作台', '案件', '派单', '督办', '驾驶舱', '系统管理'],
  },
  { username: 'citizen', role: '市民', nav: ['首页', '我的诉求'] },
];

const navTexts = (page: Page) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link').allInnerTexts();

const withPage = (fn: (w: WatchedPage) => Promise<void>, expected?: RegExp) =>
  watched(browser, baseUrl, fn, expected);

const roadText =
  '鸿坤广场东门外的人行道路面破损严重，井盖缺失，晚上路灯也不亮，老人小孩经过很危险，希望尽快维修';

/** Files a case from the workbench with the keyboard alone; returns its number (the page ends on its detail). */
async function fileByKeyboard(w: WatchedPage, shot?: string): Promise<string> {
  const { page } = w;
  await page.goto('/workbench');
  // The caller's name has the focus when the workbench opens; the fields follow in speaking order.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wb-caller');
  await page.keyboard.type('李先生');
  await page.keyboard.press('Tab');
  await page.keyboard.type('13912345678');
  await page.keyboard.press('Tab'); // anonymous
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wb-text');
  await page.keyboard.type(roadText);
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wb-address');
  await page.keyboard.type('西红门鸿坤广场东门');
  // live: the address resolves to its street, the text is classified with alternatives
  await page.getByTestId('address-status').getByText('西红门地区').waitFor();
  await page.getByTestId('classification').getByRole('radio').first().waitFor();
  await expect.poll(() => page.getByTestId('classification').getByRole('radio').count()).toBeGreaterThan(2);
  await expect(page.getByTestId('classification').getByRole('radio').first().isChecked()).resolves.toBe(true);
  if (shot) await screenshot(page, shot);
  await page.keyboard.press('Control+Enter');
  await page.waitForURL(/\/cases\/[^/]+$/);
  await page.getByTestId('case-detail').waitFor();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

describe('login and home per role', () => {
  for (const u of demoUsers) {
    it(`${u.username}: logs in, sees the navigation and home of a ${u.role}, logs out`, async () => {
      await withPage(async ({ page }) => {
        await login(page, u.username, DEMO_PASSWORD);
        await expect(page.getByTestId('who').innerText()).resolves.toContain(u.role);
        expect(await navTexts(page)).toEqual(u.nav);
        await page.locator('.stat-value').first().filter({ hasNotText: '…' }).waitFor();
        await screenshot(page, `home-${u.username}`);
        await page.getByRole('button', { name: '退出登录' }).click();
        await page.waitForURL(/\/login$/);
        // the session is over: the console asks for a login again
        await page.goto('/cases');
        await page.waitForURL(/\/login$/);
      });
    });
  }

  it('refuses a wrong password with a message', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('用户名').waitFor();
      // Printed, not asserted (a shared CI machine's timing is no verdict): the issue asks < 2 s.
      const loadMs = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return Math.round(nav.loadEventEnd - nav.startTime);
      });
      console.log(`first load of the console (login page, cold cache): ${loadMs} ms`);
      await screenshot(page, 'login');
      await page.getByLabel('用户名').fill('agent');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('alert').getByText('用户名或密码不正确').waitFor();
    }, /http 401 POST .*\/api\/auth\/login|status of 401/);
  });
});

describe('agent workbench, keyboard only', () => {
  it('files a case without the mouse and lands on its detail with the whole timeline', async () => {
    await withPage(async (w) => {
      await login(w.page, 'agent', DEMO_PASSWORD);
      const number = await fileByKeyboard(w, 'workbench');
      const { page } = w;
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(number);
      const timeline = page.getByTestId('timeline');
      await timeline.getByText('受理', { exact: true }).waitFor();
      await timeline.getByText('派单', { exact: true }).waitFor();
      await timeline.getByText(roadText).waitFor();
      await expect(page.getByTestId('deadlines').innerText()).resolves.toMatch(/剩余/);
      await screenshot(page, 'case-detail-agent');
      // agents do not see the audit trail
      await expect(page.getByTestId('audit').count()).resolves.toBe(0);
    });
  });

  it('shows the open case a second caller repeats while typing, and joins the call to it in one click', async () => {
    await withPage(async (w) => {
      await login(w.page, 'agent', DEMO_PASSWORD);
      const first = await fileByKeyboard(w);
      const { page } = w;
      await page.goto('/workbench');
      await page.getByLabel('来电内容').fill(roadText);
      const candidate = page.getByTestId('similar').getByRole('listitem').filter({ hasText: first });
      await candidate.waitFor();
      await screenshot(page, 'workbench-similar');
      // one click joins the call to the open case (并案): its detail shows both callers' reports
      await candidate.getByRole('button', { name: '并入此案' }).click();
      await page.waitForURL(new RegExp(`/cases/${first}$`));
      await expect.poll(() => page.getByTestId('timeline').locator('li.report').count()).toBe(2);
      await screenshot(page, 'case-detail-merged');
    });
  });
});

describe('agent workbench, consultations', () => {
  it('answers a consultation at intake (直接办结) from the keyboard', async () => {
    await withPage(async ({ page }) => {
      await login(page, 'agent', DEMO_PASSWORD);
      await page.goto('/workbench');
      await page.getByLabel('来电内容').focus();
      await page.keyboard.type('请问大兴区办理居住证需要准备哪些材料？在哪里办理？');
      await page.getByLabel('诉求类型').focus();
      await page.keyboard.press('ArrowDown'); // 咨询
      await expect(page.getByLabel('诉求类型').inputValue()).resolves.toBe('consultation');
      await page.getByLabel('答复内容').focus();
      await page.keyboard.type('携带身份证和居住登记凭证到居住地派出所办理。');
      await page.getByTestId('classification').getByRole('radio').nth(1).waitFor();
      await screenshot(page, 'workbench-consultation');
      await page.keyboard.press('Control+Enter');
      await page.waitForURL(/\/cases\/[^/]+$/);
      await page.getByTestId('timeline').getByText('直接答复', { exact: true }).waitFor();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('已办结');
    });
  });
});

describe('agent workbench, map pick', () => {
  it('sets the report’s coordinates from a point picked on the map', async () => {
    await withPage(async ({ page }) => {
      await login(page, 'agent', DEMO_PASSWORD);
      await page.goto('/workbench');
      await page
        .getByLabel('来电内容')
        .fill('兴华大街公交站台的顶棚玻璃碎了一块，碎片掉在候车区，等车的人很容易被划伤');
      await page.getByRole('button', { name: '在地图上选点' }).click();
      const map = page.getByRole('application', { name: /事发位置地图/ });
      await map.click(); // the middle of the district
      const picked = page.getByTestId('map-picked');
      await expect.poll(() => picked.innerText()).toMatch(/东经 [\d.]+，北纬 [\d.]+/);
      const [lon, lat] = /东经 ([\d.]+)，北纬 ([\d.]+)/
        .exec(await picked.innerText())!
        .slice(1)
        .map(Number);
      // the point alone is read like an address: the status line answers for it
      await expect.poll(() => page.getByTestId('address-status').innerText()).not.toBe('');
      await screenshot(page, 'workbench-map-pick');
      await page.getByTestId('submit').click();
      await page.waitForURL(/\/cases\/[^/]+$/);
      const number = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      // the filed case holds the picked point, and its detail draws it
      const filed = await page.evaluate(async (n) => {
        const res = await fetch(`/api/cases/${encodeURIComponent(n)}`, {
          headers: { authorization: `Bearer ${localStorage.getItem('zhicheng.token')}` },
        });
        return ((await res.json()) as { case: { lon: number | null; lat: number | null } }).case;
      }, number);
      expect(filed.lon).toBeCloseTo(lon!, 4);
      expect(filed.lat).toBeCloseTo(lat!, 4);
      await page.getByTestId('case-detail').getByTestId('map-point').waitFor();
    });
  });
});

describe('cases', () => {
  it('lists cases by status and opens one with its audit trail for a supervisor', async () => {
    await withPage(async ({ page }) => {
      await login(page, 'supervisor', DEMO_PASSWORD);
      await page.goto('/cases');
      await page.getByTestId('case-table').waitFor();
      await page.getByTestId('status-filter').selectOption('dispatched');
      await page.waitForURL(/status=dispatched/);
      const rows = page.getByTestId('case-table').locator('tbody tr');
      // The unfiltered rows stay on screen until the filtered list arrives: wait for it.
      const statuses = () => rows.locator('.badge[class*="status-"]').allInnerTexts();
      await expect
        .poll(async () => {
          const all = await statuses();
          return all.length > 0 && all.every((s) => s === '已派单');
        })
        .toBe(true);
      await screenshot(page, 'case-list-supervisor');
      await rows.first().getByRole('link').click();
      await page.getByTestId('audit').getByText('case.received').waitFor();
      await screenshot(page, 'case-detail-supervisor');
    });
  });

  it('keeps a street handler to its own street’s cases (the server’s scope)', async () => {
    // A case in 西红门 (filed by the workbench tests) is invisible to 黄村's handler.
    let number = '';
    await withPage(async (w) => {
      await login(w.page, 'agent', DEMO_PASSWORD);
      await w.page.goto('/cases?q=' + encodeURIComponent('鸿坤广场东门'));
      number = await w.page.getByTestId('case-table').locator('tbody tr a').first().innerText();
    });
    await withPage(async ({ page }) => {
      await login(page, 'handler_hc', DEMO_PASSWORD);
      await page.goto('/cases?q=' + encodeURIComponent('鸿坤广场东门'));
      await page.getByText('没有符合条件的案件').waitFor();
      await page.goto(`/cases/${number}`);
      await page.getByText('案件不存在或不在您的权限范围内').waitFor();
      await screenshot(page, 'case-out-of-scope');
    }, /404/);
  });
});

describe('language', () => {
  it('switches zh-CN ↔ English, keeps the choice across reloads, and sets <html lang>', async () => {
    await withPage(async ({ page }) => {
      await login(page, 'dispatcher', DEMO_PASSWORD);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await page.getByTestId('language').selectOption('en');
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Cases' })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await page.reload();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.goto('/workbench');
      await page.getByLabel('What the caller says').waitFor();
      await screenshot(page, 'workbench-en');
      await page.goto('/cases');
      await page.getByRole('heading', { name: 'Cases' }).waitFor();
      await screenshot(page, 'case-list-en');
      await page.getByTestId('language').selectOption('zh-CN');
      await page.getByRole('heading', { name: '案件' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    });
  });
});
