import type { Module } from '../module.js';
import { categoriesRoutes } from './categories.routes.js';

export { attributeDatatypes, attributesSchema, isListType } from './categories.attributes.js';
export { ancestorCodes, codeLevel, isCategoryCode, parentCode } from './categories.codes.js';
export { createCategory, setDeadlines, updateCategory } from './categories.editing.js';
export {
  policyValues,
  priorities,
  termsOf,
  validateDeadlineSet,
  type DeadlineSet,
  type Duration,
  type Terms,
} from './categories.policy.js';
export { findCategoriesByIds, findCategoryByCode, findCategoryById } from './categories.repository.js';
export { categoryPath, categoryTree, currentPolicy, policyById, requireLeaf } from './categories.service.js';

/** Coded taxonomy (大类/中类/小类) with versioned deadline policies per priority. */
export const categoriesModule: Module = { name: 'categories', routes: categoriesRoutes };
