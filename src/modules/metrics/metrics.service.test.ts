import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../platform/db/index.js';
import { makeAssignment, makeCase, makeCategories, makeOrg, type Org } from './metrics.factories.js';
import type { GroupMetrics } from './metrics.rollup.js';
import { defaultWeights, monthPeriod } from './metrics.rules.js';
import { summary, trend, unitMetrics } from './metrics.service.js';
import { monthlyRanking } from './ranking.service.js';

let handle: DatabaseHandle;
let org: Org;
let cats: Awaited<ReturnType<typeof makeCategories>>;
const june = monthPeriod('2024-06');
const at = (iso: string) => new Date(iso);

function find(groups: GroupMetrics[], id: number | null): GroupMetrics {
  const g = groups.find((x) => x.group.id === id);
  if (!g) throw new Error(`no group ${id}`);
  return g;
}

beforeAll(async () => {
  handle = (await freshDatabase()).handle;
  const db = handle.db;
  org = await makeOrg(db);
  cats = await makeCategories(db);
  const d = at('2024-06-10T02:00:00Z');
  // Community A1, June: three cases in the population.
  const c1 = await makeCase(db, {
    lead: org.a1,
    dispatchedAt: d,
    status: 'closed',
    category_id: cats.street,
    responded_in_time: true,
    resolved_in_time: true,
    eval_count: 1,
    solved_count: 1,
    satisfied_count: 1,
  });
  const c2 = await makeCase(db, {
    lead: org.a1,
    dispatchedAt: d,
    status: 'closed',
    category_id: cats.noise,
    area_unit_id: org.a2.id,
    area_path: org.a2.path,
    responded_in_time: false,
    response_overdue: true,
    resolved_in_time: false,
    return_count: 1,
    report_count: 3,
    eval_count: 2,
    solved_count: 1,
    satisfied_count: 1,
  });
  await makeCase(db, {
    lead: org.a1,
    dispatchedAt: d,
    status: 'dispatched',
    category_id: cats.parking,
    resolve_overdue: true,
  });
  // Not in the population: merged, voided, another month, never dispatched.
  await makeCase(db, {
    lead: org.a1,
    dispatchedAt: d,
    status: 'merged',
    responded_in_time: false,
    report_count: 5,
  });
  await makeCase(db, { lead: org.a1, dispatchedAt: d, status: 'invalid', responded_in_time: false });
  await makeCase(db, {
    lead: org.a1,
    dispatchedAt: at('2024-07-02T00:00:00Z'),
    status: 'closed',
    responded_in_time: false,
  });
  await makeCase(db, {
    lead: org.a1,
    dispatchedAt: d,
    dispatched_at: null,
    status: 'received',
    withAssignment: false,
  });
  // 2024-07-01 00:30 China time: July, though June in UTC.
  await makeCase(db, { lead: org.a1, dispatchedAt: at('2024-06-30T16:30:00Z'), responded_in_time: false });
  // A1's assignments in June: the three above plus one it returned (the case went to dept X), a co
  // assignment (not counted) and a May one (not counted).
  const moved = await makeCase(db, {
    lead: org.deptX,
    dispatchedAt: d,
    status: 'in_progress',
    responded_in_time: true,
    return_count: 1,
  });
  await makeAssignment(db, { caseId: moved, unit: org.a1, at: d, status: 'returned' });
  await makeAssignment(db, { caseId: c1, unit: org.a2, at: d, role: 'co' });
  await makeAssignment(db, { caseId: c2, unit: org.a1, at: at('2024-05-20T00:00:00Z'), status: 'returned' });
  // Street A itself, community A2, and dept Y (first-time closed, fully satisfied).
  await makeCase(db, {
    lead: org.streetA,
    dispatchedAt: d,
    status: 'closed',
    responded_in_time: true,
    resolved_in_time: true,
    eval_count: 1,
    solved_count: 1,
    satisfied_count: 1,
  });
  await makeCase(db, { lead: org.a2, dispatchedAt: d, status: 'accepted', responded_in_time: true });
  await makeCase(db, {
    lead: org.deptY,
    dispatchedAt: d,
    status: 'closed',
    responded_in_time: true,
    resolved_in_time: true,
    eval_count: 1,
    solved_count: 0,
    satisfied_count: 1,
  });
});

afterAll(async () => {
  await handle.close();
});

describe('unitMetrics by lead unit', () => {
  it('computes every count and rate of a unit from exactly the population', async () => {
    const groups = await unitMetrics(handle.db, { ...june, groupBy: 'lead_unit' });
    const a1 = find(groups, org.a1.id);
    expect(a1.group).toEqual({
      id: org.a1.id,
      code: '110115001001',
      name: '三合南里社区',
      kind: 'community',
    });
    expect(a1.counts).toEqual({
      dispatched: 3,
      open: 1,
      overdue: 2,
      closed: 2,
      respondedInTime: 1,
      responseDecided: 2,
      resolvedInTime: 1,
      resolveDecided: 2,
      evaluations: 3,
      solved: 2,
      satisfied: 2,
      reports: 5,
      closedFirstTime: 1,
      // c1, c2, c3, the merged and the voided case (a unit really received those), the returned one.
      leadAssignments: 6,
      returnedAssignments: 1,
    });
    expect(a1.rates.responseRate).toBe(1 / 2);
    expect(a1.rates.solveRate).toBe(2 / 3);
    expect(a1.rates.satisfactionRate).toBe(2 / 3);
    expect(a1.rates.onTimeRate).toBe(1 / 2);
    expect(a1.rates.returnRate).toBe(1 / 6);
    expect(a1.rates.repeatRate).toBe(2 / 5);
    expect(a1.rates.firstTimeRate).toBe(1 / 2);
    // 30 × 0.5 + 35 × 2/3 + 35 × 2/3 = 61.67
    expect(a1.composite).toBe(61.67);
  });

  it('leaves a rate with an empty denominator null and re-normalises the composite', async () => {
    const groups = await unitMetrics(handle.db, { ...june, groupBy: 'lead_unit' });
    const a2 = find(groups, org.a2.id);
    expect(a2.rates).toEqual({
      responseRate: 1,
      solveRate: null,
      satisfactionRate: null,
      onTimeRate: null,
      returnRate: 0,
      repeatRate: 0,
      firstTimeRate: null,
    });
    // Only 响应率 is present among the weighted rates: the composite is 响应率 alone, not 30.
    expect(a2.composite).toBe(100);
    // dept X led one case nobody has responded to or rated: nothing to score.
    const x = find(groups, org.deptX.id);
    expect(x.rates.solveRate).toBeNull();
    expect(x.composite).toBe(100);
  });

  it('counts a unit that only returned cases (退单率 1) though it leads none', async () => {
    const may = monthPeriod('2024-05');
    const groups = await unitMetrics(handle.db, { ...may, groupBy: 'lead_unit' });
    const a1 = find(groups, org.a1.id);
    expect(a1.counts.dispatched).toBe(0);
    expect(a1.rates.returnRate).toBe(1);
    expect(a1.rates.responseRate).toBeNull();
    expect(a1.composite).toBeNull();
  });

  it('uses China time for month boundaries', async () => {
    const july = await unitMetrics(handle.db, { ...monthPeriod('2024-07'), groupBy: 'lead_unit' });
    expect(find(july, org.a1.id).counts.dispatched).toBe(2);
  });

  it('narrows to a scope, a unit kind and a category subtree', async () => {
    const scoped = await unitMetrics(handle.db, {
      ...june,
      groupBy: 'lead_unit',
      scopePath: org.streetA.path,
    });
    expect(scoped.map((g) => g.group.id).sort()).toEqual([org.streetA.id, org.a1.id, org.a2.id].sort());
    const depts = await unitMetrics(handle.db, { ...june, groupBy: 'lead_unit', unitKind: 'department' });
    expect(depts.map((g) => g.group.id).sort()).toEqual([org.deptX.id, org.deptY.id].sort());
    const cityMgmt = await unitMetrics(handle.db, { ...june, groupBy: 'lead_unit', categoryId: cats.city });
    const a1 = find(cityMgmt, org.a1.id);
    expect(a1.counts.dispatched).toBe(2); // 占道经营 + 噪音, not 停车
    expect(a1.counts.leadAssignments).toBe(2);
    await expect(
      unitMetrics(handle.db, { ...june, groupBy: 'lead_unit', categoryId: 999999 }),
    ).rejects.toMatchObject({
      code: 'unknown_category',
    });
  });
});

describe('other groupings', () => {
  it('rolls lead units up to their street; every street appears; departments do not', async () => {
    const groups = await unitMetrics(handle.db, { ...june, groupBy: 'street' });
    expect(groups.map((g) => g.group.id)).toEqual([org.streetA.id, org.streetB.id]);
    const a = find(groups, org.streetA.id);
    expect(a.counts.dispatched).toBe(3 + 1 + 1); // A1, A2 and the street itself
    expect(a.counts.evaluations).toBe(4);
    expect(a.counts.leadAssignments).toBe(6 + 1 + 1);
    const b = find(groups, org.streetB.id);
    expect(b.counts.dispatched).toBe(0);
    expect(b.composite).toBeNull();
  });

  it('groups by the area a case is in and by category', async () => {
    const areas = await unitMetrics(handle.db, { ...june, groupBy: 'area', scopePath: org.a1.path });
    expect(find(areas, org.a1.id).counts.dispatched).toBe(2);
    expect(find(areas, org.a2.id).counts.dispatched).toBe(1);
    const byCat = await unitMetrics(handle.db, { ...june, groupBy: 'category', scopePath: org.a1.path });
    expect(find(byCat, cats.noise).group).toMatchObject({
      code: '04-07',
      name: '噪音扰民',
      kind: 'category',
    });
    expect(find(byCat, cats.noise).rates.repeatRate).toBe(2 / 3);
    expect(find(byCat, cats.parking).counts.open).toBe(1);
  });

  it('sums to the summary, whatever the grouping', async () => {
    const total = await summary(handle.db, june);
    const byUnit = await unitMetrics(handle.db, { ...june, groupBy: 'lead_unit' });
    const byCat = await unitMetrics(handle.db, { ...june, groupBy: 'category' });
    const sum = (gs: GroupMetrics[]) => gs.reduce((s, g) => s + g.counts.dispatched, 0);
    expect(total.counts.dispatched).toBe(7);
    expect(sum(byUnit)).toBe(7);
    expect(sum(byCat)).toBe(7);
    expect(total.counts.leadAssignments).toBe(6 + 1 + 1 + 1 + 1);
  });

  it('follows a unit month by month', async () => {
    const series = await trend(handle.db, { unitId: org.a1.id, months: 3, endMonth: '2024-07' });
    expect(series.map((m) => m.month)).toEqual(['2024-05', '2024-06', '2024-07']);
    expect(series.map((m) => m.counts.dispatched)).toEqual([0, 3, 2]);
    expect(series[1]!.composite).toBe(61.67);
    await expect(
      trend(handle.db, { unitId: org.deptX.id, months: 1, scopePath: org.streetA.path }),
    ).rejects.toMatchObject({ code: 'out_of_scope' });
  });
});

describe('monthlyRanking', () => {
  it('ranks streets and departments by composite, then 满意率, then name', async () => {
    const r = await monthlyRanking(
      handle.db,
      { month: '2024-06', level: 'all' },
      {
        ...defaultWeights,
        responseRate: 100,
        solveRate: 0,
        satisfactionRate: 0,
      },
    );
    // Composite = 响应率: X 100, Y 100, A 3/4 → X and Y tie; Y has 满意率 1, X none.
    expect(r.rows.map((row) => [row.group.name, row.rank, row.composite])).toEqual([
      ['区城市管理委员会', 1, 100],
      ['区住房和城乡建设委员会', 2, 100],
      ['兴丰街道', 3, 75],
      ['林校路街道', null, null],
    ]);
  });

  it('ranks one level within a scope', async () => {
    const depts = await monthlyRanking(handle.db, { month: '2024-06', level: 'department' });
    // X: 响应率 1 and nothing else → 100; Y: (30 × 1 + 35 × 0 + 35 × 1) / 100 → 65.
    expect(depts.rows.map((row) => [row.group.id, row.composite])).toEqual([
      [org.deptX.id, 100],
      [org.deptY.id, 65],
    ]);
    const scoped = await monthlyRanking(handle.db, {
      month: '2024-06',
      level: 'all',
      scopePath: org.streetB.path,
    });
    expect(scoped.rows.map((row) => row.group.id)).toEqual([org.streetB.id]);
    expect(scoped.weights).toEqual(defaultWeights);
  });
});
