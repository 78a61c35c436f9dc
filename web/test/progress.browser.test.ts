import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, screenshot, withPage } from './browser.js';
import { staffApi } from './fixtures.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
// A word unique to this run, so the export's filter finds exactly the cases filed here.
const tag = `导出${Date.now().toString(36).slice(-5)}`;
const numbers: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  const agent = await staffApi(baseUrl, 'agent');
  for (const [i, phone] of ['13700001111', '13700002222'].entries()) {
    const { case: c } = await agent.file({
      channel: 'hotline',
      title: `${tag} 路灯不亮 ${i}`,
      text: `小区门口路灯不亮，${tag}`,
      reporter: { name: '周女士', phone },
    });
    numbers.push(c.number);
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('long operations show their progress', () => {
  it('exports the filtered case list as a job: progress to done, then the file with the rows', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'agent', DEMO_PASSWORD);
      await page.goto(`/cases?q=${encodeURIComponent(tag)}`);
      await page.getByTestId('case-table').waitFor();
      const exporter = page.getByTestId('case-export');
      await exporter.getByLabel('导出格式').selectOption('csv');
      await exporter.getByRole('button', { name: '导出' }).click();

      const job = exporter.getByTestId('job');
      await job.and(page.locator('[data-status="succeeded"]')).waitFor();
      const bar = job.getByRole('progressbar');
      expect(await bar.getAttribute('aria-valuenow')).toBe('100');
      expect(await job.getByTestId('job-done').innerText()).toContain('2 行');
      await screenshot(page, 'progress-case-export');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        job.getByRole('button', { name: '下载文件' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^cases-\d{8}\.csv$/);
      const text = readFileSync(await download.path(), 'utf8');
      const [header, ...rows] = text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter((l) => l !== '')
        .map((l) => l.split(','));
      expect(header!.slice(0, 3)).toEqual(['编号', '状态', '标题']);
      expect(rows.map((r) => r[0]).sort()).toEqual([...numbers].sort());
      // The agent may see reporters: the numbers in full.
      expect(rows.map((r) => r.at(-1)).sort()).toEqual(['13700001111', '13700002222']);
    });
  });

  it('imports boundaries as a job in 组织机构: progress to done, with the features it could not match', async () => {
    // One feature that names no unit of the district: the job runs and stores nothing.
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: `${tag}村` },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [116.3, 39.7],
                [116.31, 39.7],
                [116.31, 39.71],
                [116.3, 39.7],
              ],
            ],
          },
        },
      ],
    };
    await withPage(browser, baseUrl, async ({ page }) => {
      await login(page, 'admin', DEMO_PASSWORD);
      await page.goto('/admin/org');
      const form = page.getByTestId('polygon-import');
      await form.getByLabel('GeoJSON 文件').setInputFiles({
        name: 'boundaries.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(geojson)),
      });
      await form.getByRole('button', { name: '导入', exact: true }).click();
      const job = form.getByTestId('job');
      await job.and(page.locator('[data-status="succeeded"]')).waitFor();
      expect(await job.getByRole('progressbar', { name: '导入进度' }).getAttribute('aria-valuenow')).toBe(
        '100',
      );
      const done = await job.getByTestId('polygons-done').innerText();
      expect(done).toContain('已导入 0 个边界');
      expect(done).toContain(`${tag}村`);
      await screenshot(page, 'progress-polygon-import');
    });
  });

  it('exports the cockpit’s street ranking as xlsx from its header', async () => {
    await withPage(browser, baseUrl, async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await login(page, 'leader', DEMO_PASSWORD);
      await page.goto('/cockpit');
      const exporter = page.getByRole('group', { name: '街乡镇排名' });
      await exporter.getByLabel('导出格式').selectOption('xlsx');
      await exporter.getByRole('button', { name: '导出' }).click();
      const job = exporter.getByTestId('job');
      await job.and(page.locator('[data-status="succeeded"]')).waitFor();
      expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
      await screenshot(page, 'progress-cockpit-export');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        job.getByRole('button', { name: '下载文件' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^ranking-\d{4}-\d{2}-street\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await download.path());
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).getCell(1).value).toBe('排名');
      // The demo district's streets, one row each.
      const streets = (
        await (
          await staffApi(baseUrl, 'leader')
        ).get<{ items: unknown[] }>('/api/metrics/ranking?level=street')
      ).items.length;
      expect(sheet.rowCount - 1).toBe(streets);
    });
  });
});
