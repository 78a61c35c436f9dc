import type { UnitWork } from './inbox';

/**
 * Responses of the case routes that declare no response schema in the OpenAPI document yet
 * (GET /api/cases, GET /api/cases/{id}, POST /api/reports), written from the server's presenters
 * (src/modules/cases/cases.presenter.ts, cases.routes.ts). Every other response type comes from
 * the generated openapi.d.ts.
 */
export type CaseStatus =
  | 'received'
  | 'dispatched'
  | 'accepted'
  | 'in_progress'
  | 'returned'
  | 'resolved'
  | 'verified'
  | 'evaluated'
  | 'closed'
  | 'invalid'
  | 'merged';

export const caseStatuses: readonly CaseStatus[] = [
  'received',
  'dispatched',
  'accepted',
  'in_progress',
  'returned',
  'resolved',
  'verified',
  'evaluated',
  'closed',
  'invalid',
  'merged',
];

export type Priority = 'normal' | 'urgent' | 'critical';

export interface CaseView {
  id: string;
  number: string;
  status: CaseStatus;
  kind: 'request' | 'consultation';
  title: string | null;
  description: string;
  categoryId: number | null;
  priority: Priority;
  areaUnitId: number | null;
  address: string | null;
  lon: number | null;
  lat: number | null;
  leadUnitId: number | null;
  channel: string;
  receivedAt: string;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  contactedAt: string | null;
  responseDueAt: string | null;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  verifiedAt: string | null;
  evaluatedAt: string | null;
  closedAt: string | null;
  responseOverdue: boolean;
  resolveOverdue: boolean;
  respondedInTime: boolean | null;
  resolvedInTime: boolean | null;
  directAnswer: boolean;
  result: string | null;
  counts: Record<'reports' | 'returns' | 'reopens' | 'urges' | 'extensions' | 'evaluations', number>;
  mergedInto: string | null;
  invalidReason: string | null;
  version: number;
  updatedAt: string;
  actions: string[];
}

export interface CaseList {
  items: CaseView[];
  total: number;
  page: number;
}

export interface ReportView {
  id: string;
  channel: string;
  externalId: string | null;
  text: string;
  address: string | null;
  receivedAt: string;
  anonymous: boolean;
  confidential: boolean;
  reporter: { name: string | null; phone: string | null; idNumber: string | null; email: string | null };
  answer: string | null;
  /** The report came to the case by 并案 (not the one it was opened with): it may be split out. */
  joinedLater: boolean;
  evaluation: {
    solved: boolean | null;
    satisfaction: string | null;
    comment: string | null;
    at: string;
  } | null;
}

export interface TimelineEntry {
  id: string | number;
  at: string;
  action: string;
  from: string | null;
  to: string | null;
  actorUserId: number | null;
  actorUnitId: number | null;
  reason: string | null;
  data: Record<string, unknown> | null;
}

export interface CaseDetail {
  case: CaseView;
  /** The user's unit's side: actions open now, how deadlines count (see GET /api/inbox). */
  work: UnitWork;
  reports: ReportView[];
  assignments: Array<{
    id: number;
    unit: { id: number; code: string; name: string };
    role: 'lead' | 'co';
    status: 'pending' | 'accepted' | 'returned' | 'done' | 'withdrawn';
    assignedAt: string;
    acceptedAt: string | null;
    returnedAt: string | null;
    returnReason: string | null;
    doneAt: string | null;
    result: string | null;
  }>;
  timeline: TimelineEntry[];
  attachments: Array<{
    id: string;
    fileName: string;
    mimeType: string;
    size: number;
    eventId: string | number | null;
    url: string;
  }>;
  extensions: Array<{ id: number; amount: number; unit: string; reason: string; status: string }>;
}

export interface Created {
  duplicate: boolean;
  reportId: string;
  case: CaseView;
}
