import type { World } from '../../../test/world.js';
import { demoArticles } from '../../seed/data/knowledge.js';
import { createArticle } from './knowledge.service.js';

/**
 * The demo's twelve answers, published and public, without the demo taxonomy's links (the test
 * world has its own catalogue); returns each article's id by title.
 */
export async function publishDemoArticles(w: World): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const a of demoArticles) {
    const { owner: _owner, categoryCode: _category, validUntil: _until, public: _public, ...text } = a;
    const row = await createArticle(w.ctx, w.users.admin.id, {
      ...text,
      categoryCode: null,
      ownerUnitCode: null,
      validUntil: null,
      public: true,
      status: 'published',
    });
    ids.set(a.title, row.id);
  }
  return ids;
}
