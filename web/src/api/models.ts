import type { paths } from './openapi';

/**
 * Names for the case shapes the console uses everywhere, all taken from the generated OpenAPI types
 * (the server declares them in src/modules/cases/cases.out.ts).
 */
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type CaseDetail = Json<paths['/api/cases/{id}']['get']['responses'][200]>;
export type CaseList = Json<paths['/api/cases']['get']['responses'][200]>;
export type Created = Json<paths['/api/reports']['post']['responses'][201]>;
export type CaseView = CaseDetail['case'];
export type ReportView = CaseDetail['reports'][number];
export type TimelineEntry = CaseDetail['timeline'][number];
export type CaseStatus = CaseView['status'];
export type Priority = CaseView['priority'];

/** The statuses in lifecycle order (filters, the citizen's progress steps). */
export const caseStatuses = [
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
] as const satisfies readonly CaseStatus[];

// Every status the server knows is in the list above (a new one fails the build here).
type Missing = Exclude<CaseStatus, (typeof caseStatuses)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;
