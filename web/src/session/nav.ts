import type { CaseFilters } from '../api/cases';

export type Role =
  'citizen' | 'agent' | 'dispatcher' | 'handler' | 'grid_worker' | 'supervisor' | 'leader' | 'admin';

export type NavKey =
  'home' | 'workbench' | 'cases' | 'myCases' | 'cockpit' | 'inbox' | 'dispatch' | 'supervise' | 'admin';

/** The screens each role works in (the server still decides what each may read and do). */
export const navByRole: Record<Role, Array<{ key: NavKey; to: string }>> = {
  agent: [
    { key: 'home', to: '/' },
    { key: 'workbench', to: '/workbench' },
    { key: 'cases', to: '/cases' },
    { key: 'dispatch', to: '/dispatch' },
  ],
  dispatcher: [
    { key: 'home', to: '/' },
    { key: 'workbench', to: '/workbench' },
    { key: 'cases', to: '/cases' },
    { key: 'dispatch', to: '/dispatch' },
  ],
  admin: [
    { key: 'home', to: '/' },
    { key: 'workbench', to: '/workbench' },
    { key: 'cases', to: '/cases' },
    { key: 'dispatch', to: '/dispatch' },
    { key: 'supervise', to: '/supervise' },
    { key: 'cockpit', to: '/cockpit' },
    { key: 'admin', to: '/admin' },
  ],
  handler: [
    { key: 'home', to: '/' },
    { key: 'inbox', to: '/inbox' },
    { key: 'cases', to: '/cases' },
  ],
  grid_worker: [
    { key: 'home', to: '/' },
    { key: 'inbox', to: '/inbox' },
    { key: 'cases', to: '/cases' },
  ],
  supervisor: [
    { key: 'home', to: '/' },
    { key: 'cases', to: '/cases' },
    { key: 'supervise', to: '/supervise' },
    { key: 'cockpit', to: '/cockpit' },
  ],
  leader: [
    { key: 'home', to: '/' },
    { key: 'cases', to: '/cases' },
    { key: 'supervise', to: '/supervise' },
    { key: 'cockpit', to: '/cockpit' },
  ],
  citizen: [
    { key: 'home', to: '/' },
    { key: 'myCases', to: '/cases' },
  ],
};

export type CardKey =
  | 'waitingDispatch'
  | 'toAccept'
  | 'inProgress'
  | 'returned'
  | 'toVerify'
  | 'toEvaluate'
  | 'overdue'
  | 'open'
  | 'mine';

const open = 'received,dispatched,accepted,in_progress,returned';

/** The home page's work counters per role: each is a filtered case list. */
export const cardsByRole: Record<Role, Array<{ key: CardKey; filters: CaseFilters }>> = {
  agent: [
    { key: 'waitingDispatch', filters: { status: 'received' } },
    { key: 'returned', filters: { status: 'returned' } },
    { key: 'open', filters: { status: open } },
  ],
  dispatcher: [
    { key: 'waitingDispatch', filters: { status: 'received' } },
    { key: 'returned', filters: { status: 'returned' } },
    { key: 'overdue', filters: { status: open, overdue: 'true' } },
  ],
  handler: [
    { key: 'toAccept', filters: { status: 'dispatched' } },
    { key: 'inProgress', filters: { status: 'accepted,in_progress' } },
    { key: 'overdue', filters: { status: open, overdue: 'true' } },
  ],
  grid_worker: [
    { key: 'open', filters: { status: open } },
    { key: 'overdue', filters: { status: open, overdue: 'true' } },
  ],
  supervisor: [
    { key: 'toVerify', filters: { status: 'resolved' } },
    { key: 'toEvaluate', filters: { status: 'verified' } },
    { key: 'overdue', filters: { status: open, overdue: 'true' } },
  ],
  leader: [
    { key: 'open', filters: { status: open } },
    { key: 'overdue', filters: { status: open, overdue: 'true' } },
  ],
  admin: [
    { key: 'waitingDispatch', filters: { status: 'received' } },
    { key: 'open', filters: { status: open } },
    { key: 'overdue', filters: { status: open, overdue: 'true' } },
  ],
  citizen: [{ key: 'mine', filters: {} }],
};

/** Roles that watch the cockpit (驾驶舱); the live feed's server side admits the centre roles. */
export const watchesCockpit = (role: Role) => navByRole[role].some((n) => n.key === 'cockpit');

/** Roles that file cases at the hotline (the workbench). */
export const canFile = (role: Role) => navByRole[role].some((n) => n.key === 'workbench');

/** Roles whose main work screen is the unit inbox (承办). */
export const handlesCases = (role: Role) => navByRole[role].some((n) => n.key === 'inbox');

/** Roles the server lets read a case's audit trail (GET /api/cases/{id}/audit); asking otherwise is a 403. */
export const readsAudit = (role: Role) => role === 'supervisor' || role === 'leader' || role === 'admin';

export function asRole(role: string): Role {
  return role in navByRole ? (role as Role) : 'citizen';
}
