import type { Module } from '../module.js';
import { knowledgeRoutes } from './knowledge.routes.js';

/** 一网通答 · 知识库: policy and FAQ articles, answer search for agents, use counts. */
export const knowledgeModule: Module = { name: 'knowledge', routes: knowledgeRoutes };

export { createArticle, recordArticleUse } from './knowledge.service.js';
export { searchArticles, type SearchHit } from './knowledge.search.js';
