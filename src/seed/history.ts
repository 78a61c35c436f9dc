import type { Actor } from '../platform/auth.js';
import { nowOf, type AppContext, type Clock } from '../platform/context.js';
import type { OrgUnit } from '../platform/db/schema.js';
import { act, caseDeps, fireDueTimers } from '../modules/cases/index.js';
import { DomainError } from '../platform/errors.js';
import type { ActionBodies } from '../modules/cases/cases.schema.js';
import { findUnitByCode, listChildren, searchUnits } from '../modules/org/index.js';
import { hours, planHistory, type PlannedCase } from './history.plan.js';
import {
  advance,
  afterIntake,
  file,
  type People,
  type PlaceRow,
  type Step,
  type Tracked,
} from './history.steps.js';

/** The seed of the history's PRNG: the same district, days and end give the same cases. */
const SEED = 20_260_101;
const TIMER_BATCH = 200;
/** How often (simulated hours) the deadline timers run: their entries are stamped up to this late. */
const TIMER_STEP_HOURS = 2;

export interface HistoryResult {
  /** Reports filed (each opened a case or joined one). */
  reports: number;
  cases: number;
  ms: number;
}

/** A clock the history moves forward by hand. */
class SimulatedClock implements Clock {
  constructor(public t: number) {}
  now(): Date {
    return new Date(this.t);
  }
}

/**
 * Generates `days` days of cases for the seeded demo district, ending now, and drives every one
 * through the real services — intake by hotline, web, WeChat, grid patrol and sensors, then
 * 派单, 签收, 联系, 办结, 核查, 回访, 结案 and the side paths (退单/改派, 延期, 催办, 核查不通过,
 * 重办) — with a simulated clock, firing the deadline timers as time passes. Deterministic: the
 * plan comes from a seeded PRNG. Notifications by e-mail or SMS are not planned for the history's
 * made-up reporters.
 */
export async function seedHistory(
  ctx: AppContext,
  days: number,
  perWorkday = ctx.config.DEMO_HISTORY_PER_DAY,
): Promise<HistoryResult> {
  const started = Date.now();
  const end = nowOf(ctx).getTime();
  const clock = new SimulatedClock(end - days * 86_400_000);
  const sim: AppContext = {
    ...ctx,
    clock,
    config: { ...ctx.config, SMTP_URL: undefined, SMS_GATEWAY_URL: undefined },
  };
  const people = await loadPeople(sim);
  const places = await loadPlaces(sim, people.grid);
  const plan = planHistory(
    SEED,
    days,
    perWorkday,
    new Date(end),
    places.map((p) => p.place),
  );

  // 改派 after a 退单: to the street of the case's place, or its neighbour when that street sent it back.
  const streetIds = [...new Set(places.map((p) => p.streetId))];
  const otherUnit = (c: Tracked) => {
    const own = places[c.plan.communityIndex]!.streetId;
    if (c.returnedFrom !== own) return own;
    return streetIds[(streetIds.indexOf(own) + 1) % streetIds.length]!;
  };
  const tracked = new Map<string, Tracked>();
  const byIndex = new Map<number, Tracked>();
  const queue: Array<Step & { c: Tracked | PlannedCase }> = plan.map((p) => ({
    at: p.at.getTime(),
    phase: 'dispatch',
    c: p,
  }));
  let lastTimers = clock.t;
  const fireTimers = async () => {
    while ((await fireDueTimers(sim, clock.now())) === TIMER_BATCH);
    lastTimers = clock.t;
  };
  const actOn = async <A extends keyof ActionBodies>(
    c: Tracked,
    actor: Actor,
    action: A,
    body: Omit<ActionBodies[A], 'version'>,
  ) => {
    const run = (version: number) =>
      sim.db
        .transaction()
        .execute((tx) =>
          act(sim, caseDeps, tx, actor, c.row.id, action, { ...body, version } as ActionBodies[A]),
        );
    try {
      c.row = await run(c.row.version);
    } catch (err) {
      // Another report joined the case (并案) since this copy of its row was read.
      if (!(err instanceof DomainError) || err.code !== 'stale_version') throw err;
      c.row = await run((err.details as { current: number }).current);
    }
  };

  while (queue.length > 0) {
    // The earliest step next (the queue stays small: one step per open case).
    let k = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.at < queue[k]!.at) k = i;
    const step = queue[k]!;
    queue[k] = queue[queue.length - 1]!;
    queue.pop();
    if (step.at >= end) continue;
    clock.t = Math.max(clock.t, step.at);
    if (clock.t - lastTimers >= hours(TIMER_STEP_HOURS)) await fireTimers();

    if (!('row' in step.c)) {
      const c = await file(sim, people, places, step.c);
      if (tracked.has(c.row.id)) continue; // joined an open case (并案)
      tracked.set(c.row.id, c);
      const original = c.plan.repeatOf == null ? undefined : byIndex.get(c.plan.repeatOf);
      byIndex.set(c.plan.index, c);
      const next = afterIntake(c, clock.t, original);
      if (next && next.phase !== c.plan.fate.holdBefore) queue.push({ ...next, c });
      continue;
    }
    const next = await advance(sim, people, step.c, step.phase, clock.t, actOn, otherUnit);
    if (next && next.phase !== step.c.plan.fate.holdBefore) queue.push({ ...next, c: step.c });
  }
  clock.t = end;
  await fireTimers();
  return { reports: plan.length, cases: tracked.size, ms: Date.now() - started };
}

function toActor(
  u: { id: number; username: string; display_name: string; role: Actor['role'] },
  unit: OrgUnit,
) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    unitId: unit.id,
    unitPath: unit.path,
    unitKind: unit.kind,
  } satisfies Actor;
}

async function loadPeople(ctx: AppContext): Promise<People> {
  const rows = await ctx.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_unit_id'])
    .selectAll('o')
    .select('u.id as user_id')
    .where('u.role', 'in', ['agent', 'dispatcher', 'supervisor', 'grid_worker', 'handler'])
    .where('u.active', '=', true)
    .execute();
  const actors = rows.map((r) =>
    toActor({ id: r.user_id, username: r.username, display_name: r.display_name, role: r.role }, r),
  );
  const named = (username: string) => {
    const a = actors.find((x) => x.username === username);
    if (!a) throw new Error(`demo history: no demo user ${username}`);
    return a;
  };
  const handlers = new Map<number, Actor>();
  for (const a of actors) if (a.role === 'handler' && !handlers.has(a.unitId)) handlers.set(a.unitId, a);
  return {
    agent: named('agent'),
    dispatcher: named('dispatcher'),
    supervisor: named('supervisor'),
    grid: named('grid_xhm'),
    async handler(unitId) {
      const known = handlers.get(unitId);
      if (known) return known;
      const unit = await ctx.db
        .selectFrom('org_units')
        .selectAll()
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      const user = await ctx.db
        .insertInto('users')
        .values({
          username: `handler:${unit.code}`,
          display_name: `${unit.short_name ?? unit.name} 承办人`.slice(0, 100),
          // Not a scrypt hash: the history's handlers never log in (an admin can set a password).
          password_hash: '!',
          role: 'handler',
          org_unit_id: unit.id,
          phone: null,
        })
        .returning(['id', 'username', 'display_name', 'role'])
        .executeTakeFirstOrThrow();
      const actor = toActor(user, unit);
      handlers.set(unitId, actor);
      return actor;
    },
  };
}

async function loadPlaces(ctx: AppContext, grid: Actor): Promise<PlaceRow[]> {
  const district = await findUnitByCode(ctx.db, ctx.config.DISTRICT_CODE);
  if (!district) throw new Error(`demo history: district ${ctx.config.DISTRICT_CODE} is not seeded`);
  const streets = (await listChildren(ctx.db, district.id)).filter((u) => u.kind === 'street');
  const { rows } = await searchUnits(ctx.db, {
    kind: 'community',
    underPath: district.path,
    limit: 5000,
    offset: 0,
  });
  const byId = new Map(streets.map((s) => [s.id, s]));
  return rows
    .filter((c) => c.parent_id != null && byId.has(c.parent_id))
    .map((c) => {
      const street = byId.get(c.parent_id!)!;
      return {
        code: c.code,
        streetId: street.id,
        place: {
          street: street.short_name ?? street.name,
          community: c.short_name ?? c.name,
          patrolled: grid.unitPath != null && grid.unitPath.startsWith(street.path),
        },
      };
    });
}
