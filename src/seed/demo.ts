import type { AppContext } from '../platform/context.js';
import { BBOX_KEY, knownDistrictBoxes } from '../modules/cases/location.js';
import { createOpen311Client } from '../modules/open311/index.js';
import { seedCatalogue } from './catalogue.js';
import { seedDemoKnowledge } from './knowledge.js';
import { seedHistory, type HistoryResult } from './history.js';
import { seedDemoModel } from './model.js';
import { hasOrg, seedOrg } from './org.js';
import { hashDemoPasswords, insertDemoUsers } from './users.js';

export interface DemoCredentials {
  username: string;
  password: string;
  role: string;
  unitName: string | null;
}

/** What the first start prints once: the demo users and the demo Open311 client's API key. */
export interface DemoSeed {
  users: DemoCredentials[];
  open311ApiKey: string;
  /** The generated case history (DEMO_HISTORY_DAYS), null when switched off. */
  history: HistoryResult | null;
}

/**
 * Seeds the demo district on an empty database: the org tree from the national division
 * codes, departments and grid cells, the category taxonomy with deadlines, the dispatch
 * catalogue, the demo classifier (active: smart dispatch from the first report), the knowledge base's
 * FAQ answers (published), one user per role, an Open311 client 'demo' (key OPEN311_DEMO_API_KEY,
 * random when unset) and DEMO_HISTORY_DAYS days of cases (src/seed/history.ts). Returns the
 * credentials, or null when the database already had data.
 */
export async function seedDemo(ctx: AppContext): Promise<DemoSeed | null> {
  if (await hasOrg(ctx.db)) return null;
  // The passwords hash on libuv's threads while the org tree, catalogue, model and answers are written.
  const passwords = hashDemoPasswords(ctx);
  await seedOrg(ctx);
  await seedCatalogue(ctx);
  const box = knownDistrictBoxes[ctx.config.DISTRICT_CODE];
  if (box) {
    await ctx.db
      .insertInto('settings')
      .values({ key: BBOX_KEY, value: JSON.stringify(box) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  await seedDemoModel(ctx);
  await seedDemoKnowledge(ctx);
  const users = await insertDemoUsers(ctx, passwords);
  const client = await ctx.db
    .transaction()
    .execute((tx) => createOpen311Client(ctx, tx, null, 'demo', ctx.config.OPEN311_DEMO_API_KEY));
  const days = ctx.config.DEMO_HISTORY_DAYS;
  const history = days > 0 ? await seedHistory(ctx, days) : null;
  return { users, open311ApiKey: client.apiKey, history };
}
