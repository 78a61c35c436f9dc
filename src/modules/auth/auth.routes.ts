import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearerToken, requireActor } from '../../platform/auth.js';
import { loginBody, loginOut, meOut } from './auth.schema.js';
import { login, logout, me } from './auth.service.js';
import { publicRateLimit } from '../../platform/rate-limit.js';

/** Login, logout and "who am I"; login is rate-limited per IP. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['auth'];

  app.post(
    '/auth/login',
    {
      config: publicRateLimit(ctx.config),
      schema: { tags, summary: 'Log in', security: [], body: loginBody, response: { 200: loginOut } },
    },
    async (request) => {
      const { token, expiresAt, user } = await login(ctx, request.body.username, request.body.password);
      return { token, expiresAt: expiresAt.toISOString(), user };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Log out (ends this session)' } },
    async (request, reply) => {
      const actor = requireActor(request);
      await logout(ctx, actor, bearerToken(request)!);
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The logged-in user', response: { 200: meOut } } },
    async (request) => {
      const actor = requireActor(request);
      return { user: await me(ctx, actor) };
    },
  );
};
