import type { Conn } from '../../platform/db/index.js';

/** The settings key under which an administrator's composite weights are kept. */
export const WEIGHTS_KEY = 'metrics.weights';

/** The stored weights value (unvalidated), or undefined when never set. */
export async function readWeightsSetting(db: Conn): Promise<unknown> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', WEIGHTS_KEY)
    .executeTakeFirst();
  return row?.value;
}

/** Creates or replaces the stored weights. */
export async function writeWeightsSetting(db: Conn, value: unknown): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: WEIGHTS_KEY, value: JSON.stringify(value) })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: new Date() }),
    )
    .execute();
}
