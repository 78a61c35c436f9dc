import type { AppContext } from '../platform/context.js';
import type { Conn } from '../platform/db/index.js';
import { findUnitByCode, importDistrict, seedDepartments, seedGrids } from '../modules/org/index.js';

/**
 * First-start seed of the org tree: when org_units is empty, imports the configured district
 * (streets and communities from the national division codes), its departments and two grid
 * cells per community. Returns whether it seeded.
 */
export async function seedOrg(ctx: AppContext): Promise<boolean> {
  if (await hasOrg(ctx.db)) return false;
  const secret = ctx.config.AUDIT_SECRET;
  await importDistrict(ctx.db, ctx.config.DISTRICT_CODE, secret);
  await seedDepartments(ctx.db, ctx.config.DISTRICT_CODE, secret);
  const district = await findUnitByCode(ctx.db, ctx.config.DISTRICT_CODE);
  await seedGrids(ctx.db, district!.path, secret, 2);
  return true;
}

/** Whether the database has an org tree already (the seed writes it first, once). */
export async function hasOrg(db: Conn): Promise<boolean> {
  const { n } = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n) > 0;
}
