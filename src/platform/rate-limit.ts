import type { Config } from './config.js';

/**
 * Route options for the routes open without a login (login, the citizen portal, public answers,
 * Open311): at most PUBLIC_RATE_LIMIT × `factor` requests per client IP a minute
 * (@fastify/rate-limit, registered in app.ts with `global: false`).
 */
export function publicRateLimit(config: Config, factor = 1) {
  return { rateLimit: { max: config.PUBLIC_RATE_LIMIT * factor, timeWindow: '1 minute' } };
}
