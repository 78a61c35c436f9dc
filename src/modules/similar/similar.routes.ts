import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/auth.js';
import { mergeLink, rejectProposal, similarForCase } from './similar.decisions.js';
import { rejectBody, rejectParams, similarParams } from './similar.schema.js';

/** 并案 proposals of a case, and the rejection of a pair. Accepting is the `merge` lifecycle action. */
export const similarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/cases/:id/similar',
    {
      schema: {
        tags: ['similar'],
        summary: '并案 — open cases that are probably the same problem, with score and evidence',
        params: similarParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await similarForCase(ctx, ctx.db, actor, request.params.id);
      return {
        case: { id: r.row.id, number: r.row.number, status: r.row.status },
        proposals: r.proposals.map((p) => ({
          case: { id: p.caseId, number: p.number, status: p.status, receivedAt: p.receivedAt },
          score: p.score,
          evidence: p.evidence,
          merge: mergeLink(r.row, p),
        })),
        atIntake: r.atIntake.map((p) => ({
          case: { id: p.caseId, number: p.number },
          score: p.score,
          evidence: p.evidence,
          rejected: p.rejected,
        })),
      };
    },
  );

  app.post(
    '/cases/:id/similar/:candidateId/reject',
    {
      schema: {
        tags: ['similar'],
        summary: '不予并案 — the two cases are not the same problem; never propose the pair again',
        params: rejectParams,
        body: rejectBody,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const r = await ctx.db
        .transaction()
        .execute((tx) =>
          rejectProposal(
            ctx,
            tx,
            actor,
            request.params.id,
            request.params.candidateId,
            request.body?.reason ?? null,
          ),
        );
      return {
        case: { id: r.row.id, number: r.row.number },
        candidate: { id: r.candidate.id, number: r.candidate.number },
        status: 'rejected' as const,
        score: r.score,
      };
    },
  );
};
