import type { Config } from './config.js';

/** pino options shared by the HTTP server and the background roles. */
export function loggerOptions(config: Config) {
  return {
    level: config.LOG_LEVEL,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
}
