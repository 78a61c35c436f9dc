import { appendAudit } from '../../platform/audit.js';
import { actorQuery, toActor, type Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { createServiceUser } from '../users/index.js';

/** The settings row that names the public web channel's service user. */
const SETTING_KEY = 'selfservice.user';

/**
 * The actor the public web channel files, rates and reopens as: one service user per deployment,
 * created on first use like an Open311 client's. It is a supervisor at 指挥中心 because online
 * 重办 within the window is the callback desk's policy applied automatically, and the existing
 * reopen action is the supervisor's; it can never log in, and the self-service code only lets
 * it act on the one report whose reporter proved who they are. An admin who deactivates the user
 * switches self-service off (403).
 */
export async function publicActor(ctx: AppContext): Promise<Actor> {
  const userId = (await configuredUserId(ctx.db)) ?? (await createPublicUser(ctx));
  const actor = toActor(await actorQuery(ctx.db).where('u.id', '=', userId).executeTakeFirst());
  if (!actor) throw new DomainError('forbidden', '网上自助服务已关闭 (self-service is switched off)');
  return actor;
}

async function configuredUserId(db: Conn): Promise<number | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SETTING_KEY)
    .executeTakeFirst();
  return (row?.value as { userId?: number } | null | undefined)?.userId;
}

/** Creates the user once: the settings row is claimed and locked first, so racing nodes agree. */
async function createPublicUser(ctx: AppContext): Promise<number> {
  return ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('settings')
      .values({ key: SETTING_KEY, value: 'null' })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await tx
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SETTING_KEY)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const existing = (row.value as { userId?: number } | null)?.userId;
    if (existing) return existing;
    const userId = await createServiceUser(ctx, tx, {
      prefix: 'selfservice',
      displayName: '市民网上自助 (public web)',
      role: 'supervisor',
    });
    await tx
      .updateTable('settings')
      .set({ value: JSON.stringify({ userId }), updated_at: new Date() })
      .where('key', '=', SETTING_KEY)
      .execute();
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: null,
      action: 'selfservice_user_created',
      entity: 'user',
      entityId: String(userId),
      after: { role: 'supervisor', channel: 'web' },
    });
    return userId;
  });
}
