import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerResponse } from 'node:http';
import { bearerToken, centreRoles, hashToken, requireRole } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { scopeOf } from '../cases/index.js';
import { LiveHub, type LiveEvent } from './live.hub.js';
import { actorForSessionHash } from './live.repository.js';
import { liveQuery, ticketOut } from './live.schema.js';
import { issueTicket, redeemTicket } from './live.ticket.js';

/** How often an open stream checks that its session still exists, and sends a keep-alive comment. */
const RECHECK_MS = 60_000;
const KEEPALIVE_MS = 20_000;

function lastEventId(header: string | string[] | undefined, query: number | undefined): number | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  const fromHeader = raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  return fromHeader ?? query;
}

function write(raw: ServerResponse, text: string): void {
  if (!raw.writableEnded) raw.write(text);
}

/**
 * The live feed: case timeline entries pushed as server-sent events to the centre roles (the
 * cockpit), each as `id: <seq>`, `event: case`, `data: <json>`. One poller per node (live.hub.ts).
 */
export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const hub = new LiveHub(ctx.db, (err) => app.log.error({ err }, 'live feed poll failed'));
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    hub.close();
    for (const raw of streams) raw.end();
  });

  app.post(
    '/live/ticket',
    {
      schema: {
        tags: ['live'],
        summary: 'A one-minute, single-use ticket to open the live feed (EventSource cannot send the token)',
        response: { 200: ticketOut },
      },
    },
    async (request) => {
      requireRole(request, centreRoles);
      const token = bearerToken(request);
      if (!token) throw new DomainError('unauthenticated', 'log in first');
      const { ticket, expiresAt } = await issueTicket(ctx.db, hashToken(token));
      return { ticket, expiresAt: expiresAt.toISOString() };
    },
  );

  app.get(
    '/live',
    {
      schema: {
        tags: ['live'],
        summary: 'Server-sent events: every case timeline entry in the viewer’s district as it happens',
        description:
          'text/event-stream. Open with a ticket from POST /api/live/ticket. Events: `ready` (data: ' +
          '{cursor}), `case` (id = sequence number; data: event and case), `reset` (missed too much: ' +
          'reload). Resume with the Last-Event-ID header or ?lastEventId=.',
        querystring: liveQuery,
        security: [],
      },
    },
    async (request, reply) => {
      const tokenHash = await redeemTicket(ctx.db, request.query.ticket);
      if (!tokenHash) throw new DomainError('unauthenticated', 'ticket invalid or expired');
      const actor = await actorForSessionHash(ctx.db, tokenHash);
      if (!actor) throw new DomainError('unauthenticated', 'session ended');
      if (!centreRoles.includes(actor.role)) throw new DomainError('forbidden', `role ${actor.role}`);
      const scope = await scopeOf(ctx.db, actor);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      streams.add(raw);
      let unsubscribe = () => {};
      const keepAlive = setInterval(() => write(raw, ': keep-alive\n\n'), KEEPALIVE_MS);
      const recheck = setInterval(() => {
        actorForSessionHash(ctx.db, tokenHash)
          .then((still) => {
            if (!still) raw.end();
          })
          .catch((err: unknown) => request.log.warn({ err }, 'live session check failed'));
      }, RECHECK_MS);
      raw.on('close', () => {
        clearInterval(keepAlive);
        clearInterval(recheck);
        unsubscribe();
        streams.delete(raw);
      });
      const send = (e: LiveEvent) => write(raw, `id: ${e.seq}\nevent: case\ndata: ${JSON.stringify(e)}\n\n`);
      let remove: () => void;
      try {
        remove = await hub.subscribe(
          { scopePath: scope.path, send, reset: () => write(raw, 'event: reset\ndata: {}\n\n') },
          lastEventId(request.headers['last-event-id'], request.query.lastEventId),
        );
      } catch (err) {
        request.log.error({ err }, 'live feed subscribe failed');
        raw.end();
        return;
      }
      if (raw.destroyed || raw.writableEnded) remove();
      else unsubscribe = remove;
      write(raw, `retry: 3000\nevent: ready\ndata: ${JSON.stringify({ role: actor.role })}\n\n`);
    },
  );
};
