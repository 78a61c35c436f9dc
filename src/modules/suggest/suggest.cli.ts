import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliIo } from '../../cli.js';
import { loadConfig } from '../../platform/config.js';
import type { AppContext } from '../../platform/context.js';
import { openDatabase } from '../../platform/db/index.js';
import type { LabelMap } from '../../platform/db/schema.js';
import { stepText } from '../jobs/index.js';
import { activateModel, listModels, registerModel, rollbackModel } from './registry.js';
import { trainFromDb } from './training.js';

export const trainFromDbUsage = 'train --from-db [--label unit|category] [--since-days N] [--activate]';
export const modelsUsage =
  'models list | activate <version> | rollback | import --model FILE --labels FILE.json [--activate]';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function withContext<T>(io: CliIo, run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const handle = await openDatabase(config);
  try {
    return await run({ db: handle.db, config, dbKind: handle.kind });
  } finally {
    await handle.close();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** `train --from-db`: a new model version from the cases the city has handled. */
export async function runTrainFromDb(args: string[], io: CliIo): Promise<number> {
  const label = flag(args, '--label') ?? 'unit';
  const since = flag(args, '--since-days');
  if ((label !== 'unit' && label !== 'category') || (since !== undefined && !(Number(since) > 0))) {
    io.err(`usage: ${trainFromDbUsage}`);
    return 2;
  }
  return withContext(io, async (ctx) => {
    const { entry, evaluation: e } = await trainFromDb(ctx, ctx.db, {
      label,
      sinceDays: since === undefined ? undefined : Number(since),
      activate: args.includes('--activate'),
      createdBy: null,
      onProgress: (progress, step) => Promise.resolve(io.err(`${pct(progress)} ${stepText(step)}`)),
    });
    io.err(
      `model v${entry.version} (${entry.name}) from ${e.examples} labelled cases: ${e.folds}-fold macro-F1 ` +
        `${e.macroF1.toFixed(3)}, accuracy ${pct(e.accuracy)}; at confidence ≥ ${e.autoDispatch.threshold}: ` +
        `${pct(e.autoDispatch.share)} dispatched automatically, ${pct(e.autoDispatch.accuracy)} of them right` +
        (entry.active ? '; active' : `; activate with: models activate ${entry.version}`),
    );
    io.out(String(entry.version));
    return 0;
  });
}

/** The registry from the command line. */
export async function runModelsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    return withContext(io, async (ctx) => {
      for (const m of await listModels(ctx.db)) {
        const cv = (m.metrics as { crossValidation?: { macroF1?: number } }).crossValidation;
        io.out(
          `${m.active ? '*' : ' '} v${m.version}  ${m.name}  ${m.source}  ${m.examples} examples  ` +
            `${(m.sizeBytes / 1024).toFixed(0)} KiB${cv?.macroF1 !== undefined ? `  macro-F1 ${cv.macroF1.toFixed(3)}` : ''}`,
        );
      }
      return 0;
    });
  }
  if (sub === 'activate' && rest[0] && /^\d+$/.test(rest[0])) {
    return withContext(io, async (ctx) => {
      const m = await activateModel(ctx, ctx.db, Number(rest[0]), null);
      io.out(`v${m.version} active`);
      return 0;
    });
  }
  if (sub === 'rollback') {
    return withContext(io, async (ctx) => {
      const m = await rollbackModel(ctx, ctx.db, null);
      io.out(`v${m.version} active`);
      return 0;
    });
  }
  const modelPath = flag(rest, '--model');
  const labelsPath = flag(rest, '--labels');
  if (sub === 'import' && modelPath && labelsPath) {
    const bytes = readFileSync(modelPath);
    const labelMap = JSON.parse(readFileSync(labelsPath, 'utf8')) as LabelMap;
    return withContext(io, async (ctx) => {
      let m = await registerModel(ctx, ctx.db, {
        name: basename(modelPath),
        source: `file:${basename(modelPath)}`,
        bytes,
        labelMap,
        metrics: {},
        createdBy: null,
      });
      if (rest.includes('--activate')) m = await activateModel(ctx, ctx.db, m.version, null);
      io.out(`v${m.version}${m.active ? ' active' : ''}`);
      return 0;
    });
  }
  io.err(`usage: ${modelsUsage}`);
  return 2;
}
