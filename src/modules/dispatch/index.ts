import type { Module } from '../module.js';
import { dispatchRoutes } from './dispatch.routes.js';

export { createRule, replaceRule, retireRule, type RuleInput, type RuleTerms } from './dispatch.editing.js';
export {
  evaluateDispatch,
  resolveDispatch,
  type Candidate,
  type DispatchDecision,
} from './dispatch.resolve.js';
export { previewDispatch } from './dispatch.service.js';

/** The dispatch catalogue (派单目录) and the resolver cases use to find their units. */
export const dispatchModule: Module = { name: 'dispatch', routes: dispatchRoutes };
