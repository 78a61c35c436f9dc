import type { Actor } from '../platform/auth.js';
import type { AppContext } from '../platform/context.js';
import type { CaseRow } from '../platform/db/schema.js';
import { assignmentsWithUnits, caseDeps, intake } from '../modules/cases/index.js';
import type { ActionBodies } from '../modules/cases/cases.schema.js';
import { atDesk, hours, type PlannedCase, type Place } from './history.plan.js';
import { phrases } from './history.texts.js';

export type Phase =
  | 'dispatch'
  | 'answer'
  | 'invalidate'
  | 'accept'
  | 'redispatch'
  | 'contact'
  | 'extension'
  | 'decide'
  | 'resolve'
  | 'urge'
  | 'verify'
  | 'evaluate'
  | 'reopen'
  | 'close'
  | 'merge';

export interface Step {
  at: number;
  phase: Phase;
}

/** A case of the history as the simulation follows it. */
export interface Tracked {
  plan: PlannedCase;
  row: CaseRow;
  returned: boolean;
  extended: boolean;
  lateResolved: boolean;
  verifyFailed: boolean;
  reopened: boolean;
  /** The open case this one repeats (并案 target). */
  original?: Tracked;
  /** The unit that sent the case back (退单), so the dispatcher sends it elsewhere. */
  returnedFrom: number | null;
  /** What follows an urge (催办). */
  then: Step | null;
}

export interface People {
  agent: Actor;
  dispatcher: Actor;
  supervisor: Actor;
  grid: Actor;
  /** The handler acting for a unit: the demo user of that unit, else one made for the history. */
  handler: (unitId: number) => Promise<Actor>;
}

export interface PlaceRow {
  place: Place;
  code: string;
  streetId: number;
}

export type ActOn = <A extends keyof ActionBodies>(
  c: Tracked,
  actor: Actor,
  action: A,
  body: Omit<ActionBodies[A], 'version'>,
) => Promise<void>;

/** 受理: files the planned report through intake as the channel's filer; null when it joined a case. */
export async function file(
  ctx: AppContext,
  people: People,
  places: readonly PlaceRow[],
  p: PlannedCase,
): Promise<Tracked> {
  const place = places[p.communityIndex]!;
  const consultation = p.template.kind === 'consultation';
  const categorised = p.channel !== 'web' && p.channel !== 'wechat';
  const actor = p.channel === 'grid' ? people.grid : people.agent;
  const row = await ctx.db.transaction().execute(async (tx) => {
    const r = await intake(ctx, caseDeps, tx, actor, {
      channel: p.channel,
      externalId: p.channel === 'iot' ? `history-sensor-${p.index}` : undefined,
      text: p.text,
      categoryCode: categorised ? p.template.code : undefined,
      priority: p.priority,
      kind: consultation ? 'consultation' : 'request',
      address: `${place.place.street}${place.place.community}`,
      areaCode: place.code,
      reporter: p.reporter
        ? { name: p.reporter.name, phone: p.reporter.phone, anonymous: false, confidential: false }
        : { anonymous: true, confidential: false },
      autoDispatch:
        categorised &&
        !consultation &&
        p.repeatOf == null &&
        !p.fate.invalid &&
        (p.channel !== 'hotline' || p.fate.dispatchAtIntake),
    });
    return r.caseRow;
  });
  return {
    plan: p,
    row,
    returned: false,
    extended: false,
    lateResolved: false,
    verifyFailed: false,
    reopened: false,
    returnedFrom: null,
    then: null,
  };
}

/** What the centre does with a new case: answer, refuse or dispatch it, or the unit signs for it. */
export function afterIntake(c: Tracked, now: number, original: Tracked | undefined): Step | null {
  const f = c.plan.fate;
  const r = f.delays;
  if (original && !['closed', 'invalid', 'merged'].includes(original.row.status)) {
    c.original = original;
    return { phase: 'merge', at: now + hours(0.1 + r() * 1.5) };
  }
  if (c.row.status === 'dispatched') return acceptStep(c, now);
  if (c.row.status !== 'received') return null;
  if (f.invalid) return { phase: 'invalidate', at: now + hours(0.1 + r() * 0.5) };
  if (f.answerAtIntake && c.plan.channel === 'hotline')
    return { phase: 'answer', at: now + hours(0.05 + r() * 0.2) };
  // The centre's dispatchers work around the clock; some reports wait in the queue a day or so.
  return { phase: 'dispatch', at: now + (f.backlog ? hours(8 + r() * 30) : hours(0.1 + r() * 1.4)) };
}

/** 签收: units on duty sign for short deadlines at once; others at their desks. */
function acceptStep(c: Tracked, now: number): Step {
  const r = c.plan.fate.delays;
  const window = (c.row.response_due_at?.getTime() ?? now + hours(24)) - now;
  if (window <= hours(4)) return { phase: 'accept', at: now + window * (0.05 + 0.35 * r()) };
  return { phase: 'accept', at: atDesk(now + hours(0.3 + r() * 4), r) };
}

function resolveStep(c: Tracked, now: number): Step | null {
  const f = c.plan.fate;
  const r = f.delays;
  if (f.stuck) return null;
  const due = c.row.resolve_due_at?.getTime() ?? now + hours(72);
  if (f.lateResolve && !c.lateResolved) {
    c.lateResolved = true;
    const at = due + hours(2 + r() * 60);
    if (f.urge) {
      c.then = { phase: 'resolve', at };
      return { phase: 'urge', at: atDesk(due + hours(1), r) };
    }
    return { phase: 'resolve', at };
  }
  return { phase: 'resolve', at: now + Math.max(hours(0.3), (due - now) * (0.15 + 0.7 * r())) };
}

/** Takes the step's action on the case at `now` and says what comes next (null: the case rests). */
export async function advance(
  ctx: AppContext,
  people: People,
  c: Tracked,
  phase: Phase,
  now: number,
  actOn: ActOn,
  otherUnit: (c: Tracked) => number,
): Promise<Step | null> {
  const f = c.plan.fate;
  const r = f.delays;
  const t = c.plan.template;
  const unit = async () => people.handler(c.row.lead_unit_id!);
  switch (phase) {
    case 'merge':
      if (['closed', 'invalid', 'merged'].includes(c.original!.row.status))
        return afterIntake(c, now, undefined);
      await actOn(c, people.dispatcher, 'merge', {
        intoCase: c.original!.row.number,
        reason: '同一诉求重复反映，并案办理',
      });
      return null;
    case 'invalidate':
      await actOn(c, people.agent, 'invalidate', { reason: phrases.invalid });
      return null;
    case 'answer':
      await actOn(c, people.agent, 'answer', { answer: t.result });
      return { phase: 'evaluate', at: atDesk(now + hours(2 + r() * 46), r) };
    case 'dispatch':
      await actOn(c, people.dispatcher, 'dispatch', { coUnitIds: [], categoryCode: t.code });
      return acceptStep(c, now);
    case 'redispatch':
      await actOn(c, people.dispatcher, 'dispatch', {
        coUnitIds: [],
        categoryCode: t.code,
        leadUnitId: otherUnit(c),
        reason: '原承办单位退单，改派属地街乡办理',
      });
      return acceptStep(c, now);
    case 'accept': {
      if (f.returnOnce && !c.returned) {
        c.returned = true;
        c.returnedFrom = c.row.lead_unit_id;
        await actOn(c, await unit(), 'return', { reason: phrases.returnReason[Math.floor(r() * 2)]! });
        // 改派 waits for the dispatcher's review of the unit's reason.
        return { phase: 'redispatch', at: atDesk(now + hours(1 + r() * 23), r) };
      }
      await actOn(c, await unit(), 'accept', {});
      const due = c.row.response_due_at?.getTime() ?? now + hours(24);
      if (f.lateResponse) {
        const at = due + hours(1 + r() * 20);
        if (!f.urge) return { phase: 'contact', at };
        c.then = { phase: 'contact', at };
        return { phase: 'urge', at: atDesk(due + hours(0.5), r) };
      }
      return { phase: 'contact', at: now + Math.min(hours(0.1 + r() * 1.4), Math.max(0, due - now) * 0.7) };
    }
    case 'urge':
      await actOn(c, people.supervisor, 'urge', { message: phrases.urge });
      return c.then;
    case 'contact':
      await actOn(c, await unit(), 'contact', { note: phrases.contact[Math.floor(r() * 2)]! });
      if (f.extension && !c.extended) {
        const due = c.row.resolve_due_at?.getTime() ?? now + hours(72);
        return { phase: 'extension', at: now + Math.max(hours(0.2), (due - now) * 0.3) };
      }
      return resolveStep(c, now);
    case 'extension':
      c.extended = true;
      await actOn(c, await unit(), 'request_extension', {
        amount: 3,
        unit: 'workdays',
        reason: phrases.extension,
      });
      return { phase: 'decide', at: atDesk(now + hours(1 + r() * 6), r) };
    case 'decide':
      await actOn(c, people.supervisor, 'decide_extension', { approve: f.approveExtension });
      return resolveStep(c, now);
    case 'resolve': {
      for (const a of await coParts(ctx, c)) {
        await actOn(c, await people.handler(a), 'co_submit', {
          result: '协办部分已完成，配合主办单位处置到位。',
        });
      }
      await actOn(c, await unit(), 'resolve', { result: t.result, attachmentIds: [] });
      return { phase: 'verify', at: atDesk(now + hours(1 + r() * 19), r) };
    }
    case 'verify': {
      const passed = !(f.verifyFail && !c.verifyFailed);
      await actOn(c, people.supervisor, 'verify', { passed, note: passed ? undefined : phrases.verifyFail });
      if (!passed) {
        c.verifyFailed = true;
        return { phase: 'resolve', at: now + hours(4 + r() * 24) };
      }
      // A report is rated once: after 重办 the supervisor closes with a note on the second callback.
      if (f.unreachable || c.reopened) return { phase: 'close', at: atDesk(now + hours(24 + r() * 24), r) };
      return { phase: 'evaluate', at: atDesk(now + hours(2 + r() * 46), r) };
    }
    case 'evaluate': {
      const unhappy = f.satisfaction === 'unsatisfied' || !f.solved;
      await actOn(c, people.agent, 'evaluate', {
        solved: f.solved,
        satisfaction: f.satisfaction,
        comment: unhappy ? phrases.unsatisfied[Math.floor(r() * 2)] : undefined,
      });
      if (unhappy && f.reopen && !c.reopened && c.row.lead_unit_id != null) {
        return { phase: 'reopen', at: atDesk(now + hours(1 + r() * 8), r) };
      }
      return { phase: 'close', at: atDesk(now + hours(0.5 + r() * 24), r) };
    }
    case 'reopen':
      c.reopened = true;
      await actOn(c, people.supervisor, 'reopen', { reason: phrases.reopen });
      return acceptStep(c, now);
    case 'close':
      await actOn(c, people.supervisor, 'close', {
        note:
          c.row.status !== 'verified' ? undefined : c.reopened ? phrases.closeReopened : phrases.closeNote,
      });
      return null;
  }
}

/** The co-handling units (协办) that have not submitted their part yet. */
async function coParts(ctx: AppContext, c: Tracked): Promise<number[]> {
  const all = await assignmentsWithUnits(ctx.db, c.row.id);
  return all
    .filter((a) => a.role === 'co' && (a.status === 'pending' || a.status === 'accepted'))
    .map((a) => a.unit_id);
}
