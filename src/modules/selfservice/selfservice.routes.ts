import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import { rateReport, reopenReport } from './selfservice.followup.js';
import {
  caseNumberParams,
  districtOut,
  proofBody,
  rateBody,
  reopenBody,
  servicesOut,
  submitBody,
  submitOut,
  trackingOut,
} from './selfservice.schema.js';
import { publicDistrict, publicServices } from './selfservice.services.js';
import { MAX_PHOTOS, submitReport, type Photo } from './selfservice.submit.js';
import { authenticate, trackingView } from './selfservice.tracking.js';
import { publicRateLimit } from '../../platform/rate-limit.js';

const idempotencyHeader = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** Photos of a multipart submission, kept aside while its fields are validated as the JSON body. */
const photosOf = new WeakMap<FastifyRequest, Photo[]>();

/** Multipart fields are strings; these become the JSON body's numbers and booleans. */
const numberFields = new Set(['lon', 'lat']);
const booleanFields = new Set(['anonymous', 'consent']);
const contactFields = new Set(['name', 'phone', 'email']);

/**
 * A form field's value as the JSON body has it: decimal numbers, 'true'/'on' (an HTML checkbox) and
 * 'false'; anything else stays a string for the schema to judge.
 */
function typed(name: string, value: string): unknown {
  if (numberFields.has(name)) return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (booleanFields.has(name))
    return value === 'true' || value === 'on' ? true : value === 'false' ? false : value;
  return value;
}

/**
 * Reads a multipart form into the JSON body's shape (contact fields as `name`, `phone`, `email`
 * or `contact[name]`…) and its file parts as photos, so both encodings meet one schema.
 */
async function readMultipart(request: FastifyRequest): Promise<void> {
  const body: Record<string, unknown> = {};
  const contact: Record<string, string> = {};
  const photos: Photo[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (bytes.length > 0) photos.push({ fileName: part.filename || part.fieldname, bytes });
      if (photos.length > MAX_PHOTOS)
        throw new DomainError('validation_failed', `at most ${MAX_PHOTOS} photos`);
      continue;
    }
    if (typeof part.value !== 'string' || part.value.trim() === '') continue;
    const name = /^contact\[(\w+)\]$/.exec(part.fieldname)?.[1] ?? part.fieldname;
    const value = part.value;
    if (contactFields.has(name)) contact[name] = value;
    else body[name] = typed(name, value);
  }
  if (Object.keys(contact).length > 0) body.contact = contact;
  request.body = body;
  photosOf.set(request, photos);
}

/**
 * The citizen's self-service, without login: what can be reported and where, submit a report (JSON or multipart with photos),
 * track it with the case number and the phone's last four digits or the tracking code, rate the
 * answer and ask for a reopen. Every route is rate-limited per IP; tracking failures are also
 * limited per case number.
 */
export const selfServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['self-service'];
  const config = publicRateLimit(ctx.config);

  app.get(
    '/public/services',
    {
      config,
      schema: {
        tags,
        summary: '可反映的事项 — the categories a citizen can pick when filing a report; no login',
        security: [],
        response: { 200: servicesOut },
      },
    },
    async () => ({ items: await publicServices(ctx) }),
  );

  app.get(
    '/public/district',
    {
      config,
      schema: {
        tags,
        summary: '服务区域 — the district reports are filed into and the box a map point must lie in',
        security: [],
        response: { 200: districtOut },
      },
    },
    async () => publicDistrict(ctx),
  );

  app.post(
    '/public/reports',
    {
      config,
      preValidation: async (request) => {
        if (request.isMultipart()) await readMultipart(request);
      },
      schema: {
        tags,
        summary: '市民自助提交 — file a report (JSON, or multipart with photo files); no login',
        security: [],
        consumes: ['application/json', 'multipart/form-data'],
        headers: idempotencyHeader,
        body: submitBody,
        response: { 200: submitOut, 201: submitOut },
      },
    },
    async (request, reply) => {
      const photos = photosOf.get(request) ?? [];
      const result = await submitReport(ctx, request.body, photos, request.headers['idempotency-key']);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(result.status).send(result.body);
    },
  );

  app.post(
    '/public/cases/:number/track',
    {
      config,
      schema: {
        tags,
        summary: '查询办理进度 — track a case with the phone’s last four digits or the tracking code',
        security: [],
        params: caseNumberParams,
        body: proofBody,
        response: { 200: trackingOut },
      },
    },
    async (request) => {
      const report = await authenticate(ctx, request.params.number, request.body);
      return trackingView(ctx, ctx.db, report);
    },
  );

  app.post(
    '/public/cases/:number/rate',
    {
      config,
      schema: {
        tags,
        summary: '评价 — rate the answer (solved, satisfaction) after resolution',
        security: [],
        params: caseNumberParams,
        body: rateBody,
        response: { 200: trackingOut },
      },
    },
    async (request) => rateReport(ctx, request.params.number, request.body),
  );

  app.post(
    '/public/cases/:number/reopen',
    {
      config,
      schema: {
        tags,
        summary: '申请重办 — ask for a reopen within the window after an unsatisfied rating',
        security: [],
        params: caseNumberParams,
        body: reopenBody,
        response: { 200: trackingOut },
      },
    },
    async (request) => reopenReport(ctx, request.params.number, request.body),
  );
};
