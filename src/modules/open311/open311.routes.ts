import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../platform/errors.js';
import { fileParams, jurisdictionQuery, requestsQuery } from './open311.schema.js';
import {
  checkJurisdiction,
  discovery,
  findRequest,
  listRequests,
  listServices,
  serviceDefinition,
} from './open311.service.js';
import { toXml, type XmlValue } from './open311.xml.js';

const formats = ['xml', 'json'] as const;
type Format = (typeof formats)[number];

/** The format a URL asks for by its suffix; XML is the spec's default. */
function formatOf(url: string): Format {
  return url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml';
}

/** `04-06.json` → code and format; a missing or other suffix is an unknown resource. */
function splitFile(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  if (!m) throw new DomainError('not_found', `no resource ${file}`);
  return { name: m[1]!, format: m[2] as Format };
}

function send(reply: FastifyReply, format: Format, root: string, value: XmlValue) {
  if (format === 'json') {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
  }
  return reply.type('text/xml; charset=utf-8').send(toXml(root, value));
}

function sendErrors(request: FastifyRequest, reply: FastifyReply, status: number, description: string) {
  const errors = [{ code: status, description }];
  return send(reply.status(status), formatOf(request.url), 'errors', errors);
}

/** Open311 GeoReport v2, read side: discovery, services, service definitions, requests. Public. */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['open311'];
  const config = { rateLimit: { max: ctx.config.PUBLIC_RATE_LIMIT * 10, timeWindow: '1 minute' } };

  // Scoped to this plugin: Open311 clients expect the spec's <errors> body, the rest of the API keeps its own.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) return sendErrors(request, reply, error.status, error.message);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation as unknown as Array<{ instancePath: string; message?: string }>;
      const text = issues.map((i) => `${i.instancePath.replace(/^\//, '')}: ${i.message ?? 'invalid'}`);
      return sendErrors(request, reply, 400, text.join('; '));
    }
    if (error.statusCode === 429) return sendErrors(request, reply, 429, 'too many requests, slow down');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendErrors(request, reply, error.statusCode, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendErrors(request, reply, 500, 'general service error');
  });
  app.setNotFoundHandler((request, reply) => sendErrors(request, reply, 404, 'no such resource'));

  for (const format of formats) {
    app.get(
      `/discovery.${format}`,
      { config, schema: { tags, summary: `Discovery (${format})`, security: [] } },
      async (request, reply) => {
        const base = `${request.protocol}://${request.host}/open311/v2/`;
        return send(reply, format, 'discovery', discovery(base));
      },
    );

    app.get(
      `/services.${format}`,
      {
        config,
        schema: { tags, summary: `Services (${format})`, security: [], querystring: jurisdictionQuery },
      },
      async (request, reply) => {
        checkJurisdiction(ctx, request.query.jurisdiction_id);
        return send(reply, format, 'services', await listServices(ctx.db));
      },
    );

    app.get(
      `/requests.${format}`,
      {
        config,
        schema: { tags, summary: `Service requests (${format})`, security: [], querystring: requestsQuery },
      },
      async (request, reply) => {
        checkJurisdiction(ctx, request.query.jurisdiction_id);
        return send(reply, format, 'service_requests', await listRequests(ctx.db, request.query, new Date()));
      },
    );
  }

  app.get(
    '/services/:file',
    {
      config,
      schema: {
        tags,
        summary: 'Service definition ({code}.xml or {code}.json)',
        security: [],
        params: fileParams,
        querystring: jurisdictionQuery,
      },
    },
    async (request, reply) => {
      const { name, format } = splitFile(request.params.file);
      checkJurisdiction(ctx, request.query.jurisdiction_id);
      return send(reply, format, 'service_definition', await serviceDefinition(ctx.db, name));
    },
  );

  // v2 writes /requests/{id}; the v2.1 draft writes /request/{id}: both are served.
  for (const path of ['/requests/:file', '/request/:file']) {
    app.get(
      path,
      {
        config,
        schema: {
          tags,
          summary: 'One service request ({id}.xml or {id}.json)',
          security: [],
          params: fileParams,
          querystring: jurisdictionQuery,
        },
      },
      async (request, reply) => {
        const { name, format } = splitFile(request.params.file);
        checkJurisdiction(ctx, request.query.jurisdiction_id);
        return send(reply, format, 'service_requests', await findRequest(ctx.db, name));
      },
    );
  }
};
