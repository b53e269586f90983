import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';
import { isKnownPlaceholderSecret, MIN_SECRET_LENGTH, testRunSecret } from './secrets.js';

export const QUEUE_BACKENDS = ['redis', 'postgres'] as const;
export type QueueBackend = (typeof QUEUE_BACKENDS)[number];

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** Environment variables, validated once at start-up. Defaults suit a developer machine, never production secrets. */
class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString() @IsNotEmpty()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/grassroots';

  @IsString() @IsNotEmpty()
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsIn(QUEUE_BACKENDS)
  QUEUE_BACKEND: QueueBackend = 'redis';

  /** Redis key prefix for BullMQ; each test file sets its own so suites cannot collide. */
  @IsString() @IsNotEmpty()
  QUEUE_PREFIX = 'grassroots';

  /** Schema for BullMQ's PostgreSQL backend (the Redis prefix does not apply there). */
  @IsString() @IsNotEmpty()
  QUEUE_PG_SCHEMA = 'bullmq';

  /** Required outside tests (`npm start` generates one per installation); known placeholders are refused. */
  @IsOptional() @IsString() @MinLength(MIN_SECRET_LENGTH)
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  /**
   * Secret the citizens' one-time feedback links are derived from (issue 4). Optional: without it the JWT
   * secret is used, always through a separate key derivation, so the two keys never coincide. Set it to rotate
   * the links independently of logins (changing it voids every link not yet used).
   */
  @IsOptional() @IsString() @MinLength(MIN_SECRET_LENGTH)
  FEEDBACK_LINK_SECRET?: string;

  @IsString() @IsNotEmpty()
  BODY_LIMIT = '256kb';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Human-readable one-line logs (pino-pretty, a development dependency) instead of JSON; `npm start` turns it on. */
  @Transform(toBool) @IsBoolean()
  LOG_PRETTY = false;

  @Transform(toInt) @IsInt() @Min(10)
  OUTBOX_POLL_MS = 500;

  @Transform(toInt) @IsInt() @Min(1) @Max(5000)
  OUTBOX_BATCH_SIZE = 200;

  /** How long one publish may wait for the queue before the pass gives up and retries later. */
  @Transform(toInt) @IsInt() @Min(50)
  OUTBOX_PUBLISH_TIMEOUT_MS = 5000;

  /**
   * The built web app (`vite build` output) that the API serves at `/`; relative to the working directory.
   * Served only when its index.html exists, so an API without a build still answers /api.
   */
  @IsString() @IsNotEmpty()
  WEB_DIST_DIR = 'dist/web';

  /** API docs at /api/docs; default off in production, on elsewhere. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  SWAGGER_ENABLED?: boolean;

  /**
   * Express `trust proxy`: which proxies may tell the client address (X-Forwarded-For, used by the throttles)
   * and the scheme (X-Forwarded-Proto, used for HSTS). `false` (default) trusts none; `true` trusts any, which
   * lets every client choose its own address, so prefer a hop count (`1`) or addresses (`loopback, 10.0.0.0/8`).
   */
  @IsString() @IsNotEmpty()
  TRUST_PROXY = 'false';

  /** Send HSTS on every response (TLS is terminated in front of the API without X-Forwarded-Proto). */
  @Transform(toBool) @IsBoolean()
  HSTS_ALWAYS = false;

  /** Failed logins per account within the window before the account's logins are locked. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** First lockout; each further lockout without a successful login in between doubles it, up to the maximum. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_LOCKOUT_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_LOCKOUT_MAX_SECONDS = 3600;

  /** Login attempts per client address within the window (whatever the account); then blocked for one window. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_ADDRESS_LIMIT = 30;

  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_ADDRESS_WINDOW_SECONDS = 300;

  /** Requests per client address within the window on the public tracking and feedback routes. */
  @Transform(toInt) @IsInt() @Min(1)
  PUBLIC_RATE_LIMIT = 60;

  @Transform(toInt) @IsInt() @Min(1)
  PUBLIC_RATE_WINDOW_SECONDS = 60;

  /**
   * Where citizens reach the public pages (the tracking page behind a receipt's QR code): an http(s) URL with no
   * query or fragment. Default: this API on localhost (`http://localhost:<PORT>`), which suits a developer only.
   */
  @IsOptional() @IsString() @IsNotEmpty()
  PUBLIC_BASE_URL?: string;

  /** The shared, movable test clock (POST /api/test-clock); refused in production. */
  @Transform(toBool) @IsBoolean()
  GRASSROOTS_TEST_CLOCK = false;

  /**
   * How often a live notification stream sends a comment line, so proxies keep it open and a dropped client is
   * noticed; each beat also picks up alerts whose office-hours delivery time has come.
   */
  @Transform(toInt) @IsInt() @Min(50) @Max(300_000)
  NOTIFICATION_HEARTBEAT_MS = 25_000;

  /** Live notification streams one user may hold open on one API process (tabs, devices). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  NOTIFICATION_STREAMS_PER_USER = 5;
}

export interface AppConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly port: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queue: { readonly backend: QueueBackend; readonly prefix: string; readonly pgSchema: string };
  readonly jwt: { readonly secret: string; readonly ttlSeconds: number };
  /** Input keying material for the feedback-link key (the application derives the actual key from it). */
  readonly satisfaction: { readonly linkSecret: string };
  readonly bodyLimit: string;
  readonly logLevel: string;
  readonly logPretty: boolean;
  readonly outbox: { readonly pollMs: number; readonly batchSize: number; readonly publishTimeoutMs: number };
  readonly swaggerEnabled: boolean;
  readonly web: { readonly distDir: string };
  readonly http: { readonly trustProxy: boolean | number | string; readonly hstsAlways: boolean };
  /** Rate limits; every window and duration in seconds. */
  readonly throttle: {
    readonly login: {
      readonly maxFailures: number;
      readonly failureWindowSeconds: number;
      readonly lockoutSeconds: number;
      readonly lockoutMaxSeconds: number;
      readonly addressLimit: number;
      readonly addressWindowSeconds: number;
    };
    readonly public: { readonly limit: number; readonly windowSeconds: number };
  };
  /** Base of the citizens' public URLs, without a trailing slash (`${publicBaseUrl}/track/<code>`). */
  readonly publicBaseUrl: string;
  /** Time comes from the shared test clock (offset kept in Postgres) and `/api/test-clock` may move it. Never in production. */
  readonly testClock: boolean;
  /** Live notification streams (server-sent events). */
  readonly notifications: { readonly heartbeatMs: number; readonly streamsPerUser: number };
}

export class ConfigValidationError extends Error {}

function parseTrustProxy(value: string): boolean | number | string {
  const v = value.trim().toLowerCase();
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  return value.trim();
}

/** An http(s) URL with no query, fragment or credentials, returned without its trailing slash; else null. */
export function parsePublicBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // `new URL` drops an empty `?` or `#`, so look at the text too: a printed link must be exactly what is configured.
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value) || url.username !== '' || url.password !== '') return null;
  return url.href.replace(/\/+$/, '');
}

export interface LoadConfigOptions {
  /**
   * `false` for processes that never sign or verify anything (the CLI's migrate/seed): a missing JWT_SECRET is
   * then replaced by a throw-away random one. A secret that is given is still checked.
   */
  readonly requireSigningSecret?: boolean;
}

/** The only reader of the process environment. Pass an explicit map in tests. */
export function loadConfig(env: Record<string, string | undefined> = process.env, options: LoadConfigOptions = {}): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigValidationError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const isTest = vars.NODE_ENV === 'test';
  if (!isTest && !vars.JWT_SECRET && options.requireSigningSecret !== false) {
    throw new ConfigValidationError(
      `Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=${vars.NODE_ENV} (at least ${MIN_SECRET_LENGTH} random characters, ` +
        'e.g. `openssl rand -base64 48`; `npm start` generates one for you)',
    );
  }
  for (const name of ['JWT_SECRET', 'FEEDBACK_LINK_SECRET'] as const) {
    const value = vars[name];
    if (!isTest && value !== undefined && isKnownPlaceholderSecret(value)) {
      throw new ConfigValidationError(`Invalid configuration:\n  ${name}: is a published example value; anyone could sign with it. Set a random one`);
    }
  }
  if (vars.NODE_ENV === 'production' && vars.GRASSROOTS_TEST_CLOCK) {
    throw new ConfigValidationError('Invalid configuration:\n  GRASSROOTS_TEST_CLOCK: not allowed in production (it lets an administrator move time)');
  }
  const publicBaseUrl = parsePublicBaseUrl(vars.PUBLIC_BASE_URL ?? `http://localhost:${vars.PORT}`);
  if (publicBaseUrl === null) {
    throw new ConfigValidationError('Invalid configuration:\n  PUBLIC_BASE_URL: must be an http or https URL with no query, fragment or user name (e.g. https://tiepdan.example.gov.vn)');
  }
  // Only tests (one random secret per run) and processes that sign nothing get here without a secret.
  const jwtSecret = vars.JWT_SECRET ?? testRunSecret();
  return Object.freeze({
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    queue: { backend: vars.QUEUE_BACKEND, prefix: vars.QUEUE_PREFIX, pgSchema: vars.QUEUE_PG_SCHEMA },
    jwt: { secret: jwtSecret, ttlSeconds: vars.JWT_TTL_SECONDS },
    // Outside tests JWT_SECRET is always set, so the link key never comes from a random per-run secret there.
    satisfaction: { linkSecret: vars.FEEDBACK_LINK_SECRET ?? jwtSecret },
    bodyLimit: vars.BODY_LIMIT,
    logLevel: vars.LOG_LEVEL,
    logPretty: vars.LOG_PRETTY,
    outbox: { pollMs: vars.OUTBOX_POLL_MS, batchSize: vars.OUTBOX_BATCH_SIZE, publishTimeoutMs: vars.OUTBOX_PUBLISH_TIMEOUT_MS },
    swaggerEnabled: vars.SWAGGER_ENABLED ?? vars.NODE_ENV !== 'production',
    web: { distDir: vars.WEB_DIST_DIR },
    http: { trustProxy: parseTrustProxy(vars.TRUST_PROXY), hstsAlways: vars.HSTS_ALWAYS },
    throttle: {
      login: {
        maxFailures: vars.LOGIN_MAX_FAILURES,
        failureWindowSeconds: vars.LOGIN_FAILURE_WINDOW_SECONDS,
        lockoutSeconds: vars.LOGIN_LOCKOUT_SECONDS,
        lockoutMaxSeconds: Math.max(vars.LOGIN_LOCKOUT_MAX_SECONDS, vars.LOGIN_LOCKOUT_SECONDS),
        addressLimit: vars.LOGIN_ADDRESS_LIMIT,
        addressWindowSeconds: vars.LOGIN_ADDRESS_WINDOW_SECONDS,
      },
      public: { limit: vars.PUBLIC_RATE_LIMIT, windowSeconds: vars.PUBLIC_RATE_WINDOW_SECONDS },
    },
    testClock: vars.GRASSROOTS_TEST_CLOCK,
    publicBaseUrl,
    notifications: { heartbeatMs: vars.NOTIFICATION_HEARTBEAT_MS, streamsPerUser: vars.NOTIFICATION_STREAMS_PER_USER },
  });
}
