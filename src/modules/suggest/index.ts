import type { Module } from '../module.js';
import { suggestRoutes } from './suggest.routes.js';

/** Smart dispatch: the active classifier's suggestion at intake, the dispatcher queue, the model registry. */
export const suggestModule: Module = { name: 'suggest', routes: suggestRoutes };
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
