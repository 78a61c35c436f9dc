import type { Role } from '../../platform/db/schema.js';

/**
 * The case lifecycle as data: which action may move a case from which status to which,
 * and who may take it. Terms follow GB/T 30428 and 12345 practice:
 * 受理 received → 派单 dispatched → 签收 accepted → 办理 in_progress → 办结 resolved →
 * 核查 verified → 回访评价 evaluated → 结案 closed, with 退单 returned, 重办 reopen,
 * 直接办结 (answer at intake), 不予受理 invalid and 并案 merged.
 */
export const statuses = [
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
] as const;
export type CaseStatus = (typeof statuses)[number];

/** What a citizen reads for each status (messages, self-service, notifications). */
export const statusLabels: Record<CaseStatus, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  accepted: { zh: '已签收', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  returned: { zh: '重新派单中', en: 'Being reassigned' },
  resolved: { zh: '已办结', en: 'Resolved' },
  verified: { zh: '已核查', en: 'Verified' },
  evaluated: { zh: '已回访', en: 'Evaluated' },
  closed: { zh: '已结案', en: 'Closed' },
  invalid: { zh: '不予受理', en: 'Not accepted' },
  merged: { zh: '已并案', en: 'Merged' },
};

export const terminalStatuses: readonly CaseStatus[] = ['closed', 'invalid', 'merged'];

export type CaseAction =
  | 'dispatch'
  | 'accept'
  | 'contact'
  | 'return'
  | 'resolve'
  | 'co_accept'
  | 'co_submit'
  | 'request_extension'
  | 'decide_extension'
  | 'urge'
  | 'verify'
  | 'evaluate'
  | 'reopen'
  | 'close'
  | 'answer'
  | 'invalidate'
  | 'merge'
  | 'split';

interface Rule {
  from: readonly CaseStatus[];
  /** Resulting status; null = unchanged, 'computed' = decided by the service (e.g. verify pass/fail). */
  to: CaseStatus | null | 'computed';
  roles: readonly Role[];
}

const handlers: readonly Role[] = ['handler', 'grid_worker'];
const centre: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'admin'];
const working: readonly CaseStatus[] = ['dispatched', 'accepted', 'in_progress'];

export const lifecycle: Record<CaseAction, Rule> = {
  dispatch: {
    from: ['received', 'returned', 'dispatched'],
    to: 'dispatched',
    roles: ['agent', 'dispatcher', 'admin'],
  },
  accept: { from: ['dispatched'], to: 'accepted', roles: handlers },
  contact: { from: ['accepted'], to: 'in_progress', roles: handlers },
  return: { from: ['dispatched', 'accepted'], to: 'returned', roles: handlers },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved', roles: handlers },
  co_accept: { from: working, to: null, roles: handlers },
  co_submit: { from: working, to: null, roles: handlers },
  request_extension: { from: ['accepted', 'in_progress'], to: null, roles: handlers },
  decide_extension: { from: ['accepted', 'in_progress'], to: null, roles: ['supervisor', 'admin'] },
  urge: { from: working, to: null, roles: ['supervisor', 'dispatcher', 'admin'] },
  verify: { from: ['resolved'], to: 'computed', roles: ['supervisor', 'admin'] },
  evaluate: { from: ['resolved', 'verified', 'evaluated'], to: 'evaluated', roles: [...centre, 'citizen'] },
  reopen: { from: ['evaluated'], to: 'dispatched', roles: ['supervisor', 'admin'] },
  close: { from: ['verified', 'evaluated'], to: 'closed', roles: ['supervisor', 'admin'] },
  answer: { from: ['received', 'returned'], to: 'resolved', roles: ['agent', 'dispatcher', 'admin'] },
  invalidate: {
    from: ['received', 'returned'],
    to: 'invalid',
    roles: ['agent', 'dispatcher', 'supervisor', 'admin'],
  },
  merge: {
    from: ['received', 'returned', ...working],
    to: 'merged',
    roles: ['agent', 'dispatcher', 'supervisor', 'admin'],
  },
  // 拆分: a report merged in by mistake leaves for a case of its own; this case keeps its status.
  split: {
    from: ['received', 'returned', ...working],
    to: null,
    roles: ['agent', 'dispatcher', 'supervisor', 'admin'],
  },
};

/** Whether `action` may be taken on a case in `status` (roles are checked separately). */
export function canTransition(action: CaseAction, status: CaseStatus): boolean {
  return lifecycle[action].from.includes(status);
}

/** Actions open on a case in this status, for UIs. */
export function availableActions(status: CaseStatus, role: Role): CaseAction[] {
  return (Object.keys(lifecycle) as CaseAction[]).filter(
    (a) => lifecycle[a].from.includes(status) && lifecycle[a].roles.includes(role),
  );
}
