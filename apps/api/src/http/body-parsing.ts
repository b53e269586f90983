import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { problem } from './problem-details.js';

/**
 * JSON bodies only, with a size limit. Installed by hand (Nest's own parser is off) so that an oversized or
 * malformed body becomes a problem+json 413/400 like every other error.
 */
export function installBodyParsing(app: INestApplication, limit: string): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && ['POST', 'PUT', 'PATCH'].includes(req.method) && !req.is('application/json') && !req.is('application/*+json')) {
      res.status(415).type('application/problem+json').json({ ...problem(415, 'error.unsupported_media_type'), instance: req.originalUrl });
      return;
    }
    next();
  });
  app.use(express.json({ limit, type: ['application/json', 'application/*+json'] }));
  app.use((err: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (err?.type === 'entity.too.large') {
      res.status(413).type('application/problem+json').json({ ...problem(413, 'error.payload_too_large'), instance: req.originalUrl });
    } else if (err?.type === 'entity.parse.failed') {
      res.status(400).type('application/problem+json').json({ ...problem(400, 'error.malformed_json'), instance: req.originalUrl });
    } else {
      next(err);
    }
  });
  // Postgres text cannot hold U+0000: a NUL anywhere in the body or query is refused here, on its field,
  // instead of failing an INSERT or a LIKE later with a 500.
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Every endpoint takes a JSON object; an array would otherwise be validated key by key ("0", "1", ...).
    if (Array.isArray(req.body)) {
      const errors = [{ field: '', messageKey: 'validation.isObject' as const }];
      res.status(400).type('application/problem+json').json({ ...problem(400, 'error.validation', {}, {}, errors), instance: req.originalUrl });
      return;
    }
    const fields = [...nulFields(req.body as unknown, ''), ...nulFields(req.query as unknown, '')];
    if (fields.length > 0) {
      const errors = fields.map((field) => ({ field, messageKey: 'validation.matches' as const }));
      res.status(400).type('application/problem+json').json({ ...problem(400, 'error.validation', {}, {}, errors), instance: req.originalUrl });
      return;
    }
    next();
  });
}

/** Dotted paths (`petitioner.fullName`, `coPetitioners.0.address`) of strings, or keys, that contain U+0000. */
function nulFields(value: unknown, path: string): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const field = path ? `${path}.${key}` : key;
    return key.includes('\u0000') ? [field] : nulFields(v, field);
  });
}
