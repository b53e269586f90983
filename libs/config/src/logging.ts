import type { AppConfig } from './app-config.js';

/**
 * pino-http options shared by the API and the worker: JSON lines in production (for a log pipeline), one
 * readable line per entry when LOG_PRETTY is on (`npm start`). Secrets in headers never reach the log.
 */
export function pinoHttpOptions(config: AppConfig, extra: { ignorePaths?: readonly string[] } = {}) {
  const ignore = new Set(extra.ignorePaths ?? []);
  return {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    autoLogging: { ignore: (req: { url?: string }) => ignore.has(req.url ?? '') },
    ...(config.logPretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,req,res' } } }
      : {}),
  };
}
