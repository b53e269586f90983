import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { jsonDepthExceededAt } from './json-depth.js';
import { problem } from './problem-details.js';

/**
 * JSON bodies only, with a size limit. Installed by hand (Nest's own parser is off) so that an oversized or
 * malformed body becomes a problem+json 413/400 like every other error.
 */
export function installBodyParsing(app: INestApplication, limit: string): void {
  answerOversizedHeadersAsProblem(app.getHttpServer() as Server);
  // A path segment that is not valid percent-encoded UTF-8 (`/api/petitions/%ED%A0%80`) cannot be matched to a
  // route parameter; the router's own refusal names nothing. Refused here on the path, before routing.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.split('/').every(decodable)) {
      next();
      return;
    }
    const errors = [{ field: 'path', messageKey: 'validation.isWellFormed' as const }];
    res.status(400).type('application/problem+json').json({ ...problem(400, 'error.validation', {}, {}, errors), instance: req.originalUrl });
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && ['POST', 'PUT', 'PATCH'].includes(req.method) && !req.is('application/json') && !req.is('application/*+json')) {
      res.status(415).type('application/problem+json').json({ ...problem(415, 'error.unsupported_media_type'), instance: req.originalUrl });
      return;
    }
    next();
  });
  app.use(
    express.json({
      limit,
      type: ['application/json', 'application/*+json'],
      // Before JSON.parse: a body nested too deep is refused on the path where it passed the limit.
      verify: (_req, _res, buf) => {
        const field = jsonDepthExceededAt(buf.toString('utf8'), MAX_INPUT_DEPTH);
        if (field !== null) throw Object.assign(new Error('JSON nested too deep'), { status: 400, depthExceededAt: field });
      },
    }),
  );
  app.use((err: { type?: string; status?: number; depthExceededAt?: string; body?: unknown }, req: Request, res: Response, next: NextFunction) => {
    const send = (body: ReturnType<typeof problem>) => res.status(body.status).type('application/problem+json').json({ ...body, instance: req.originalUrl });
    if (err?.type === 'entity.too.large') {
      send(problem(413, 'error.payload_too_large'));
    } else if (err?.type === 'entity.verify.failed' && err.depthExceededAt !== undefined) {
      send(problem(400, 'error.validation', {}, {}, [{ field: err.depthExceededAt, messageKey: 'validation.maxDepth' }]));
    } else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') {
      send(problem(415, 'error.unsupported_media_type'));
    } else if (err?.type === 'entity.parse.failed' && isJsonScalar(err.body)) {
      // Valid JSON but not an object ("hello", 42, null): the body as a whole is the field at fault.
      send(problem(400, 'error.validation', {}, {}, [{ field: '', messageKey: 'validation.isObject' }]));
    } else if (err?.type === 'entity.parse.failed' || (typeof err?.status === 'number' && err.status >= 400 && err.status < 500)) {
      // Any other refusal of the body parser (aborted, wrong length) is the client's: never express's HTML page.
      send(problem(400, 'error.malformed_json'));
    } else {
      next(err);
    }
  });
  // One bounded, iterative walk over the parsed body and query, before anything else looks at them (guards,
  // validation, use cases): a body nested thousands of levels deep once overflowed a recursive check here (a 500
  // on every route, before authentication); a NUL or a lone UTF-16 surrogate, which Postgres text and jsonb
  // cannot hold, once failed an INSERT with a 500. Each is now a 400 on its field.
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Every endpoint takes a JSON object; an array would otherwise be validated key by key ("0", "1", ...).
    if (Array.isArray(req.body)) {
      const errors = [{ field: '', messageKey: 'validation.isObject' as const }];
      res.status(400).type('application/problem+json').json({ ...problem(400, 'error.validation', {}, {}, errors), instance: req.originalUrl });
      return;
    }
    const errors = [...inputFaults(req.body as unknown), ...inputFaults(req.query as unknown)].slice(0, MAX_REPORTED_FAULTS);
    if (errors.length > 0) {
      res.status(400).type('application/problem+json').json({ ...problem(400, 'error.validation', {}, {}, errors), instance: req.originalUrl });
      return;
    }
    next();
  });
}

function decodable(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Body text that is valid JSON, just not an object or array (which the strict parser refuses as malformed). */
function isJsonScalar(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    const v: unknown = JSON.parse(text);
    return v === null || typeof v !== 'object';
  } catch {
    return false;
  }
}

/**
 * Deepest nesting any request needs is about 5 (a dialogue's minutes: `minutes.attendees.fatherlandFront.names.0`);
 * 16 leaves room for new shapes while keeping every later recursive step (class-transformer, class-validator,
 * jsonb) shallow.
 */
export const MAX_INPUT_DEPTH = 16;
const MAX_REPORTED_FAULTS = 20;

type Fault = { field: string; messageKey: 'validation.matches' | 'validation.isWellFormed' | 'validation.maxDepth' };

/** ES2024 (Node 22 has it; the project's TypeScript lib is older). */
type WellFormedString = string & { isWellFormed(): boolean };

/** A string Postgres cannot store as text or jsonb: U+0000, or a lone surrogate (not well-formed UTF-16). */
function textFault(s: string): Fault['messageKey'] | null {
  if (s.includes('\u0000')) return 'validation.matches';
  if (!(s as WellFormedString).isWellFormed()) return 'validation.isWellFormed';
  return null;
}

/**
 * Dotted paths (`petitioner.fullName`, `coPetitioners.0.address`) of strings or keys that cannot be stored, and
 * of the first level past MAX_INPUT_DEPTH on each branch. Iterative with an explicit stack, so no input can
 * overflow the call stack.
 */
function inputFaults(root: unknown): Fault[] {
  const faults: Fault[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0 && faults.length < MAX_REPORTED_FAULTS) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) faults.push({ field: path, messageKey: fault });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      faults.push({ field: path, messageKey: 'validation.maxDepth' });
      continue;
    }
    // Reversed so that siblings are visited in document order.
    for (const [key, v] of Object.entries(value).reverse()) {
      const field = path ? `${path}.${key}` : key;
      const keyFault = textFault(key);
      if (keyFault) faults.push({ field, messageKey: keyFault });
      else stack.push({ value: v, path: field, depth: depth + 1 });
    }
  }
  return faults;
}

/**
 * A URL or headers past Node's limit (16 KB; a long search text is enough) are refused by Node's HTTP parser
 * before express sees the request, with a bare 431. Answered here as problem+json like every other refusal.
 * Any other malformed request gets Node's own 400 and the connection closes.
 */
function answerOversizedHeadersAsProblem(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = status === 431 ? JSON.stringify(problem(431, 'error.headers_too_large')) : '';
    const head = status === 431 ? `431 Request Header Fields Too Large\r\nContent-Type: application/problem+json` : '400 Bad Request';
    socket.end(`HTTP/1.1 ${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
