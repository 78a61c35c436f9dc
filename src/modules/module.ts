import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.js';

/** A named piece of background work with a declared schedule, safe on several nodes. */
export interface Job {
  name: string;
  /** How often to run, in milliseconds, given the config. */
  everyMs(ctx: AppContext): number;
  /** Runs one bounded batch; returns how many items it handled (it is called again at once while > 0). */
  run(ctx: AppContext): Promise<number>;
}

/** What a domain module registers: its routes (under /api unless it names a prefix) and its background jobs. */
export interface Module {
  name: string;
  routes: FastifyPluginAsyncZod;
  /** Where the routes are mounted; '/api' when absent (Open311 lives at its own standard path). */
  prefix?: string;
  jobs?: Job[];
}
