import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../platform/context.js';
import type { LabelMap } from '../platform/db/schema.js';
import { departmentCode } from '../modules/org/index.js';
import { activateModel, registerModel } from '../modules/suggest/index.js';

const MODELS = fileURLToPath(new URL('../../models/', import.meta.url));

interface DepartmentsFile {
  model: string;
  classes: Record<string, { department: string; category: string }>;
}

/**
 * Registers and activates the classifier that ships with the demo (trained on the 2020 Teddy Cup
 * messages, `npm run model:demo`): each of its 7 classes goes to a demo department, under a
 * category of that department's domain (which sets the deadlines of an automatic dispatch).
 * Returns the version, or null when the model file is not in the checkout.
 */
export async function seedDemoModel(ctx: AppContext): Promise<number | null> {
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
  const entry = await registerModel(ctx, ctx.db, {
    name: file.model,
    source: `file:${file.model}`,
    bytes: readFileSync(modelPath),
    labelMap,
    metrics: {},
    createdBy: null,
  });
  await activateModel(ctx, ctx.db, entry.version, null);
  return entry.version;
}
