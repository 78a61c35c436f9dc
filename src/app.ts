import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { actorForToken, bearerToken } from './platform/auth.js';
import type { AppContext } from './platform/context.js';
import { DomainError } from './platform/errors.js';
import { loggerOptions } from './platform/logger.js';
import { registerWebConsole, WEB_DIST_DIR } from './platform/web-console.js';
import { modules } from './modules/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export type App = FastifyInstance;

/** Builds the HTTP application on an open database; does not listen (tests use app.inject).
 *  `webDir` is the web console's built bundle, served when present. */
export async function buildApp(ctx: AppContext, options: { webDir?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(ctx.config),
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  // The API speaks JSON (and multipart for uploads); anything else is 415, not a string body.
  app.removeContentTypeParser('text/plain');

  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhicheng 智城 API', version: '0.1.0', description: 'City operations platform' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Puts the shared and recursive schemas (e.g. the category tree) into components.schemas, so the
    // document's $refs resolve (the web console's client is generated from it).
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: ctx.config.UPLOAD_MAX_BYTES, files: 10, fields: 50 },
  });

  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request);
    if (token) request.actor = (await actorForToken(ctx.db, token)) ?? undefined;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = (code: string, message: string, details?: unknown) => ({
      error: { code, message, ...(details === undefined ? {} : { details }) },
    });
    if (error instanceof DomainError) {
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The plugin's error type does not resolve under NodeNext; the shape is Fastify's.
      const issues = error.validation as unknown as Array<{ instancePath: string; message?: string }>;
      const details = issues.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`,
        message: v.message,
      }));
      return reply.status(400).send(body('validation_failed', 'request does not match the schema', details));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(body('unsupported_media_type', error.message));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.status(413).send(body('payload_too_large', error.message));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(body('malformed_json', error.message));
      default:
        break;
    }
    if (error.statusCode === 400 && error instanceof SyntaxError) {
      return reply.status(400).send(body('malformed_json', error.message));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body('rate_limited', 'too many requests, slow down'));
    }
    const sqlState = (error as { code?: string }).code;
    if (sqlState === '23505') return reply.status(409).send(body('duplicate', 'already exists'));
    if (sqlState === '40001' || sqlState === '40P01') {
      return reply.status(409).send(body('stale_version', 'concurrent update, retry'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body('validation_failed', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('internal_error', 'internal error'));
  });

  const consolePage = await registerWebConsole(app, options.webDir ?? WEB_DIST_DIR);
  app.setNotFoundHandler(
    (request, reply) =>
      consolePage?.(request, reply) ??
      reply
        .status(404)
        .send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}` } }),
  );

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', db: ctx.dbKind }));

  for (const mod of modules) await app.register(mod.routes, { prefix: mod.prefix ?? '/api' });
  return app;
}
