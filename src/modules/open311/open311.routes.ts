import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '../../platform/errors.js';
import { saveAttachment, sniffType } from '../cases/attachments.service.js';
import { parseForm, postRequest, type FormPairs } from './open311.post.js';
import { fileParams, jurisdictionQuery, requestsQuery, updatesQuery } from './open311.schema.js';
import {
  checkJurisdiction,
  discovery,
  findRequest,
  listRequests,
  listServices,
  serviceDefinition,
} from './open311.service.js';
import { listUpdates, postUpdate } from './open311.updates.js';
import { toXml, type XmlValue } from './open311.xml.js';
import { publicRateLimit } from '../../platform/rate-limit.js';

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

/** A photo part of a multipart POST, read whole (the multipart limits bound its size). */
interface Photo {
  fileName: string;
  bytes: Buffer;
}

/**
 * Open311 GeoReport v2: discovery, services, service definitions and requests are public; POST
 * requests takes an API key issued by an admin.
 */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['open311'];
  const config = publicRateLimit(ctx.config, 10);

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

  // The spec's POST body; scoped to this plugin, the rest of the API stays JSON only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, parseForm(body as string)),
  );

  /** The POST's fields and photo parts, from either body type. */
  async function readPost(request: FastifyRequest): Promise<{ pairs: FormPairs; photos: Photo[] }> {
    if (!request.isMultipart()) {
      return { pairs: Array.isArray(request.body) ? (request.body as FormPairs) : [], photos: [] };
    }
    const pairs: Array<[string, string]> = [];
    const photos: Photo[] = [];
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (/^photo\d+$/.test(part.fieldname) && bytes.length > 0) {
          photos.push({ fileName: part.filename || part.fieldname, bytes });
        }
      } else if (typeof part.value === 'string') {
        pairs.push([part.fieldname, part.value]);
      }
    }
    return { pairs, photos };
  }

  /** Refuses any photo that is too large or not an image, before anything is written. */
  const checkPhotos = (photos: Photo[]) => () => {
    for (const photo of photos) {
      if (photo.bytes.length > ctx.config.UPLOAD_MAX_BYTES || !sniffType(photo.bytes)) {
        throw new DomainError('validation_failed', `${photo.fileName} is not an accepted image`);
      }
    }
  };

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

    app.post(
      `/requests.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `Create a service request (${format}); form-encoded or multipart with photo1…N`,
          security: [],
          consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
        },
      },
      async (request, reply) => {
        const { pairs, photos } = await readPost(request);
        // Photos are checked before anything is written, so a refused photo writes nothing.
        const { actor, number, accountId } = await postRequest(ctx, pairs, checkPhotos(photos));
        for (const photo of photos) await saveAttachment(ctx, actor, number, photo);
        const created = [
          {
            service_request_id: number,
            service_notice: '已受理：请求已进入12345热线工单系统 (received by the 12345 hotline)',
            account_id: accountId,
          },
        ];
        return send(reply.status(201), format, 'service_requests', created);
      },
    );

    // FixMyStreet's extension: status details out (GET) and citizens' updates in (POST).
    app.get(
      `/servicerequestupdates.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `Updates on service requests, oldest first (FixMyStreet extension, ${format})`,
          security: [],
          querystring: updatesQuery,
        },
      },
      async (request, reply) => {
        checkJurisdiction(ctx, request.query.jurisdiction_id);
        const updates = await listUpdates(ctx.db, request.query, new Date());
        return send(reply, format, 'service_requests_updates', updates);
      },
    );

    app.post(
      `/servicerequestupdates.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `Post a citizen's update on a request (FixMyStreet extension, ${format})`,
          security: [],
          consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
        },
      },
      async (request, reply) => {
        const { pairs, photos } = await readPost(request);
        const result = await postUpdate(ctx, pairs, checkPhotos(photos));
        if (!result.replayed) {
          for (const photo of photos) await saveAttachment(ctx, result.actor, result.number, photo);
        }
        const body = [{ update_id: result.eventId }];
        return send(reply.status(result.replayed ? 200 : 201), format, 'service_request_updates', body);
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

  // Requests are created in real time (every service is `realtime`): a POST answers with the
  // service_request_id itself, so no token is ever issued and every token is unknown.
  app.get(
    '/tokens/:file',
    {
      config,
      schema: {
        tags,
        summary: 'Request id from a token (never issued here: 404)',
        security: [],
        params: fileParams,
      },
    },
    async (request) => {
      const { name } = splitFile(request.params.file);
      throw new DomainError('not_found', `no token ${name}: requests are created in real time`);
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
