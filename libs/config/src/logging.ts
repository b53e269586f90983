import type { AppConfig } from './app-config.js';

/** Path segments that are bearer secrets (the citizen's one-time feedback link, issue 4): never logged. */
const SECRET_PATH = /(\/feedback\/)[^/?#]+/g;

export function redactUrlSecrets(url: string): string {
  return url.replace(SECRET_PATH, '$1[redacted]');
}

/**
 * Query parameters whose values may be logged: ids, enumerations, dates, paging. Anything else (free-text
 * search `q`, a reason, a name) is logged by its key only, so a new parameter is private until it is listed here.
 */
export const LOGGABLE_QUERY_KEYS: ReadonlySet<string> = new Set([
  'page',
  'pageSize',
  'status',
  'kind',
  'channel',
  'state',
  'clockKind',
  'overdue',
  'unread',
  'hotOnly',
  'groupBy',
  'nearShare',
  'scope',
  'open',
  'sort',
  'receivedFrom',
  'receivedTo',
  'from',
  'to',
  'month',
  'year',
  'days',
  'unitId',
  'ownerUnitId',
  'communeId',
  'dialogueId',
  'petitionId',
  'assigneeId',
  'hostUserId',
]);

/** Route parameters whose values may be logged (ids, actions, dates, tracking codes); others, like the feedback token, are not. */
const LOGGABLE_PARAM_KEYS: ReadonlySet<string> = new Set(['id', 'action', 'clockId', 'petitionId', 'version', 'date', 'trackingCode']);

const REDACTED = '[redacted]';

/** A URL as it may be logged: secret path segments masked, and the values of query keys not allow-listed. */
export function redactUrl(url: string): string {
  const path = redactUrlSecrets(url);
  const q = path.indexOf('?');
  if (q < 0) return path;
  const query = path
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        return REDACTED;
      }
      return eq < 0 || LOGGABLE_QUERY_KEYS.has(name) ? pair : `${key}=${REDACTED}`;
    })
    .join('&');
  return `${path.slice(0, q)}?${query}`;
}

function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, LOGGABLE_QUERY_KEYS.has(k) ? v : REDACTED]));
}

/**
 * Route parameters as they may be logged. Express 5 puts a wildcard route's path into `params.splat`, one
 * segment per element (the logger's own `*splat` route): it is masked like the URL's path.
 */
function redactParams(params: unknown): unknown {
  if (!params || typeof params !== 'object') return params;
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      if (k === 'splat' || k === '0') {
        const segments = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split('/') : [];
        return [k, redactUrlSecrets(`/${segments.join('/')}`).slice(1).split('/')];
      }
      return [k, LOGGABLE_PARAM_KEYS.has(k) ? v : REDACTED];
    }),
  );
}

/** Applied to pino's serialized request: URLs, query and route params lose secrets and personal values. */
function redactRequest<R extends { url?: string; originalUrl?: string; query?: unknown; params?: unknown; headers?: Record<string, unknown> }>(req: R): R {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  // A page that links to the API (the citizen's feedback page) sends its own URL, token included, as Referer.
  // A copy: the serialized request shares its headers object with the live request.
  if (req.headers && typeof req.headers.referer === 'string') req.headers = { ...req.headers, referer: redactUrl(req.headers.referer) };
  if (typeof req.originalUrl === 'string') req.originalUrl = redactUrl(req.originalUrl);
  if ('query' in req) req.query = redactQuery(req.query);
  if ('params' in req) req.params = redactParams(req.params);
  return req;
}

/**
 * pino-http options shared by the API and the worker: JSON lines in production (for a log pipeline), one
 * readable line per entry when LOG_PRETTY is on (`npm start`). Secrets in headers never reach the log.
 */
export function pinoHttpOptions(config: AppConfig, extra: { ignorePaths?: readonly string[] } = {}) {
  const ignore = new Set(extra.ignorePaths ?? []);
  return {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: { req: redactRequest },
    // By path: a query string must not bring a long-lived stream back into the request log.
    autoLogging: { ignore: (req: { url?: string }) => ignore.has((req.url ?? '').split('?')[0]!) },
    ...(config.logPretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res' } } }
      : {}),
  };
}

/** Where log lines are written instead of stdout (a test reads them). */
export interface LogStream {
  write(line: string): void;
}

/** pino-http's `[options, stream]` form when a stream is given (one JSON line per entry, no pretty transport). */
export function withLogStream<O extends { transport?: unknown }>(options: O, stream: LogStream | undefined): O | [Omit<O, 'transport'>, LogStream] {
  if (stream === undefined) return options;
  const { transport: _transport, ...rest } = options;
  return [rest, stream];
}
