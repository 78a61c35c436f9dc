import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, screenshot, withPage } from './browser.js';
import { staffApi } from './fixtures.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
// A title unique to this run, so the file can run against a server other tests also use.
const tag = Date.now().toString(36).slice(-5);
const title = `共享单车乱停放怎么处理 ${tag}`;
const answer =
  '共享单车乱停放可在对应单车App内举报，企业须在2小时内清理；影响通行的，我们派单到属地街道协调。';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2 A/AA violations (axe-core) inside one part of the page, as "rule: nodes" lines. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    type Axe = { run(ctx: string, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    const { axe } = window as unknown as { axe: Axe };
    const r = await axe.run(sel, { runOnly: ['wcag2a', 'wcag2aa'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.length}`);
  }, selector);
}

type Article = {
  id: number;
  title: string;
  status: string;
  useCount: number;
  public: boolean;
  category: { code: string } | null;
  ownerUnit: { code: string } | null;
};

describe('knowledge base (一网通答)', () => {
  it('an administrator writes an answer, an agent finds it from the caller’s words and answers with it', async () => {
    // 1. The administrator creates and publishes the article on /admin/knowledge.
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'admin', DEMO_PASSWORD);
      await page.goto('/admin/knowledge');
      await page.getByRole('link', { name: '知识库' }).waitFor();
      // The demo's answers are there already.
      await page.getByTestId('article-table').getByText('生活垃圾分类投放时间和方法').waitFor();
      await page.getByRole('button', { name: '新建知识' }).click();
      const form = page.getByTestId('article-form');
      await form.getByLabel('标题').fill(title);
      await form.getByLabel('常见问法（每行一个）').fill('共享单车堆在门口\n单车乱停挡路了');
      await form.getByLabel('关键词（用逗号或空格分隔）').fill('共享单车，乱停放');
      await form.getByLabel('答复内容').fill(answer);
      // The category and the owning unit are picked from the catalogue and the org tree, by search.
      const category = form.getByRole('group', { name: '事项分类' });
      await category.getByLabel('搜索类别').fill('共享单车');
      const categories = category.getByLabel('选择类别');
      await categories.locator('option', { hasText: '35-10' }).waitFor({ state: 'attached' });
      await categories.selectOption('35-10');
      const owner = form.getByRole('group', { name: '负责单位' });
      await owner.getByLabel('输入名称或编码查找单位').fill('城市管理委员会');
      const units = owner.getByLabel('负责单位', { exact: true });
      const cgw = units.locator('option', { hasText: '110115-D02' });
      await cgw.waitFor({ state: 'attached' });
      await units.selectOption({ label: await cgw.innerText() });
      await expect(units.locator('option:checked').innerText()).resolves.toBe(
        '区城市管理委员会（110115-D02）',
      );
      await expect(form.getByLabel('保存后立即发布').isChecked()).resolves.toBe(true);
      // Staff-only unless the editor says otherwise; this one is written for citizens too.
      await expect(form.getByLabel('对市民公开').isChecked()).resolves.toBe(false);
      await form.getByLabel('对市民公开').check();
      await expect(axeViolations(page, '[data-testid="article-form"]')).resolves.toEqual([]);
      await screenshot(page, 'knowledge-admin-form');
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByLabel('搜索标题、问法或关键词').fill(tag);
      const row = page.getByTestId('article-table').getByRole('row').filter({ hasText: title });
      await row.getByText('已发布').waitFor();
      await row.getByText('共享单车乱停放（35-10）').waitFor();
      await row.getByText('区城市管理委员会（110115-D02）').waitFor();
      await row.getByText('市民可见').waitFor();
      await expect(axeViolations(page, '[data-testid="article-table"]')).resolves.toEqual([]);
      await screenshot(page, 'knowledge-admin');
    });

    // 2. The agent types what the caller says; the panel offers the article; the keyboard uses it.
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'agent', DEMO_PASSWORD);
      await page.goto('/workbench');
      await expect(page.getByTestId('knowledge').innerText()).resolves.toBe('');
      await page.getByLabel('来电内容').focus();
      await page.keyboard.type('我们小区门口共享单车堆了一大片，人都过不去');
      const panel = page.getByRole('region', { name: '知识答案' });
      const use = panel.getByRole('button', { name: `使用此答案：${title}` });
      await use.waitFor();
      // The article the caller's words point at comes first, its matched words marked.
      await expect(panel.getByRole('listitem').first().innerText()).resolves.toContain(title);
      await expect(panel.locator('mark', { hasText: '共享单车' }).count()).resolves.toBeGreaterThan(0);
      await expect(axeViolations(page, '[data-testid="knowledge"]')).resolves.toEqual([]);
      await screenshot(page, 'knowledge-workbench');
      await use.focus();
      await page.keyboard.press('Enter');
      // The answer is filled, the call becomes a consultation and the answer field has the focus.
      await expect(page.getByLabel('诉求类型').inputValue()).resolves.toBe('consultation');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wb-answer');
      await expect(page.getByLabel('答复内容').inputValue()).resolves.toBe(answer);
      await page.getByText(`答复来自知识库：${title}`).waitFor();
      await page.keyboard.press('Control+Enter');
      await page.waitForURL(/\/cases\/[^/]+$/);
      await page.getByTestId('timeline').getByText('直接答复', { exact: true }).waitFor();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('已办结');
    });

    // 3. The answer counted as one use of the article.
    const admin = await staffApi(baseUrl, 'admin');
    const list = await admin.get<{ items: Article[] }>(
      `/api/knowledge/articles?q=${encodeURIComponent(tag)}`,
    );
    expect(
      list.items.map((a) => [a.title, a.status, a.useCount, a.public, a.category?.code, a.ownerUnit?.code]),
    ).toEqual([[title, 'published', 1, true, '35-10', '110115-D02']]);
    // Public: the portal offers it to a citizen describing the same problem, without a login.
    const offered = await fetch(
      `${baseUrl}/api/public/answers?q=${encodeURIComponent('门口共享单车乱停挡路了')}`,
    );
    expect(((await offered.json()) as { items: Array<{ title: string }> }).items[0]?.title).toBe(title);
  });
});
