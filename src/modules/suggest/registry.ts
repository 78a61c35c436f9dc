import { createHash } from 'node:crypto';
import { appendAudit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn, Db } from '../../platform/db/index.js';
import type { LabelMap } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { ClassifierError, loadModel, type Model } from '../classifier/index.js';

/** A registry entry as listed (never the model bytes). */
export interface ModelEntry {
  id: number;
  version: number;
  name: string;
  source: string;
  labelMap: LabelMap;
  metrics: Record<string, unknown>;
  examples: number;
  sha256: string;
  sizeBytes: number;
  active: boolean;
  createdAt: Date;
  activatedAt: Date | null;
}

const listed = [
  'id',
  'version',
  'name',
  'source',
  'label_map',
  'metrics',
  'examples',
  'sha256',
  'size_bytes',
  'active',
  'created_at',
  'activated_at',
] as const;

function toEntry(r: {
  id: number;
  version: number;
  name: string;
  source: string;
  label_map: LabelMap;
  metrics: Record<string, unknown>;
  examples: number;
  sha256: string;
  size_bytes: number;
  active: boolean;
  created_at: Date;
  activated_at: Date | null;
}): ModelEntry {
  return {
    id: r.id,
    version: r.version,
    name: r.name,
    source: r.source,
    labelMap: r.label_map,
    metrics: r.metrics,
    examples: r.examples,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    active: r.active,
    createdAt: r.created_at,
    activatedAt: r.activated_at,
  };
}

/**
 * Adds a model as the next version, inactive. The bytes are checked by loading them first, and
 * every label must be mapped: a model that cannot be used is refused before it is stored.
 */
export async function registerModel(
  ctx: AppContext,
  db: Conn,
  input: {
    name: string;
    source: string;
    bytes: Buffer;
    labelMap: LabelMap;
    metrics: Record<string, unknown>;
    createdBy: number | null;
  },
): Promise<ModelEntry> {
  const model = loadModel(input.bytes);
  const unmapped = model.labels.filter((l) => !input.labelMap[l]);
  if (unmapped.length > 0) {
    throw new DomainError('validation_failed', `labels without a category or unit: ${unmapped.join(', ')}`);
  }
  const top = await db
    .selectFrom('classifier_models')
    .select((e) => e.fn.max('version').as('v'))
    .executeTakeFirst();
  const version = (top?.v ?? 0) + 1;
  const row = await db
    .insertInto('classifier_models')
    .values({
      version,
      name: input.name,
      source: input.source,
      label_map: JSON.stringify(input.labelMap),
      metrics: JSON.stringify(input.metrics),
      examples: model.info.examples,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      size_bytes: input.bytes.length,
      model: input.bytes,
      created_by: input.createdBy,
    })
    .returning(listed)
    .executeTakeFirstOrThrow();
  await appendAudit(db, ctx.config.AUDIT_SECRET, {
    actorUserId: input.createdBy,
    action: 'classifier_model_registered',
    entity: 'classifier_model',
    entityId: String(version),
    after: { name: input.name, source: input.source, examples: row.examples, sha256: row.sha256 },
  });
  return toEntry(row);
}

export async function listModels(db: Conn): Promise<ModelEntry[]> {
  const rows = await db.selectFrom('classifier_models').select(listed).orderBy('version', 'desc').execute();
  return rows.map(toEntry);
}

/** Makes `version` the one active model (audited); the others stay in the registry. */
export async function activateModel(
  ctx: AppContext,
  db: Db,
  version: number,
  actorUserId: number | null,
): Promise<ModelEntry> {
  return db.transaction().execute(async (tx) => {
    const target = await tx
      .selectFrom('classifier_models')
      .select(['id', 'active'])
      .where('version', '=', version)
      .forUpdate()
      .executeTakeFirst();
    if (!target) throw new DomainError('not_found', `no model version ${version}`);
    const previous = await tx
      .updateTable('classifier_models')
      .set({ active: false })
      .where('active', '=', true)
      .returning('version')
      .executeTakeFirst();
    const row = await tx
      .updateTable('classifier_models')
      .set({ active: true, activated_at: new Date() })
      .where('id', '=', target.id)
      .returning(listed)
      .executeTakeFirstOrThrow();
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId,
      action: 'classifier_model_activated',
      entity: 'classifier_model',
      entityId: String(version),
      before: { activeVersion: previous?.version ?? null },
      after: { activeVersion: version },
    });
    forgetActiveModel(ctx);
    return toEntry(row);
  });
}

/** Goes back to the model that was active before the current one. */
export async function rollbackModel(ctx: AppContext, db: Db, actorUserId: number | null) {
  const rows = await db
    .selectFrom('classifier_models')
    .select(['version', 'active', 'activated_at'])
    .where('activated_at', 'is not', null)
    .orderBy('activated_at', 'desc')
    .execute();
  const current = rows.find((r) => r.active);
  const previous = rows.find((r) => !r.active);
  if (!current || !previous) throw new DomainError('not_found', 'no earlier active model to go back to');
  return activateModel(ctx, db, previous.version, actorUserId);
}

/** The active model, loaded once per process and re-read when another version becomes active. */
export interface ActiveModel {
  id: number;
  version: number;
  model: Model;
  labelMap: LabelMap;
}

const CHECK_MS = 5_000;
/** Per database (the config object is one per process and database). */
const caches = new WeakMap<
  object,
  {
    active: ActiveModel | null;
    checkedAt: number;
    /** The active row when its bytes could not be read (not read again until another is activated). */
    problem?: { id: number; version: number; error: ClassifierError };
  }
>();

export function forgetActiveModel(ctx: AppContext): void {
  caches.delete(ctx.config);
}

export async function activeModel(ctx: AppContext, db: Conn, now = Date.now()): Promise<ActiveModel | null> {
  const cached = caches.get(ctx.config);
  if (cached && now - cached.checkedAt < CHECK_MS) return cached.active;
  const head = await db
    .selectFrom('classifier_models')
    .select(['id', 'version'])
    .where('active', '=', true)
    .executeTakeFirst();
  if (!head) {
    caches.set(ctx.config, { active: null, checkedAt: now });
    return null;
  }
  if (cached && (cached.active?.id === head.id || cached.problem?.id === head.id)) {
    cached.checkedAt = now;
    return cached.active;
  }
  const row = await db
    .selectFrom('classifier_models')
    .select(['id', 'version', 'model', 'label_map'])
    .where('id', '=', head.id)
    .executeTakeFirstOrThrow();
  let model: Model;
  try {
    model = loadModel(Buffer.from(row.model));
  } catch (err) {
    // A model this program cannot read (an older format after an upgrade, damaged bytes) must not
    // stop intake: reports go to the dispatcher queue without a suggestion until someone activates
    // a readable version; activeModelProblem says why.
    if (!(err instanceof ClassifierError)) throw err;
    caches.set(ctx.config, {
      active: null,
      checkedAt: now,
      problem: { id: row.id, version: row.version, error: err },
    });
    return null;
  }
  const active = { id: row.id, version: row.version, model, labelMap: row.label_map };
  caches.set(ctx.config, { active, checkedAt: now });
  return active;
}

/** Why the active model is not in use (it cannot be read), or null when it is fine or none is active. */
export async function activeModelProblem(
  ctx: AppContext,
  db: Conn,
): Promise<{ version: number; code: string; message: string } | null> {
  await activeModel(ctx, db);
  const problem = caches.get(ctx.config)?.problem;
  return problem
    ? { version: problem.version, code: problem.error.code, message: problem.error.message }
    : null;
}
