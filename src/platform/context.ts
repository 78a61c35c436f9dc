import type { Config } from './config.js';
import type { Db } from './db/index.js';

/** Where the services read the time: the real clock, or a simulated one (the demo's seeded history). */
export interface Clock {
  now(): Date;
}

export const realClock: Clock = { now: () => new Date() };

/** What every module gets: the database, the config and the events bus of this process. */
export interface AppContext {
  db: Db;
  config: Config;
  dbKind: 'pglite' | 'postgres';
  /** The time every case lifecycle stamp is taken from (intake, actions, timers, audit); real time when absent. */
  clock?: Clock;
}

/** The current time as the context's clock tells it. */
export function nowOf(ctx: Pick<AppContext, 'clock'>): Date {
  return (ctx.clock ?? realClock).now();
}
