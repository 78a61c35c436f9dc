import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreRoles, requireActor, requireRole } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { presentCase } from '../cases/cases.presenter.js';
import { findCase } from '../cases/cases.repository.js';
import { caseParams } from '../cases/cases.schema.js';
import { assertInScope, scopeFilter, scopeOf } from '../cases/index.js';
import { modelListOut, modelOut } from './models.schema.js';
import { activateModel, activeModelProblem, listModels, rollbackModel, type ModelEntry } from './registry.js';

const suggestionOut = z.object({
  modelVersion: z.number(),
  label: z.string(),
  confidence: z.number(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  /** The other readings, best first, each with the unit and category its label stands for (when mapped). */
  alternatives: z.array(
    z.object({
      label: z.string(),
      confidence: z.number(),
      unitId: z.number().nullable(),
      unitName: z.string().nullable(),
      categoryCode: z.string().nullable(),
    }),
  ),
  phrases: z.array(z.object({ text: z.string(), weight: z.number() })),
  decision: z.string(),
});

/** A case's suggestion joined with the names a dispatcher reads. */
function suggestionQuery(db: Conn) {
  return db
    .selectFrom('case_suggestions as s')
    .innerJoin('classifier_models as m', 'm.id', 's.model_id')
    .leftJoin('categories as c', 'c.id', 's.category_id')
    .leftJoin('org_units as u', 'u.id', 's.unit_id')
    .select([
      's.case_id',
      'm.version',
      's.label',
      's.confidence',
      'c.code as category_code',
      'c.name as category_name',
      's.unit_id',
      'u.name as unit_name',
      's.alternatives',
      's.phrases',
      's.decision',
      'm.label_map',
    ]);
}

type SuggestionRow = Awaited<ReturnType<ReturnType<typeof suggestionQuery>['execute']>>[number];
type UnitsByCode = Map<string, { id: number; name: string }>;

/** The active units the alternatives' labels stand for, by code, in one query for all the rows. */
async function alternativeUnits(db: Conn, rows: readonly SuggestionRow[]): Promise<UnitsByCode> {
  const codes = new Set<string>();
  for (const r of rows) {
    for (const a of r.alternatives as Array<{ label: string }>) {
      const code = r.label_map[a.label]?.unitCode;
      if (code) codes.add(code);
    }
  }
  if (codes.size === 0) return new Map();
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'name'])
    .where('code', 'in', [...codes])
    .where('active', '=', true)
    .execute();
  return new Map(units.map((u) => [u.code, { id: u.id, name: u.name }]));
}

function presentSuggestion(r: SuggestionRow, units: UnitsByCode) {
  return {
    modelVersion: r.version,
    label: r.label,
    confidence: r.confidence,
    categoryCode: r.category_code,
    categoryName: r.category_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    alternatives: (r.alternatives as Array<{ label: string; confidence: number }>).map((a) => {
      const target = r.label_map[a.label];
      const unit = target?.unitCode ? units.get(target.unitCode) : undefined;
      return {
        label: a.label,
        confidence: a.confidence,
        unitId: unit?.id ?? null,
        unitName: unit?.name ?? null,
        categoryCode: target?.categoryCode ?? null,
      };
    }),
    phrases: r.phrases as Array<{ text: string; weight: number }>,
    decision: r.decision,
  };
}

function presentModel(m: ModelEntry) {
  return {
    version: m.version,
    name: m.name,
    source: m.source,
    labels: m.labelMap,
    metrics: m.metrics,
    examples: m.examples,
    sha256: m.sha256,
    sizeBytes: m.sizeBytes,
    active: m.active,
    createdAt: m.createdAt.toISOString(),
    activatedAt: m.activatedAt?.toISOString() ?? null,
  };
}

/** The dispatcher queue, each case's suggestion, and the model registry. */
export const suggestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['dispatch'];

  app.get(
    '/intake/queue',
    {
      schema: {
        tags,
        summary: '待派单 — cases waiting for a dispatcher, oldest first, with the model’s suggestion',
        querystring: z.strictObject({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      const actor = requireRole(request, centreRoles);
      const scope = await scopeOf(ctx.db, actor);
      const { page, pageSize } = request.query;
      const base = ctx.db
        .selectFrom('cases as c')
        .where(scopeFilter(scope))
        .where('c.status', '=', 'received');
      const [rows, total] = await Promise.all([
        base
          .selectAll('c')
          .orderBy('c.received_at')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const suggestions =
        rows.length === 0
          ? []
          : await suggestionQuery(ctx.db)
              .where(
                's.case_id',
                'in',
                rows.map((r) => r.id),
              )
              .execute();
      const units = await alternativeUnits(ctx.db, suggestions);
      const byCase = new Map(suggestions.map((s) => [s.case_id, presentSuggestion(s, units)]));
      return {
        items: rows.map((r) => ({ case: presentCase(r, actor), suggestion: byCase.get(r.id) ?? null })),
        total: Number(total.n),
        page,
      };
    },
  );

  app.get(
    '/cases/:id/suggestion',
    {
      schema: {
        tags,
        summary: 'What the model suggested for a case at intake, and what intake did with it',
        params: caseParams,
        response: { 200: z.object({ suggestion: suggestionOut.nullable() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.role === 'citizen') throw new DomainError('forbidden', 'suggestions are for staff');
      const row = await findCase(ctx.db, request.params.id);
      if (!row) throw new DomainError('case_not_found', `no case ${request.params.id}`);
      await assertInScope(ctx.db, actor, row);
      const s = await suggestionQuery(ctx.db).where('s.case_id', '=', row.id).executeTakeFirst();
      return { suggestion: s ? presentSuggestion(s, await alternativeUnits(ctx.db, [s])) : null };
    },
  );

  app.get(
    '/models',
    { schema: { tags, summary: 'The classifier model registry', response: { 200: modelListOut } } },
    async (request) => {
      requireRole(request, ['admin', 'supervisor', 'leader']);
      const [models, live, problem] = await Promise.all([
        listModels(ctx.db),
        liveAccuracy(ctx.db),
        activeModelProblem(ctx, ctx.db),
      ]);
      return {
        items: models.map((m) => ({ ...presentModel(m), live: live.get(m.version) ?? null })),
        // The active version cannot be read (older format, damaged): intake runs without suggestions.
        activeProblem: problem,
      };
    },
  );

  app.post(
    '/models/:version/activate',
    {
      schema: {
        tags,
        summary: 'Make a model version the active one',
        params: z.strictObject({ version: z.coerce.number().int().positive() }),
        response: { 200: modelOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return presentModel(await activateModel(ctx, ctx.db, request.params.version, actor.id));
    },
  );

  app.post(
    '/models/rollback',
    { schema: { tags, summary: 'Go back to the previously active model', response: { 200: modelOut } } },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return presentModel(await rollbackModel(ctx, ctx.db, actor.id));
    },
  );
};

/**
 * How each model's suggestions fared against the city's answers (the unit that accepted the
 * case): suggested, labelled since, right; and for its automatic dispatches alone.
 */
async function liveAccuracy(db: Conn) {
  const rows = await db
    .selectFrom('case_suggestions as s')
    .innerJoin('classifier_models as m', 'm.id', 's.model_id')
    .leftJoin('training_labels as t', 't.case_id', 's.case_id')
    .select((e) => [
      'm.version',
      e.fn.countAll<number>().as('suggested'),
      e.fn.count<number>('t.case_id').as('labelled'),
      e.fn.sum<number>(e.case().when('t.unit_id', '=', e.ref('s.unit_id')).then(1).else(0).end()).as('right'),
      e.fn.sum<number>(e.case().when('s.decision', '=', 'auto_dispatched').then(1).else(0).end()).as('auto'),
      e.fn
        .sum<number>(
          e
            .case()
            .when(e.and([e('s.decision', '=', 'auto_dispatched'), e('t.unit_id', '=', e.ref('s.unit_id'))]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('auto_right'),
      e.fn
        .sum<number>(
          e
            .case()
            .when(e.and([e('s.decision', '=', 'auto_dispatched'), e('t.case_id', 'is not', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('auto_labelled'),
    ])
    .groupBy('m.version')
    .execute();
  return new Map(
    rows.map((r) => [
      r.version,
      {
        suggested: Number(r.suggested),
        autoDispatched: Number(r.auto),
        labelled: Number(r.labelled),
        accuracy: Number(r.labelled) === 0 ? null : Number(r.right) / Number(r.labelled),
        autoAccuracy: Number(r.auto_labelled) === 0 ? null : Number(r.auto_right) / Number(r.auto_labelled),
      },
    ]),
  );
}
