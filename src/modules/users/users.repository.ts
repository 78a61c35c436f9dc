import { sql, type Updateable } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { Role, UsersTable } from '../../platform/db/schema.js';
import { escapeLike } from '../org/org.repository.js';

/** A user row joined with its unit (unit fields are null for citizens). */
export interface UserWithUnit {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  org_unit_id: number | null;
  phone: string | null;
  active: boolean;
  created_at: Date;
  unit_code: string | null;
  unit_name: string | null;
  unit_short_name: string | null;
  unit_kind: string | null;
  unit_path: string | null;
}

function selectUsers(db: Conn) {
  return db
    .selectFrom('users as u')
    .leftJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.password_hash',
      'u.role',
      'u.org_unit_id',
      'u.phone',
      'u.active',
      // users.created_at is Generated<Timestamp>, whose select type Kysely does not unwrap.
      sql<Date>`u.created_at`.as('created_at'),
      'o.code as unit_code',
      'o.name as unit_name',
      'o.short_name as unit_short_name',
      'o.kind as unit_kind',
      'o.path as unit_path',
    ]);
}

export async function findUserById(db: Conn, id: number): Promise<UserWithUnit | undefined> {
  return selectUsers(db).where('u.id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(db: Conn, username: string): Promise<UserWithUnit | undefined> {
  return selectUsers(db).where('u.username', '=', username).executeTakeFirst();
}

export interface UserFilter {
  /** Users whose unit lies under this path. */
  underPath: string;
  /** Also list users without a unit (citizens). */
  withoutUnit: boolean;
  role?: Role;
  q?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

/** Users in a subtree, newest last, with a total for paging. */
export async function listUsers(db: Conn, f: UserFilter): Promise<{ rows: UserWithUnit[]; total: number }> {
  let query = selectUsers(db).where((eb) =>
    f.withoutUnit
      ? eb.or([eb('o.path', 'like', `${escapeLike(f.underPath)}%`), eb('u.org_unit_id', 'is', null)])
      : eb('o.path', 'like', `${escapeLike(f.underPath)}%`),
  );
  if (f.role) query = query.where('u.role', '=', f.role);
  if (f.active !== undefined) query = query.where('u.active', '=', f.active);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    query.orderBy('u.id').limit(f.limit).offset(f.offset).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertUser(
  db: Conn,
  user: {
    username: string;
    display_name: string;
    password_hash: string;
    role: Role;
    org_unit_id: number | null;
    phone: string | null;
  },
): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Conn,
  id: number,
  changes: Updateable<
    Pick<UsersTable, 'display_name' | 'password_hash' | 'role' | 'org_unit_id' | 'phone' | 'active'>
  >,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Ends every session of a user (deactivation, password change). */
export async function deleteSessionsOfUser(db: Conn, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
