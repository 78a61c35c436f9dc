import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { centreRoles, requireRole } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { caseDeps } from '../cases/cases.deps.impl.js';
import { findCase } from '../cases/index.js';
import { activeModel } from './registry.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What the agent has typed so far; nothing is saved. */
export const previewBody = z.strictObject({
  text: text(4000),
  title: text(200).optional(),
  /** The area (street, community or grid) by code, when the address is resolved. */
  areaCode: text(40).optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
});

export const previewOut = z.object({
  /** The active model's reading of the text; null without an active model or readable text. */
  suggestion: z
    .object({
      modelVersion: z.number().int(),
      label: z.string(),
      confidence: z.number(),
      categoryCode: z.string().nullable(),
      categoryName: z.string().nullable(),
      unitId: z.number().int().nullable(),
      unitName: z.string().nullable(),
      /** Every reading, best first (the first is `label`), with the category and unit each label means. */
      alternatives: z.array(
        z.object({
          label: z.string(),
          confidence: z.number(),
          categoryCode: z.string().nullable(),
          categoryName: z.string().nullable(),
          unitName: z.string().nullable(),
        }),
      ),
      phrases: z.array(z.object({ text: z.string(), weight: z.number() })),
      reasons: z.array(z.string()),
    })
    .nullable(),
  /** Open cases this report would probably repeat (并案 candidates), best first, as intake would propose them. */
  similar: z.array(
    z.object({
      caseId: z.string(),
      number: z.string(),
      status: z.string(),
      score: z.number(),
      title: z.string().nullable(),
      description: z.string(),
      address: z.string().nullable(),
      receivedAt: z.string(),
    }),
  ),
});

class Rollback extends Error {}

/**
 * The 并案 proposals intake would make for this text now: the same lookup as intake, run in a
 * transaction that is rolled back, so the unsaved text is never indexed.
 */
async function similarForText(
  ctx: AppContext,
  probe: {
    text: string;
    title: string | null;
    lon: number | null;
    lat: number | null;
    areaUnitId: number | null;
  },
) {
  let found: Awaited<ReturnType<typeof caseDeps.similar.atIntake>>['proposals'] = [];
  await ctx.db
    .transaction()
    .execute(async (tx) => {
      const r = await caseDeps.similar.atIntake(
        ctx,
        tx,
        { ...probe, categoryId: null, at: new Date() },
        randomUUID(),
      );
      found = r.proposals;
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return found;
}

/** Each label of the model as the agent can choose it: its leaf category and its unit, with names. */
async function readings(ctx: AppContext, labels: Array<{ label: string; confidence: number }>) {
  const active = await activeModel(ctx, ctx.db);
  return Promise.all(
    labels.map(async ({ label, confidence }) => {
      const target = active?.labelMap[label] ?? {};
      const [category, unit] = await Promise.all([
        target.categoryCode ? caseDeps.findCategory(ctx.db, target.categoryCode) : undefined,
        target.unitCode ? caseDeps.findUnit(ctx.db, target.unitCode) : undefined,
      ]);
      const leaf = category?.active && category.is_leaf ? category : undefined;
      return {
        label,
        confidence,
        categoryCode: leaf?.code ?? null,
        categoryName: leaf?.name ?? null,
        unitName: unit?.active ? unit.name : null,
      };
    }),
  );
}

/** POST /api/intake/preview — live classification and similar open cases for text being typed. */
export const previewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.post(
    '/intake/preview',
    {
      schema: {
        tags: ['dispatch'],
        summary: '智能受理预览 — classify unsaved text and find similar open cases (nothing is saved)',
        body: previewBody,
        response: { 200: previewOut },
      },
    },
    async (request) => {
      requireRole(request, centreRoles);
      const body = request.body;
      let areaUnitId: number | null = null;
      if (body.areaCode) {
        const area = await caseDeps.findUnit(ctx.db, body.areaCode);
        if (!area) throw new DomainError('unit_not_found', `no unit ${body.areaCode}`);
        areaUnitId = area.id;
      }
      const probe = { text: body.text, title: body.title ?? null, areaUnitId };
      // One after the other: on the embedded PGlite the rolled-back transaction holds the only connection.
      const s = await caseDeps.suggest(ctx, ctx.db, probe);
      const proposals = await similarForText(ctx, { ...probe, lon: body.lon ?? null, lat: body.lat ?? null });
      const [category, unit, cases, alternatives] = await Promise.all([
        s?.categoryId ? caseDeps.findCategoryById(ctx.db, s.categoryId) : undefined,
        s?.unitId ? caseDeps.findUnit(ctx.db, s.unitId) : undefined,
        Promise.all(proposals.map((p) => findCase(ctx.db, p.caseId))),
        s ? readings(ctx, [{ label: s.label, confidence: s.confidence }, ...s.alternatives]) : [],
      ]);
      return {
        suggestion: s && {
          modelVersion: s.modelVersion,
          label: s.label,
          confidence: s.confidence,
          categoryCode: s.categoryCode,
          categoryName: category?.name ?? null,
          unitId: s.unitId,
          unitName: unit?.name ?? null,
          alternatives,
          phrases: s.phrases,
          reasons: s.reasons,
        },
        similar: proposals.flatMap((p, i) => {
          const c = cases[i];
          if (!c) return [];
          return [
            {
              caseId: c.id,
              number: c.number,
              status: c.status,
              score: p.score,
              title: c.title,
              description: c.description,
              address: c.address,
              receivedAt: c.received_at.toISOString(),
            },
          ];
        }),
      };
    },
  );
};
