import type { AppContext } from '../../platform/context.js';
import type { Category } from '../../platform/db/schema.js';
import { findDistrictBox } from '../cases/index.js';
import { categoryTree } from '../categories/index.js';
import { findUnitByCode } from '../org/index.js';
import type { PublicDistrict, PublicService } from './selfservice.schema.js';

type CategoryNode = Awaited<ReturnType<typeof categoryTree>>[number];

/** Every active leaf under `nodes`, with the top-level category it belongs to, in code order. */
function leaves(nodes: CategoryNode[], group: Category | null, out: PublicService[]): PublicService[] {
  for (const node of nodes) {
    const top = group ?? node.category;
    const c = node.category;
    if (c.is_leaf) {
      out.push({
        code: c.code,
        name: c.name,
        nameEn: c.name_en,
        group: { code: top.code, name: top.name, nameEn: top.name_en },
      });
    }
    leaves(node.children, top, out);
  }
  return out;
}

/**
 * What a citizen may pick on the public form: the active leaf categories (the codes
 * POST /public/reports accepts as `categoryCode`), each with its top-level group.
 */
export async function publicServices(ctx: AppContext): Promise<PublicService[]> {
  return leaves(await categoryTree(ctx.db, false), null, []);
}

/** The district the public form files into: its name and the box a map point must lie in. */
export async function publicDistrict(ctx: AppContext): Promise<PublicDistrict> {
  const [unit, bbox] = await Promise.all([
    findUnitByCode(ctx.db, ctx.config.DISTRICT_CODE),
    findDistrictBox(ctx.db),
  ]);
  return { code: ctx.config.DISTRICT_CODE, name: unit?.name ?? null, bbox };
}
