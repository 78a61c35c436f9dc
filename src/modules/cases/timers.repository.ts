import type { Conn } from '../../platform/db/index.js';
import { deferredQuery } from '../../platform/db/pg-driver.js';
import type { TimerKind } from '../../platform/db/schema.js';
import { uuidv7 } from '../../platform/ids.js';

/** Cancels a case's unfired timers of the given kinds. */
export async function cancelTimers(db: Conn, caseId: string, kinds: TimerKind[], now: Date): Promise<void> {
  await db.executeQuery(
    deferredQuery(
      db
        .updateTable('timers')
        .set({ cancelled_at: now })
        .where('case_id', '=', caseId)
        .where('kind', 'in', kinds)
        .where('fired_at', 'is', null)
        .where('cancelled_at', 'is', null),
    ),
  );
}

export async function insertTimers(
  db: Conn,
  caseId: string,
  timers: Array<{ kind: TimerKind; fireAt: Date }>,
  now: Date,
): Promise<void> {
  if (timers.length === 0) return;
  await db.executeQuery(
    deferredQuery(
      db.insertInto('timers').values(
        timers.map((t) => ({
          id: uuidv7(),
          case_id: caseId,
          kind: t.kind,
          fire_at: t.fireAt,
          created_at: now,
        })),
      ),
    ),
  );
}

/**
 * Claims due timers for this transaction. SKIP LOCKED lets several runners share the table:
 * a timer locked by one is invisible to the others, and marking it fired in the same
 * transaction as its effect means it fires exactly once, even across crashes.
 */
export async function claimDueTimers(db: Conn, now: Date, limit: number) {
  return db
    .selectFrom('timers')
    .selectAll()
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('fire_at', '<=', now)
    .orderBy('fire_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markTimerFired(db: Conn, id: string, now: Date, runner: string): Promise<void> {
  await db.updateTable('timers').set({ fired_at: now, fired_by: runner }).where('id', '=', id).execute();
}

export async function insertNotice(
  db: Conn,
  n: {
    caseId: string;
    unitId: number | null;
    kind: 'warning' | 'overdue' | 'urge';
    message: string;
    by: number | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('notices')
    .values({
      id: uuidv7(),
      case_id: n.caseId,
      unit_id: n.unitId,
      kind: n.kind,
      message: n.message,
      created_by: n.by,
      created_at: n.at,
    })
    .execute();
}
