import type { Module } from './module.js';

/** Every domain module, registered in one place. */
export const modules: Module[] = [];
