import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth.js';
import { idempotent } from '../../platform/idempotency.js';
import { act } from './actions.service.js';
import { caseDeps } from './cases.deps.impl.js';
import { presentCase, presentReport } from './cases.presenter.js';
import { caseDetail, listCases, listExtras } from './cases.query.js';
import { actionOut, caseDetailOut, caseListOut, createdOut } from './cases.out.js';
import { actionBodies, caseParams, intakeBody, listQuery } from './cases.schema.js';
import { deadlineUnitsOf, unitWork } from './inbox.query.js';
import { intake } from './intake.service.js';

const idempotencyHeader = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

/** Intake, case queries and one POST route per lifecycle action. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/reports',
    {
      schema: {
        tags: ['cases'],
        summary: '受理 — file a report; opens a case or joins one (并案)',
        body: intakeBody,
        headers: idempotencyHeader,
        response: { 200: createdOut, 201: createdOut },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(
        ctx.db,
        `reports:${actor.id}`,
        request.headers['idempotency-key'],
        request.body,
        async (tx) => {
          const r = await intake(ctx, caseDeps, tx, actor, request.body);
          return {
            status: r.duplicate ? (200 as const) : (201 as const),
            body: { duplicate: r.duplicate, reportId: r.reportId, case: presentCase(r.caseRow, actor) },
          };
        },
      );
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      return reply.status(result.status).send(result.body);
    },
  );

  app.get(
    '/cases',
    { schema: { tags: ['cases'], querystring: listQuery, response: { 200: caseListOut } } },
    async (request) => {
      const actor = requireActor(request);
      const { rows, total } = await listCases(ctx.db, actor, request.query);
      const { lastReturn, pending } = await listExtras(ctx.db, rows);
      return {
        items: rows.map((r) => ({
          ...presentCase(r, actor),
          // Beside a returned case, its unit's reason; beside a case being handled, a request for more time.
          lastReturn: lastReturn.get(r.id) ?? null,
          pendingExtension: pending.get(r.id) ?? null,
        })),
        total,
        page: request.query.page,
      };
    },
  );

  app.get(
    '/cases/:id',
    { schema: { tags: ['cases'], params: caseParams, response: { 200: caseDetailOut } } },
    async (request) => {
      const actor = requireActor(request);
      const d = await caseDetail(ctx.db, actor, request.params.id);
      const citizen = actor.role === 'citizen';
      const work = unitWork(actor, d.row, {
        assignments: d.assignments.map((a) => ({ role: a.role, status: a.status, unitPath: a.unit_path })),
        extensionPending: d.extensions.some((x) => x.status === 'pending'),
        deadlineUnits: await deadlineUnitsOf(ctx.db, d.row.deadline_policy_id),
        names: new Map(d.assignments.map((a) => [a.unit_path, a.unit_name])),
      });
      const openedData = d.events.find((e) => e.action === 'received')?.data;
      const opened = (typeof openedData === 'string' ? JSON.parse(openedData) : openedData) as
        { reportId?: string } | undefined;
      const founding = opened?.reportId ?? d.reports[0]?.id;
      return {
        case: presentCase(d.row, actor),
        /** The user's unit's side of the case: actions open now, how deadlines count (承办). */
        work,
        reports: d.reports
          .filter((r) => !citizen || r.reporter_user_id === actor.id)
          // joinedLater: the report came to the case by 并案 (not the one it was opened with): it may be split out.
          .map((r) => ({ ...presentReport(r, actor), joinedLater: r.id !== founding })),
        assignments: d.assignments.map((a) => ({
          id: a.id,
          unit: { id: a.unit_id, code: a.unit_code, name: a.unit_name },
          role: a.role,
          status: a.status,
          assignedAt: a.assigned_at.toISOString(),
          acceptedAt: a.accepted_at?.toISOString() ?? null,
          returnedAt: a.returned_at?.toISOString() ?? null,
          returnReason: a.return_reason,
          doneAt: a.done_at?.toISOString() ?? null,
          result: a.result_text,
        })),
        timeline: d.events
          .filter((e) => !citizen || e.public)
          .map((e) => ({
            id: e.id,
            at: e.at.toISOString(),
            action: e.action,
            from: e.from_status,
            to: e.to_status,
            actorUserId: citizen ? null : e.actor_user_id,
            actorUnitId: e.actor_unit_id,
            reason: citizen ? null : e.reason,
            data: citizen ? {} : (e.data as Record<string, unknown> | null),
          })),
        attachments: d.attachments.map((a) => ({
          id: a.id,
          fileName: a.file_name,
          mimeType: a.mime_type,
          size: a.size_bytes,
          eventId: a.event_id,
          url: `/api/attachments/${a.id}`,
        })),
        extensions: citizen
          ? []
          : d.extensions.map((x) => ({
              id: x.id,
              amount: x.amount,
              unit: x.unit,
              reason: x.reason,
              status: x.status,
              requestedAt: x.requested_at.toISOString(),
              decidedAt: x.decided_at?.toISOString() ?? null,
              decisionReason: x.decision_reason,
            })),
      };
    },
  );

  for (const action of Object.keys(actionBodies) as (keyof typeof actionBodies)[]) {
    app.post(
      `/cases/:id/${action.replaceAll('_', '-')}`,
      {
        schema: {
          tags: ['case lifecycle'],
          summary: `lifecycle action: ${action}`,
          params: caseParams,
          body: actionBodies[action],
          headers: idempotencyHeader,
          response: { 200: actionOut },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const result = await idempotent(
          ctx.db,
          `case-action:${actor.id}`,
          request.headers['idempotency-key'],
          { id: request.params.id, action, body: request.body },
          async (tx) => {
            const row = await act(ctx, caseDeps, tx, actor, request.params.id, action, request.body as never);
            return { status: 200 as const, body: { case: presentCase(row, actor) } };
          },
        );
        return reply.status(result.status).send(result.body);
      },
    );
  }
};
