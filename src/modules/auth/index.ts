import type { Module } from '../module.js';
import { authRoutes } from './auth.routes.js';

/** Sessions: login with username and password, bearer tokens, logout. */
export const authModule: Module = { name: 'auth', routes: authRoutes };
