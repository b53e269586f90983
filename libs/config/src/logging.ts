import type { AppConfig } from './app-config.js';

/** Path segments that are bearer secrets (the citizen's one-time feedback link, issue 4): never logged. */
const SECRET_PATH = /(\/feedback\/)[^/?#]+/g;

export function redactUrlSecrets(url: string): string {
  return url.replace(SECRET_PATH, '$1[redacted]');
}

/** Applied to pino's serialized request: the URL and route params lose their secret segments. */
function redactRequest<R extends { url?: string; params?: unknown }>(req: R): R {
  if (typeof req.url === 'string') req.url = redactUrlSecrets(req.url);
  if (req.params && typeof req.params === 'object' && 'token' in req.params) req.params = { ...req.params, token: '[redacted]' };
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
    autoLogging: { ignore: (req: { url?: string }) => ignore.has(req.url ?? '') },
    ...(config.logPretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res' } } }
      : {}),
  };
}
