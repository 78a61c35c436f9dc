import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth.js';
import { jobOut, presentJob, startJob } from '../jobs/index.js';
import { trainBody, type TrainingResult } from './models.schema.js';
import { trainFromDb } from './training.js';

/**
 * Retraining from the database as a job (the same run as `train --from-db`): answers 202 with the
 * job at once; the run goes on in this process, yielding between folds, and GET /api/jobs/{id}
 * shows its progress and, once done, the new version.
 */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/models/train',
    {
      schema: {
        tags: ['dispatch'],
        summary: 'Start retraining the classifier from the labelled cases (a job: poll /api/jobs/{id})',
        body: trainBody,
        response: { 202: jobOut },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      const { label, sinceDays, activate } = request.body;
      const job = await startJob(
        ctx,
        {
          kind: 'model_training',
          params: { label, activate, ...(sinceDays ? { sinceDays } : {}) },
          createdBy: actor.id,
          exclusive: true,
          onUnexpected: (error) => request.log.error({ err: error }, 'model training failed'),
        },
        async (onProgress): Promise<TrainingResult> => {
          const { entry, evaluation: e } = await trainFromDb(ctx, ctx.db, {
            label,
            sinceDays,
            activate,
            createdBy: actor.id,
            onProgress,
          });
          return {
            version: entry.version,
            name: entry.name,
            active: entry.active,
            examples: e.examples,
            folds: e.folds,
            macroF1: e.macroF1,
            accuracy: e.accuracy,
          };
        },
      );
      return reply.status(202).send(presentJob(job));
    },
  );
};
