import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

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

  @IsOptional() @IsString() @MinLength(32)
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  /**
   * Secret the citizens' one-time feedback links are derived from (issue 4). Optional: without it the JWT
   * secret is used, always through a separate key derivation, so the two keys never coincide. Set it to rotate
   * the links independently of logins (changing it voids every link not yet used).
   */
  @IsOptional() @IsString() @MinLength(32)
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

  @Transform(toBool) @IsBoolean()
  SWAGGER_ENABLED = true;

  /** The shared, movable test clock (POST /api/test-clock); refused in production. */
  @Transform(toBool) @IsBoolean()
  GRASSROOTS_TEST_CLOCK = false;
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
  /** Time comes from the shared test clock (offset kept in Postgres) and `/api/test-clock` may move it. Never in production. */
  readonly testClock: boolean;
}

export class ConfigValidationError extends Error {}

/** The only reader of the process environment. Pass an explicit map in tests. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigValidationError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (vars.NODE_ENV === 'production' && !vars.JWT_SECRET) {
    throw new ConfigValidationError('Invalid configuration:\n  JWT_SECRET: required in production (at least 32 characters)');
  }
  if (vars.NODE_ENV === 'production' && vars.GRASSROOTS_TEST_CLOCK) {
    throw new ConfigValidationError('Invalid configuration:\n  GRASSROOTS_TEST_CLOCK: not allowed in production (it lets an administrator move time)');
  }
  // A fixed development secret keeps demo logins valid across restarts; production must set its own.
  const jwtSecret = vars.JWT_SECRET ?? 'grassroots-development-secret-not-for-production';
  return Object.freeze({
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    queue: { backend: vars.QUEUE_BACKEND, prefix: vars.QUEUE_PREFIX, pgSchema: vars.QUEUE_PG_SCHEMA },
    jwt: { secret: jwtSecret, ttlSeconds: vars.JWT_TTL_SECONDS },
    // Production always has one of the two: JWT_SECRET is required there.
    satisfaction: { linkSecret: vars.FEEDBACK_LINK_SECRET ?? jwtSecret },
    bodyLimit: vars.BODY_LIMIT,
    logLevel: vars.LOG_LEVEL,
    logPretty: vars.LOG_PRETTY,
    outbox: { pollMs: vars.OUTBOX_POLL_MS, batchSize: vars.OUTBOX_BATCH_SIZE, publishTimeoutMs: vars.OUTBOX_PUBLISH_TIMEOUT_MS },
    swaggerEnabled: vars.SWAGGER_ENABLED,
    testClock: vars.GRASSROOTS_TEST_CLOCK,
  });
}
