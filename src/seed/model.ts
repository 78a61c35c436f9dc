import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { AppContext } from '../platform/context.js';
import type { LabelMap } from '../platform/db/schema.js';
import { departmentCode } from '../modules/org/index.js';
import { projectPath } from '../platform/paths.js';
import { activateModel, registerModel } from '../modules/suggest/index.js';

const MODELS = `${projectPath('models')}/`;

interface DepartmentsFile {
  model: string;
  classes: Record<string, { department: string; category: string }>;
}

/** The shipped demo model and its label map, or null when the files are not in the checkout. */
function demoModelFiles(ctx: AppContext): { name: string; bytes: Buffer; labelMap: LabelMap } | null {
  const mapPath = `${MODELS}teddycup-l1.departments.json`;
  if (!existsSync(mapPath)) return null;
  const file = JSON.parse(readFileSync(mapPath, 'utf8')) as DepartmentsFile;
  const modelPath = `${MODELS}${file.model}`;
  if (!existsSync(modelPath)) return null;
  const labelMap: LabelMap = {};
  for (const [label, target] of Object.entries(file.classes)) {
    labelMap[label] = {
      unitCode: departmentCode(ctx.config.DISTRICT_CODE, target.department),
      categoryCode: target.category,
    };
  }
  return { name: file.model, bytes: readFileSync(modelPath), labelMap };
}

async function registerDemoModel(
  ctx: AppContext,
  files: { name: string; bytes: Buffer; labelMap: LabelMap },
): Promise<number> {
  const entry = await registerModel(ctx, ctx.db, {
    name: files.name,
    source: `file:${files.name}`,
    bytes: files.bytes,
    labelMap: files.labelMap,
    metrics: {},
    createdBy: null,
  });
  await activateModel(ctx, ctx.db, entry.version, null);
  return entry.version;
}

/**
 * Registers and activates the classifier that ships with the demo (trained on the 2020 Teddy Cup
 * messages, `npm run model:demo`): each of its 7 classes goes to a demo department, under a
 * category of that department's domain (which sets the deadlines of an automatic dispatch).
 * Returns the version, or null when the model file is not in the checkout.
 */
export async function seedDemoModel(ctx: AppContext): Promise<number | null> {
  const files = demoModelFiles(ctx);
  return files ? registerDemoModel(ctx, files) : null;
}

/**
 * On a later start of a demo district: when the active model is still the shipped one but the
 * checkout now ships other bytes (a rebuilt or reformatted model after an upgrade), the new file
 * becomes the next version and is activated; the old stays in the registry to roll back to. A city
 * that activated its own model is left alone. Returns the new version, or null when nothing changed.
 */
export async function refreshDemoModel(ctx: AppContext): Promise<number | null> {
  const files = demoModelFiles(ctx);
  if (!files) return null;
  const active = await ctx.db
    .selectFrom('classifier_models')
    .select(['source', 'sha256'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (!active || active.source !== `file:${files.name}`) return null;
  if (active.sha256 === createHash('sha256').update(files.bytes).digest('hex')) return null;
  return registerDemoModel(ctx, files);
}
