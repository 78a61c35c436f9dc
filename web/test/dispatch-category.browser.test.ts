import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, screenshot, withPage } from './browser.js';
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

describe('派单 without a category', () => {
  it('asks for a category, finds it by search, then dispatches under it', async () => {
    const agent = await staffApi(baseUrl, 'agent');
    // A consultation gets no suggestion, and the agent gave no category: nothing to set deadlines by.
    const filed = await agent.file({
      channel: 'hotline',
      kind: 'consultation',
      text: '请问小区门口早市占道摆摊归哪个部门管？',
      reporter: { name: '吴先生', phone: '13700004321' },
    });
    expect(filed.case.status).toBe('received');
    const streets = await agent.get<{ items: Array<{ id: number; name: string }> }>(
      '/api/org/units?kind=street&limit=500&offset=0',
    );
    const street = streets.items.find((s) => s.name === '西红门地区')!;

    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'dispatcher', DEMO_PASSWORD);
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '派单' }).click();
      await page.getByTestId('dispatch-list').locator(`[data-number="${filed.case.number}"]`).click();
      const panel = page
        .getByTestId('dispatch-panel')
        .and(page.locator(`[aria-label="${filed.case.number}"]`));
      await panel.waitFor();

      await panel.getByTestId('unit-picker').selectOption(String(street.id));
      await panel.getByText('本案尚无类别，请先选择类别再派单').waitFor();
      const send = panel.getByRole('button', { name: '派单', exact: true });
      expect(await send.isDisabled()).toBe(true);

      await panel.getByLabel('搜索类别').fill('占道经营');
      await expect.poll(() => panel.getByTestId('category-picker').locator('option').count()).toBeLessThan(6);
      await panel.getByLabel('选择类别').selectOption('35-02');
      await screenshot(page, 'dispatch-category');
      expect(await send.isDisabled()).toBe(false);
      await send.click();
      await panel.getByText('已派至 西红门地区').or(page.getByText('已派至 西红门地区')).first().waitFor();
    });
    const after = await agent.detail<{ case: { status: string; leadUnitId: number; categoryId: number } }>(
      filed.case.id,
    );
    expect([after.case.status, after.case.leadUnitId]).toEqual(['dispatched', street.id]);
    const category = await agent.get<{ category: { id: number } }>('/api/categories/35-02');
    expect(after.case.categoryId).toBe(category.category.id);
  });
});
