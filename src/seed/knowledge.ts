import type { AppContext } from '../platform/context.js';
import { createArticle } from '../modules/knowledge/index.js';
import { departmentCode, findUnitByCode } from '../modules/org/index.js';
import { findCategoryByCode } from '../modules/categories/index.js';
import { demoArticles } from './data/knowledge.js';

/**
 * The demo knowledge base, published and (unless an article says otherwise) offered to citizens on
 * the portal: each article through createArticle (indexed and audited like
 * an administrator's). A category or department the district lacks is left out, not invented.
 */
export async function seedDemoKnowledge(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const a of demoArticles) {
    const owner = a.owner ? departmentCode(ctx.config.DISTRICT_CODE, a.owner) : null;
    const hasOwner = owner !== null && (await findUnitByCode(ctx.db, owner)) !== undefined;
    const hasCategory =
      a.categoryCode !== null && (await findCategoryByCode(ctx.db, a.categoryCode)) !== undefined;
    await createArticle(ctx, null, {
      title: a.title,
      questions: a.questions,
      keywords: a.keywords,
      answer: a.answer,
      categoryCode: hasCategory ? a.categoryCode : null,
      ownerUnitCode: hasOwner ? owner : null,
      validUntil: a.validUntil ?? null,
      status: 'published',
      public: a.public ?? true,
    });
    n++;
  }
  return n;
}
