import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, staffRoles } from '../../platform/auth.js';
import type { Role } from '../../platform/db/schema.js';
import { presentArticle } from './knowledge.presenter.js';
import * as s from './knowledge.schema.js';
import { searchArticles } from './knowledge.search.js';
import {
  createArticle,
  getArticle,
  listArticles,
  recordHelpful,
  updateArticle,
} from './knowledge.service.js';
import { publicRateLimit } from '../../platform/rate-limit.js';

/** Who may search every live article: staff (citizens see public articles through /public/answers). */
const staff = staffRoles;
/** Who edits the knowledge base: administrators and supervisors (督办/审核 own the answers' quality). */
const editors: readonly Role[] = ['admin', 'supervisor'];

/** 一网通答 · 知识库: answer search for staff, article administration. */
export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['knowledge'];

  app.get(
    '/knowledge/search',
    {
      schema: {
        tags,
        summary: 'Published, unexpired articles ranked for free text (a caller’s words), with matched terms',
        querystring: s.searchQuery,
        response: { 200: s.searchOut },
      },
    },
    async (request) => {
      requireRole(request, staff);
      return { items: await searchArticles(ctx.db, request.query) };
    },
  );

  const publicConfig = publicRateLimit(ctx.config);

  app.get(
    '/public/answers',
    {
      config: publicConfig,
      schema: {
        tags: ['self-service'],
        summary: '一网通答 — public answers for what a citizen is about to report; no login',
        security: [],
        querystring: s.publicAnswersQuery,
        response: { 200: s.publicAnswersOut },
      },
    },
    async (request) => {
      const hits = await searchArticles(ctx.db, { ...request.query, publicOnly: true });
      return {
        items: hits.map(({ article: a, matched }) => ({
          id: a.id,
          title: a.title,
          answer: a.answer,
          category: a.category,
          validUntil: a.validUntil,
          matched,
        })),
      };
    },
  );

  app.post(
    '/public/answers/:id/helpful',
    {
      config: publicConfig,
      schema: {
        tags: ['self-service'],
        summary: 'The answer settled the citizen’s question (no report filed): counted on the article',
        security: [],
        params: s.articleParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await recordHelpful(ctx.db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/knowledge/articles',
    {
      schema: {
        tags,
        summary: 'Articles of every status, newest change first',
        querystring: s.listArticlesQuery,
        response: { 200: s.articleListOut },
      },
    },
    async (request) => {
      requireRole(request, editors);
      const { rows, total } = await listArticles(ctx.db, request.query);
      const now = new Date();
      return { items: rows.map((r) => presentArticle(r, now)), total };
    },
  );

  app.post(
    '/knowledge/articles',
    {
      schema: { tags, summary: 'A new article', body: s.createArticleBody, response: { 201: s.articleOut } },
    },
    async (request, reply) => {
      const actor = requireRole(request, editors);
      return reply.status(201).send(presentArticle(await createArticle(ctx, actor.id, request.body)));
    },
  );

  app.get(
    '/knowledge/articles/:id',
    { schema: { tags, summary: 'One article', params: s.articleParams, response: { 200: s.articleOut } } },
    async (request) => {
      requireRole(request, editors);
      return presentArticle(await getArticle(ctx.db, request.params.id));
    },
  );

  app.patch(
    '/knowledge/articles/:id',
    {
      schema: {
        tags,
        summary: 'Edit, publish or retire an article at the version read',
        params: s.articleParams,
        body: s.patchArticleBody,
        response: { 200: s.articleOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, editors);
      return presentArticle(await updateArticle(ctx, actor, request.params.id, request.body));
    },
  );

  app.delete(
    '/knowledge/articles/:id',
    {
      schema: {
        tags,
        summary: 'Retire an article (kept for the record; search no longer offers it)',
        params: s.articleParams,
        querystring: s.retireQuery,
        response: { 200: s.articleOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, editors);
      const { version } = request.query;
      return presentArticle(
        await updateArticle(ctx, actor, request.params.id, { version, status: 'retired' }),
      );
    },
  );
};
