import type { AppContext } from '../platform/context.js';
import { BBOX_KEY, knownDistrictBoxes } from '../modules/cases/location.js';
import { seedCatalogue } from './catalogue.js';
import { seedOrg } from './org.js';
import { seedDemoUsers } from './users.js';

export interface DemoCredentials {
  username: string;
  password: string;
  role: string;
  unitName: string | null;
}

/**
 * Seeds the demo district on an empty database: the org tree from the national division
 * codes, departments and grid cells, the category taxonomy with deadlines, the dispatch
 * catalogue and one user per role. Returns the users' credentials, or null when the database
 * already had data.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoCredentials[] | null> {
  const seeded = await seedOrg(ctx);
  if (!seeded) return null;
  await seedCatalogue(ctx);
  const box = knownDistrictBoxes[ctx.config.DISTRICT_CODE];
  if (box) {
    await ctx.db
      .insertInto('settings')
      .values({ key: BBOX_KEY, value: JSON.stringify(box) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  return seedDemoUsers(ctx);
}
