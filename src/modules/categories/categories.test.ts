import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import { makeUser } from '../../../test/factories.js';
import { buildApp } from '../../app.js';
import type { Db } from '../../platform/db/index.js';
import type {
  categorySchema,
  detailResponse,
  setDeadlinesResponse,
  treeResponse,
} from './categories.schema.js';
import { categoryPath, currentPolicy, findCategoryByCode, policyById } from './index.js';

type Cat = z.infer<typeof categorySchema>;
type Tree = z.infer<typeof treeResponse>;
type Failure = { error: { code: string; message: string; details?: unknown } };

const terms = (response: [number, 'hours' | 'workdays'], resolve: [number, 'hours' | 'workdays']) => ({
  response: { amount: response[0], unit: response[1] },
  resolve: { amount: resolve[0], unit: resolve[1] },
});
const deadlines = (normalResolveDays: number) => ({
  normal: terms([24, 'hours'], [normalResolveDays, 'workdays']),
  urgent: terms([2, 'hours'], [48, 'hours']),
  critical: terms([1, 'hours'], [12, 'hours']),
});

let app: FastifyInstance;
let db: Db;
let close: () => Promise<void>;
let admin: { authorization: string };
let agent: { authorization: string };

beforeAll(async () => {
  const { handle, config } = await freshDatabase();
  db = handle.db;
  close = () => handle.close();
  app = await buildApp({ db, config, dbKind: handle.kind });
  admin = (await makeUser(db, { username: 'admin', role: 'admin', unitId: null })).auth;
  agent = (await makeUser(db, { username: 'agent', role: 'agent', unitId: null })).auth;
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const post = (body: object, headers = admin) =>
  app.inject({ method: 'POST', url: '/api/categories', headers, payload: body });
const putDeadlines = (code: string, body: object, headers = admin) =>
  app.inject({ method: 'PUT', url: `/api/categories/${code}/deadlines`, headers, payload: body });

describe('categories', () => {
  it('builds a coded tree; new leaves carry their deadlines', async () => {
    expect(
      (await post({ code: '10', name: '市场监管', nameEn: 'Market regulation', kind: 'complaint' }))
        .statusCode,
    ).toBe(201);
    const leaf = await post({ parentCode: '10', name: '商品质量', deadlines: deadlines(10) });
    expect(leaf.statusCode).toBe(201);
    expect(leaf.json<Cat>()).toMatchObject({
      code: '10-01',
      level: 2,
      isLeaf: true,
      kind: 'complaint',
      parentCode: '10',
    });
    expect(leaf.json<Cat>().deadlines?.normal).toMatchObject({
      resolve: { amount: 10, unit: 'workdays' },
      retiredAt: null,
    });

    const tree = await app.inject({ url: '/api/categories', headers: agent });
    expect(tree.statusCode).toBe(200);
    const [root] = tree.json<Tree>().categories;
    expect(root).toMatchObject({ code: '10', isLeaf: false, deadlines: null });
    expect(root!.children.map((c) => c.code)).toEqual(['10-01']);
    expect((await categoryPath(db, '10-01')).map((c) => c.code)).toEqual(['10', '10-01']);
  });

  it('versions a deadline edit: the old id keeps its numbers for the cases that use it', async () => {
    const category = (await findCategoryByCode(db, '10-01'))!;
    const before = (await currentPolicy(db, category.id, 'normal'))!;
    const unchangedUrgent = (await currentPolicy(db, category.id, 'urgent'))!;
    await db
      .insertInto('cases')
      .values({
        id: '01900000-0000-7000-8000-000000000001',
        number: 'T-1',
        status: 'dispatched',
        title: '买到假货',
        description: '买到假货',
        channel: 'hotline',
        category_id: category.id,
        deadline_policy_id: before.id,
        received_at: new Date(),
        updated_at: new Date(),
      })
      .execute();

    const res = await putDeadlines('10-01', deadlines(15));
    expect(res.statusCode).toBe(200);
    expect(res.json<z.infer<typeof setDeadlinesResponse>>().changed).toBe(1);
    const after = (await currentPolicy(db, category.id, 'normal'))!;
    expect(after.id).not.toBe(before.id);
    expect(after.resolve_amount).toBe(15);
    // Only the priority that changed got a new version.
    expect((await currentPolicy(db, category.id, 'urgent'))!.id).toBe(unchangedUrgent.id);

    const caseRow = await db
      .selectFrom('cases as c')
      .innerJoin('deadline_policies as p', 'p.id', 'c.deadline_policy_id')
      .select(['p.id', 'p.resolve_amount', 'p.retired_at'])
      .where('c.number', '=', 'T-1')
      .executeTakeFirstOrThrow();
    expect(caseRow).toMatchObject({ id: before.id, resolve_amount: 10 });
    expect(caseRow.retired_at).toBeInstanceOf(Date);
    expect((await policyById(db, before.id))!.resolve_amount).toBe(10);

    const detail = (await app.inject({ url: '/api/categories/10-01', headers: agent })).json<
      z.infer<typeof detailResponse>
    >();
    expect(detail.path).toEqual([
      { code: '10', name: '市场监管' },
      { code: '10-01', name: '商品质量' },
    ]);
    expect(detail.history).toHaveLength(4);
    expect(detail.history[0]).toMatchObject({ id: after.id, retiredAt: null });
    expect(detail.history.find((p) => p.id === before.id)?.retiredAt).toEqual(expect.any(String));

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'category')
      .where('entity_id', '=', '10-01')
      .where('action', '=', 'category.deadlines.set')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('writes nothing when the deadlines do not change', async () => {
    const res = await putDeadlines('10-01', deadlines(15));
    expect(res.json<z.infer<typeof setDeadlinesResponse>>().changed).toBe(0);
    const n = await db
      .selectFrom('deadline_policies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(4);
  });

  it('turns a leaf into a branch when it gets a child: its policies move to the child', async () => {
    const parent = (await findCategoryByCode(db, '10-01'))!;
    const old = (await currentPolicy(db, parent.id, 'normal'))!;
    const child = await post({ parentCode: '10-01', name: '假冒伪劣', nameEn: 'Counterfeit goods' });
    expect(child.statusCode).toBe(201);
    expect(child.json<Cat>()).toMatchObject({ code: '10-01-01', level: 3, isLeaf: true });
    expect(child.json<Cat>().deadlines?.normal?.resolve).toEqual({ amount: 15, unit: 'workdays' });
    expect((await findCategoryByCode(db, '10-01'))!.is_leaf).toBe(false);
    expect(await currentPolicy(db, parent.id, 'normal')).toBeNull();
    expect((await policyById(db, old.id))!.retired_at).not.toBeNull();
    // Deadlines live on leaves only.
    const branch = await putDeadlines('10-01', deadlines(5));
    expect(branch.statusCode).toBe(422);
    expect(branch.json<Failure>().error.code).toBe('category_not_leaf');
  });

  it('refuses bad input with stable codes', async () => {
    expect((await putDeadlines('99-01', deadlines(5))).json<Failure>().error.code).toBe('unknown_category');
    expect((await putDeadlines('99-01', deadlines(5))).statusCode).toBe(422);
    const halfSet = await putDeadlines('10-01-01', { normal: deadlines(5).normal });
    expect(halfSet.statusCode).toBe(400);
    const backwards = await putDeadlines('10-01-01', {
      ...deadlines(5),
      normal: terms([3, 'workdays'], [24, 'hours']),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<Failure>().error.code).toBe('validation_failed');
    expect((await post({ parentCode: '10', code: '11-01', name: '错位' })).statusCode).toBe(400);
    expect((await post({ parentCode: '10-01-01', name: '第四级' })).statusCode).toBe(400);
    expect((await post({ parentCode: '77', name: '无父' })).json<Failure>().error.code).toBe(
      'unknown_category',
    );
    expect((await post({ code: '10', name: '重复' })).statusCode).toBe(409);
    expect((await post({ name: 'x', extra: 1 })).statusCode).toBe(400);
  });

  it('renames and deactivates a subtree', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/categories/10-01',
      headers: admin,
      payload: { name: '商品质量问题', active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Cat>()).toMatchObject({ name: '商品质量问题', active: false });
    expect((await findCategoryByCode(db, '10-01-01'))!.active).toBe(false);
    const visible = (await app.inject({ url: '/api/categories', headers: agent })).json<Tree>()
      .categories[0]!;
    expect(visible.children).toEqual([]);
    const all = (
      await app.inject({ url: '/api/categories?includeInactive=true', headers: agent })
    ).json<Tree>().categories[0];
    expect(all?.children[0]?.children[0]?.code).toBe('10-01-01');
  });

  it('lets only admins write; anyone logged in reads', async () => {
    expect((await post({ name: '越权' }, agent)).statusCode).toBe(403);
    expect((await putDeadlines('10-01-01', deadlines(5), agent)).statusCode).toBe(403);
    const patch = await app.inject({
      method: 'PATCH',
      url: '/api/categories/10',
      headers: agent,
      payload: { name: 'x' },
    });
    expect(patch.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/categories' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/categories/77', headers: agent })).statusCode).toBe(404);
  });
});
