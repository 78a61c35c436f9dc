import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/db.js';
import { makeUnit } from '../../test/factories.js';
import type { AppContext } from '../platform/context.js';
import { resolveDispatch } from '../modules/dispatch/index.js';
import { currentPolicy, findCategoryByCode } from '../modules/categories/index.js';
import { flattenTaxonomy, seedCatalogue, seedTaxonomy } from './catalogue.js';

const depts = Array.from({ length: 20 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`);

async function makeDistrict(ctx: AppContext, district: string, skip: string[] = []) {
  const city = await makeUnit(ctx.db, { code: '110000', name: '北京市', kind: 'city' });
  const d = await makeUnit(ctx.db, { code: district, name: '区', kind: 'district', parentId: city.id });
  const street = await makeUnit(ctx.db, {
    code: `${district}001`,
    name: '清源街道',
    kind: 'street',
    parentId: d.id,
  });
  const community = await makeUnit(ctx.db, {
    code: `${district}001001`,
    name: '枣园社区',
    kind: 'community',
    parentId: street.id,
  });
  const units = new Map<string, number>();
  for (const s of depts.filter((x) => !skip.includes(x))) {
    units.set(
      s,
      (
        await makeUnit(ctx.db, {
          code: `${district}-${s}`,
          name: `部门${s}`,
          kind: 'department',
          parentId: d.id,
        })
      ).id,
    );
  }
  return { street, community, units };
}

describe('seedCatalogue on a district with its departments', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  let world: Awaited<ReturnType<typeof makeDistrict>>;
  let seededMs = 0;

  beforeAll(async () => {
    const { handle, config } = await freshDatabase({ DISTRICT_CODE: '110105' });
    ctx = { db: handle.db, config, dbKind: handle.kind };
    close = () => handle.close();
    world = await makeDistrict(ctx, '110105');
    const t0 = performance.now();
    expect(await seedCatalogue(ctx)).toBe(true);
    seededMs = performance.now() - t0;
  });
  afterAll(async () => close?.());

  it('inserts the whole taxonomy with three current policies per leaf', async () => {
    const nodes = flattenTaxonomy(seedTaxonomy);
    const leaves = nodes.filter((n) => n.isLeaf);
    expect(leaves.length).toBeGreaterThanOrEqual(120);
    const counts = await ctx.db
      .selectFrom('categories')
      .select((eb) => [
        eb.fn.countAll<number>().as('all'),
        eb.fn.count<number>('id').filterWhere('is_leaf', '=', true).as('leaves'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(counts.all)).toBe(nodes.length);
    expect(Number(counts.leaves)).toBe(leaves.length);
    const policies = await ctx.db
      .selectFrom('deadline_policies')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(policies.n)).toBe(leaves.length * 3);
    // Every kind of matter is represented.
    const kinds = await ctx.db.selectFrom('categories').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'complaint',
      'component',
      'consultation',
      'event',
      'help',
      'suggestion',
    ]);
    console.info(
      `catalogue seed: ${nodes.length} categories, ${leaves.length} leaves in ${seededMs.toFixed(0)} ms`,
    );
  });

  it('gives deadlines after 12345 practice', async () => {
    const consult = await findCategoryByCode(ctx.db, '18-01');
    const normal = await currentPolicy(ctx.db, consult!.id, 'normal');
    expect(normal).toMatchObject({ resolve_amount: 1, resolve_unit: 'workdays' });
    const manhole = await findCategoryByCode(ctx.db, '41-01-01');
    const critical = await currentPolicy(ctx.db, manhole!.id, 'critical');
    expect(critical).toMatchObject({ response_unit: 'hours', resolve_amount: 2, resolve_unit: 'hours' });
    const complaint = await findCategoryByCode(ctx.db, '01-01-01');
    expect(await currentPolicy(ctx.db, complaint!.id, 'normal')).toMatchObject({
      resolve_amount: 10,
      resolve_unit: 'workdays',
    });
  });

  it('dispatches domains to departments, street matters to the street, with co-handling', async () => {
    const at = async (code: string) =>
      resolveDispatch(ctx.db, {
        categoryId: (await findCategoryByCode(ctx.db, code))!.id,
        areaUnitId: world.community.id,
      });
    expect(await at('05-01')).toMatchObject({
      mode: 'unit',
      leadUnitId: world.units.get('D05'),
      coUnitIds: [],
    });
    expect(await at('35-02')).toMatchObject({ mode: 'street', leadUnitId: world.street.id });
    expect(await at('01-01-02')).toMatchObject({
      mode: 'street',
      leadUnitId: world.street.id,
      coUnitIds: [world.units.get('D01')],
    });
    expect(await at('33-01')).toMatchObject({
      leadUnitId: world.units.get('D01'),
      coUnitIds: [world.units.get('D12')],
    });
    expect(await at('03-02-02')).toMatchObject({
      leadUnitId: world.units.get('D01'),
      coUnitIds: [world.units.get('D12')],
    });
    expect(await at('35-04')).toMatchObject({ mode: 'unit', leadUnitId: world.units.get('D11') });
  });

  it('gives a few services Open311 attributes of all six datatypes, off the replay mapping', async () => {
    const rows = await ctx.db
      .selectFrom('categories')
      .select(['code', 'attributes'])
      .orderBy('code')
      .execute();
    const withAttributes = rows.filter((r) => r.attributes.length > 0);
    expect(withAttributes.map((r) => r.code)).toEqual(['31-08', '33-01', '35-02', '41-01-01']);
    const datatypes = new Set(withAttributes.flatMap((r) => r.attributes.map((a) => a.datatype)));
    expect([...datatypes].sort()).toEqual([
      'datetime',
      'multivaluelist',
      'number',
      'singlevaluelist',
      'string',
      'text',
    ]);
    const stall = withAttributes.find((r) => r.code === '35-02')!.attributes;
    expect(stall[0]).toMatchObject({ code: 'VENDOR_TYPE', description: '经营类型', required: true });
    // Replayed US 311 requests carry no answers: no category they map onto may require one.
    const mappingFile = new URL('../modules/open311/replay/us311-mapping.json', import.meta.url);
    const mapping = existsSync(mappingFile) ? readFileSync(mappingFile, 'utf8') : '';
    for (const r of withAttributes.filter((x) => x.attributes.some((a) => a.required))) {
      expect(mapping, r.code).not.toContain(`"${r.code}"`);
    }
  });

  it('does nothing when categories already exist', async () => {
    expect(await seedCatalogue(ctx)).toBe(false);
  });
});

describe('seedCatalogue with a department missing', () => {
  it('fails loudly and leaves nothing behind', async () => {
    const { handle, config } = await freshDatabase();
    const ctx: AppContext = { db: handle.db, config, dbKind: handle.kind };
    try {
      await makeDistrict(ctx, config.DISTRICT_CODE, ['D14']);
      await expect(seedCatalogue(ctx)).rejects.toThrow(`${config.DISTRICT_CODE}-D14`);
      const n = await ctx.db
        .selectFrom('categories')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
