import type { Module } from '../module.js';
import { open311Routes } from './open311.routes.js';

/** Open311 GeoReport v2 (read side) at its standard path, for FixMyStreet and other clients. */
export const open311Module: Module = { name: 'open311', routes: open311Routes, prefix: '/open311/v2' };
