import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Module } from '../module.js';
import { previewRoutes } from './suggest.preview.js';
import { suggestRoutes } from './suggest.routes.js';
import { trainingRoutes } from './training.routes.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(suggestRoutes);
  await app.register(previewRoutes);
  await app.register(trainingRoutes);
};

/** Smart dispatch: the active classifier's suggestion at intake, the dispatcher queue, the model registry, the live preview for agents. */
export const suggestModule: Module = { name: 'suggest', routes };
export {
  suggest,
  confidentEnough,
  recordSuggestion,
  recordTrainingLabel,
  type Suggestion,
} from './suggest.service.js';
export {
  registerModel,
  activateModel,
  rollbackModel,
  listModels,
  activeModel,
  activeModelProblem,
} from './registry.js';
export { trainFromDb } from './training.js';
