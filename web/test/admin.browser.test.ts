import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, login, openPage, screenshot, type WatchedPage } from './browser.js';
import { DEMO_PASSWORD } from './server.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let admin: WatchedPage;
const tokens: Record<string, string> = {};
// Names unique to this run, so the file can run against a server other tests also use.
const tag = Date.now().toString(36).slice(-5);

/** The API as another system (or a colleague at another desk) would use it, for setting the scene. */
async function call<T>(who: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[who]}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

async function apiLogin(username: string) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  tokens[username] = ((await res.json()) as { token: string }).token;
}

async function loginStatus(username: string, password: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

type Unit = { id: number; code: string; name: string; kind: string };
type Category = { code: string; name: string; isLeaf: boolean; children: Category[] };
let street: Unit;
let categoryA: Category;
let categoryB: Category;
let parent: Category;

beforeAll(async () => {
  browser = await launchBrowser();
  for (const u of ['admin', 'agent', 'handler_cgw', 'handler_xhm']) await apiLogin(u);
  const units = await call<{ items: Unit[] }>(
    'admin',
    'GET',
    `/api/org/units?q=${encodeURIComponent('西红门地区')}`,
  );
  street = units.items.find((u) => u.kind === 'street')!;
  // Two new leaf categories of our own, so the rules this test adds route nobody else's reports.
  const tree = await call<{ categories: Category[] }>('admin', 'GET', '/api/categories');
  parent = tree.categories.find((c) => !c.isLeaf)!;
  categoryA = await call<Category>('admin', 'POST', '/api/categories', {
    parentCode: parent.code,
    name: `管理端测试甲${tag}`,
  });
  const terms = { response: { amount: 4, unit: 'hours' }, resolve: { amount: 5, unit: 'workdays' } };
  categoryB = await call<Category>('admin', 'POST', '/api/categories', {
    parentCode: parent.code,
    name: `管理端测试乙${tag}`,
    deadlines: { normal: terms, urgent: terms, critical: terms },
  });
  admin = await openPage(browser, baseUrl);
  await login(admin.page, 'admin', DEMO_PASSWORD);
});
afterAll(async () => {
  await admin?.page.context().close();
  await browser?.close();
});

/** Opens an admin screen from the admin navigation. */
/** Chooses a category in a form's category picker, finding it by its code. */
async function pickCategory(form: Locator, code: string) {
  await form.getByLabel('搜索类别').fill(code);
  const select = form.getByLabel('选择类别');
  await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
  await select.selectOption(code);
}

/** Chooses a unit in the unit picker named `label`, searching for `search`. */
async function pickUnit(form: Locator, label: string, search: string, code: string) {
  const group = form.getByRole('group', { name: label, exact: true });
  await group.getByLabel('输入名称或编码查找单位').fill(search);
  const select = group.getByLabel(label, { exact: true });
  const option = select.locator('option', { hasText: `${code}）` }); // the code ends the option's text
  await option.waitFor({ state: 'attached' });
  await select.selectOption({ label: await option.innerText() });
}

async function openSection(page: Page, name: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统管理' }).click();
  await page.getByRole('navigation', { name: '系统管理' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('admin screens', () => {
  it('org tree: opens level by level from the district down to grids', async () => {
    const { page } = admin;
    await openSection(page, '组织机构');
    const tree = page.getByTestId('org-tree');
    await tree.getByRole('button', { name: /^展开 .*大兴区$/ }).click();
    await tree.getByRole('button', { name: `展开 ${street.name}` }).click();
    await tree.getByTestId(`unit-${street.code}`).locator('li').first().waitFor();
    expect(await tree.getByTestId(`unit-${street.code}`).innerText()).toContain('社区/村');
    await screenshot(page, 'admin-org');
  });

  it('users: creates a handler for a street; that user logs in on another page', async () => {
    const { page } = admin;
    await openSection(page, '用户与角色');
    const form = page.getByTestId('create-user');
    const username = `street_${tag}`;
    await form.getByLabel('用户名').fill(username);
    await form.getByLabel('姓名').fill(`街道承办人${tag}`);
    await form.getByLabel('初始密码（至少 8 位）').fill('street-pass-1');
    await form.getByLabel('角色').selectOption('handler');
    await form.getByLabel('输入名称或编码查找单位').fill(street.name);
    const select = form.getByLabel('所属单位', { exact: true });
    await select.locator('option', { hasText: street.code }).waitFor({ state: 'attached' });
    await select.selectOption(String(street.id));
    await form.getByRole('button', { name: '创建用户' }).click();
    await form.getByRole('status').filter({ hasText: username }).waitFor();
    const row = page.getByTestId(`user-${username}`);
    await page.getByLabel('查找用户').fill(username);
    await row.waitFor();
    expect(await row.innerText()).toContain(street.name);
    await screenshot(page, 'admin-users');

    const second = await openPage(browser, baseUrl);
    try {
      await login(second.page, username, 'street-pass-1');
      expect(await second.page.getByTestId('who').innerText()).toContain('承办人');
      await second.page.getByText(street.name).first().waitFor();
      // A handler has no admin screens: /admin sends it home.
      await second.page.goto('/admin/users');
      await second.page.waitForURL((u) => u.pathname === '/');
    } finally {
      await second.page.context().close();
    }
    expect(second.unexpected(), 'errors on the new user’s page').toEqual([]);

    // Reset the password, then deactivate: the old password stops working, then the account does.
    await row.getByRole('button', { name: '修改' }).click();
    const edit = page.getByRole('form', { name: `修改 ${username}` });
    await edit.getByLabel('重置密码').fill('street-pass-2');
    await edit.getByRole('button', { name: '保存' }).click();
    await row.getByRole('status').filter({ hasText: '密码已重置' }).waitFor();
    expect(await loginStatus(username, 'street-pass-1')).toBe(401);
    expect(await loginStatus(username, 'street-pass-2')).toBe(200);
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByRole('button', { name: '确认停用' }).click();
    await row.getByText('已停用').waitFor();
    expect(await loginStatus(username, 'street-pass-2')).toBe(401);
  });

  it('categories: sets the deadlines of a leaf (a new version)', async () => {
    const { page } = admin;
    await openSection(page, '事项分类与时限');
    const tree = page.getByTestId('category-tree');
    await tree.getByRole('button', { name: `展开 ${parent.name}` }).click();
    await tree.getByRole('button', { name: `${categoryA.code} ${categoryA.name}` }).click();
    const form = page.getByTestId('deadline-form');
    for (const [p, hours] of [
      ['一般', 24],
      ['紧急', 8],
      ['特急', 2],
    ] as const) {
      await form.getByLabel(`${p} 响应时限`, { exact: true }).fill(String(hours));
      await form.getByLabel(`${p} 办结时限`, { exact: true }).fill('3');
      await form.getByLabel(`${p} 办结时限 单位`).selectOption('workdays');
    }
    await form.getByRole('button', { name: /保存时限/ }).click();
    await form.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const history = page.getByTestId('deadline-history');
    await history.getByText('3 个工作日').first().waitFor();
    expect(await history.locator('tbody tr').count()).toBe(3);
    const detail = await call<{ category: { deadlines: { urgent: { response: { amount: number } } } } }>(
      'admin',
      'GET',
      `/api/categories/${categoryA.code}`,
    );
    expect(detail.category.deadlines.urgent.response.amount).toBe(8);
    await screenshot(page, 'admin-categories');
  });

  it('dispatch catalogue: adds a rule and previews where a report goes', async () => {
    const { page } = admin;
    await openSection(page, '派单目录');
    // Categories and units are picked from the catalogue and the org tree by search, not typed as codes.
    const form = page.getByTestId('create-rule');
    await pickCategory(form, categoryA.code);
    const add = form.getByRole('button', { name: '新增' });
    expect(await add.isDisabled()).toBe(true); // 派至承办单位 needs a lead unit
    await form.getByText('派至承办单位时须选择主办单位').waitFor();
    await pickUnit(form, '主办单位', '城市管理委员会', '110115-D02');
    await pickUnit(form, '添加协办单位', street.name, street.code);
    const co = form.getByTestId('co-units');
    await co.getByText(`${street.name}（${street.code}）`).waitFor();
    await co.getByRole('button', { name: `移除协办单位 ${street.name}` }).click();
    await co.getByText('无协办单位').waitFor();
    await form.getByLabel('备注').fill(`浏览器测试 ${tag}`);
    await add.click();
    await form.getByRole('status').filter({ hasText: '已新增规则' }).waitFor();
    const row = page
      .getByTestId('rule-table')
      .getByRole('row')
      .filter({ hasText: `浏览器测试 ${tag}` });
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.slice(1, 6)).toEqual([
      `${categoryA.name}（${categoryA.code}）`,
      '全区',
      '派至承办单位',
      '区城市管理委员会（110115-D02）',
      '—',
    ]);

    const preview = page.getByTestId('preview');
    await pickCategory(preview, categoryA.code);
    await pickUnit(preview, '区域', street.name, street.code);
    await preview.getByRole('button', { name: '预演' }).click();
    const result = preview.getByTestId('preview-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('（110115-D02）');
    expect(await result.innerText()).toContain('采用');
    await screenshot(page, 'admin-dispatch');
    // The second category goes to the street itself (for the labels the retraining below learns from).
    await call('admin', 'POST', '/api/dispatch/rules', {
      category: categoryB.code,
      area: null,
      mode: 'unit',
      lead: street.code,
    });
  });

  it('Open311: issues a key shown once, then revokes it', async () => {
    const { page } = admin;
    await openSection(page, 'Open311 接入');
    const name = `测试客户端${tag}`;
    await page.getByTestId('create-client').getByLabel('客户端名称').fill(name);
    await page.getByRole('button', { name: '签发密钥' }).click();
    const once = page.getByTestId('shown-once');
    const key = (await once.getByTestId('secret-value').innerText()).trim();
    expect(key.length).toBeGreaterThan(20);
    await screenshot(page, 'admin-open311');
    await once.getByRole('button', { name: '我已保存' }).click();
    await once.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);
    const row = page.getByTestId(`client-${name}`);
    await row.getByText('启用').waitFor();
    await row.getByRole('button', { name: '吊销' }).click();
    await row.getByRole('button', { name: '确认吊销' }).click();
    await row.getByText(/已于 .* 吊销/).waitFor();
    const clients = await call<Array<{ name: string; active: boolean; revokedAt: string | null }>>(
      'admin',
      'GET',
      '/api/open311/clients',
    );
    expect(clients.find((c) => c.name === name)).toMatchObject({ active: false });
  });

  it('channels: lists inbound channels', async () => {
    const { page } = admin;
    await openSection(page, '接入渠道');
    await page.getByRole('heading', { name: '登记接入渠道' }).waitFor();
    await screenshot(page, 'admin-channels');
  });

  it('models: retraining explains too few labels, then trains the next version with a progress bar', async () => {
    const { page } = admin;
    await openSection(page, '分类模型');
    const training = page.getByTestId('training');
    await training.getByRole('button', { name: '开始训练' }).click();
    await training.getByTestId('job-failed').waitFor();
    expect(await training.getByTestId('job-failed').innerText()).toMatch(/至少需要 50 件已签收的案件/);

    // Labels as the city makes them: reports dispatched by the catalogue, accepted by the units.
    const before = await call<{ items: Array<{ version: number }> }>('admin', 'GET', '/api/models');
    const next = Math.max(...before.items.map((m) => m.version)) + 1;
    await seedLabels();

    await training.getByRole('button', { name: '开始训练' }).click();
    await training.getByTestId('training-done').waitFor({ timeout: 90_000 });
    expect(await training.getByTestId('training-done').innerText()).toContain(`v${next}`);
    expect(await training.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const row = page.getByTestId(`model-v${next}`);
    await row.waitFor();
    expect(await row.innerText()).toContain('db-unit');
    await screenshot(page, 'admin-models');
    expect(admin.unexpected(), 'console errors, page errors or failed requests').toEqual([]);
  });
});

const topicA = [
  '施工噪音',
  '夜间渣土车',
  '餐馆油烟',
  '工地扬尘',
  '露天烧烤',
  '垃圾堆放',
  '污水外溢',
  '广告牌松动',
];
const topicB = [
  '小区电梯',
  '楼道照明',
  '物业收费',
  '停车管理',
  '供暖不热',
  '绿地养护',
  '健身器材',
  '门禁损坏',
];
const places = ['东侧', '西门', '北区', '南口', '路口', '楼下', '院内', '对面'];

/** 30 accepted cases for each category (two units): a text is labelled when its unit accepts it. */
async function seedLabels() {
  type Created = { case: { id: string; version: number; status: string } };
  const jobs: Array<[Category, string[], string]> = [
    [categoryA, topicA, 'handler_cgw'],
    [categoryB, topicB, 'handler_xhm'],
  ];
  for (const [category, words, handler] of jobs) {
    for (let i = 0; i < 30; i++) {
      const text =
        `${places[i % 8]}${words[i % 8]}问题，还有${words[(i * 3 + 1) % 8]}和${words[(i * 5 + 2) % 8]}，` +
        `第${i + 1}次反映，门牌${100 + i}号`;
      const { case: c } = await call<Created>('agent', 'POST', '/api/reports', {
        channel: 'hotline',
        text,
        categoryCode: category.code,
        areaCode: street.code,
        autoDispatch: true,
        reporter: { name: '测试', phone: '13800000000' },
      });
      expect(c.status).toBe('dispatched');
      await call(handler, 'POST', `/api/cases/${c.id}/accept`, { version: c.version });
    }
  }
}
