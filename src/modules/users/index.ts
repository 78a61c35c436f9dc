import type { Module } from '../module.js';
import { usersRoutes } from './users.routes.js';

/** User accounts: role + unit, administered per subtree. */
export const usersModule: Module = { name: 'users', routes: usersRoutes };

export { findUserById, findUserByUsername, insertUser, type UserWithUnit } from './users.repository.js';
export { presentUser } from './users.presenter.js';
export { hashForConfig } from './users.service.js';
export { createServiceUser } from './service-users.js';
