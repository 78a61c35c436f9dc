import { z } from 'zod';

/**
 * Every environment variable the system reads, listed once with its default.
 * The process prints every problem and exits at boot rather than failing later.
 */
const schema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to bind; 0.0.0.0 so a district's LAN can reach the console. */
  HOST: z.string().default('0.0.0.0'),
  /** Embedded mode: PGlite data and uploaded attachments live here. */
  DATA_DIR: z.string().default('./data'),
  /** When set, use this PostgreSQL instead of the embedded PGlite. */
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL schema to use (tests isolate themselves with one schema each). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('public'),
  /** Connection pool size for PostgreSQL. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which roles this process runs: the HTTP API and/or the background worker (deadline timers, outbox). */
  ROLES: z
    .string()
    .default('api,worker')
    .transform((s) =>
      s
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['api', 'worker']))),
  /** Seed the demo district on first start when the database is empty. */
  DEMO_SEED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Days of case history the demo seed generates through the real services (0: none). */
  DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(366).default(45),
  /** Reports a working day in that history (weekends fewer); each adds ~65 ms to the first start on PGlite. */
  DEMO_HISTORY_PER_DAY: z.coerce.number().int().min(1).max(200).default(2),
  /** One password for every demo user (random per user when unset). */
  DEMO_PASSWORD: z.string().min(8).optional(),
  /** The demo Open311 client's API key (random when unset). */
  OPEN311_DEMO_API_KEY: z.string().min(16).optional(),
  /** The district this deployment serves (statistical division code; 大兴区 by default). */
  DISTRICT_CODE: z
    .string()
    .regex(/^\d{6}$/)
    .default('110115'),
  /** Secret mixed into every audit hash (HMAC-SM3) so the chain cannot be recomputed without it. */
  AUDIT_SECRET: z.string().min(8).default('zhicheng-dev-audit-secret-change-me'),
  /** scrypt cost as log2(N); 17 is OWASP's floor, tests lower it to stay fast. */
  SCRYPT_COST_LOG2: z.coerce.number().int().min(10).max(20).default(17),
  /** Session lifetime. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Largest attachment accepted, bytes. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** How often the timer runner polls for due deadlines. */
  TIMER_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /** Requests per minute per IP on public endpoints (login, citizen tracking). */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  /** Requests per minute per inbound channel (webhook deliveries, keyed by the channel code). */
  INBOUND_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  /** Days after resolution (or closing) within which a citizen may ask to reopen (重办) online. */
  REOPEN_WINDOW_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Share of a deadline's span after which a warning (预警) is raised, e.g. 0.8. */
  WARNING_RATIO: z.coerce.number().gt(0).lt(1).default(0.8),
  /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.example.gov.cn:587; none = no e-mail. */
  SMTP_URL: z.string().url().optional(),
  /** Sender of notification e-mails. */
  SMTP_FROM: z.string().default('智城 12345 <noreply@zhicheng.local>'),
  /** SMS gateway endpoint (HTTP POST, JSON); none = no SMS. */
  SMS_GATEWAY_URL: z.string().url().optional(),
  /** Bearer token for the SMS gateway. */
  SMS_GATEWAY_TOKEN: z.string().optional(),
  /** Signature (签名) prefixed to every SMS, as registered with the carrier. */
  SMS_SIGNATURE: z.string().default('【智城12345】'),
  /** How often the outbox job looks for messages to deliver. */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().positive().default(1_000),
  /** Attempts before a message is marked failed (backoff doubles from 5 s up to 1 h). */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  /** Time one delivery attempt may take (HTTP and SMTP), ms. */
  OUTBOX_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Address resolution: intake takes the street/community read from a report's address from this confidence up. */
  ADDRESS_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.6),
  /**
   * Confidence at or above which intake dispatches a report on the model's suggestion alone
   * (category and unit); below it the case waits in the dispatcher queue. Above 1 = never.
   */
  AUTO_DISPATCH_CONFIDENCE: z.coerce.number().min(0).default(0.9),
  /** 并案: how far back (days) a new report looks for open cases about the same problem. */
  SIMILAR_WINDOW_DAYS: z.coerce.number().positive().max(365).default(30),
  /** 并案: a report joins an open case automatically at this similarity score; 0 or above 1 = never. */
  SIMILAR_AUTO_MERGE_SCORE: z.coerce.number().min(0).default(0.9),
  /**
   * Basemap tiles for the console's maps, an XYZ template such as
   * https://tiles.example.gov.cn/{z}/{x}/{y}.png ({s} picks one of MAP_TILE_SUBDOMAINS); none = maps
   * draw the district's boundaries with no basemap (offline).
   */
  MAP_TILE_URL: z
    .string()
    .regex(/^(https?:\/\/|\/).*\{z\}.*/, 'an http(s) URL or a /path with {z}, {x} and {y}')
    .refine((s) => s.includes('{x}') && s.includes('{y}'), 'the template needs {x} and {y}')
    .optional(),
  /** Credit shown on maps with tiles (the provider's terms usually require it). */
  MAP_TILE_ATTRIBUTION: z.string().max(200).default(''),
  /** Datum of the tiles: wgs84 (OSM, 天地图) or gcj02 (高德/AMap-style); points are shifted to match. */
  MAP_TILE_CRS: z.enum(['wgs84', 'gcj02']).default('wgs84'),
  /** Deepest zoom level the tile server has. */
  MAP_TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
  /** Letters or digits substituted for {s} in MAP_TILE_URL, one per tile in turn. */
  MAP_TILE_SUBDOMAINS: z.string().default('abc'),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Parses the environment into a frozen config; throws with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
