import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { Role } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';

/**
 * Creates the service user a machine client (an Open311 client, an inbound channel) files its
 * reports as: an agent at 指挥中心 (<district>-D20), else at the district itself, so its cases are
 * in the centre's scope like any hotline intake. The user can never log in with a password.
 */
export async function createServiceUser(
  ctx: AppContext,
  db: Conn,
  who: {
    /** Username prefix naming the kind of client, e.g. `open311` or `channel`. */
    prefix: string;
    displayName: string;
    /** Role the machine acts in; an agent unless its channel's policy needs more (e.g. 重办). */
    role?: Role;
  },
): Promise<number> {
  const district = ctx.config.DISTRICT_CODE;
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'code'])
    .where('code', 'in', [`${district}-D20`, district])
    .execute();
  const unit = units.find((u) => u.code === `${district}-D20`) ?? units.find((u) => u.code === district);
  if (!unit) throw new DomainError('unknown_unit', `no unit for district ${district}`);
  const user = await db
    .insertInto('users')
    .values({
      username: `${who.prefix}:${randomBytes(6).toString('hex')}`,
      display_name: who.displayName.slice(0, 100),
      // Not a scrypt hash: this user can never log in with a password.
      password_hash: '!',
      role: who.role ?? 'agent',
      org_unit_id: unit.id,
      phone: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return user.id;
}
