import type { AppConfig } from '@app/config';
import type { INestApplication } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import helmet, { strictTransportSecurity } from 'helmet';
import { WEB_ASSET_PATH } from './web-app.js';

/**
 * One policy for the API, the Swagger UI and the future web app served from the same origin: scripts and
 * connections to this origin only; styles may be inline (antd and Swagger UI set style attributes); images
 * may be data: URLs; never framed (clickjacking). No `upgrade-insecure-requests`: plain-HTTP development
 * must keep working (HSTS does that job behind TLS).
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI's static files and the web app's hashed build files are the only responses a browser may keep. */
const CACHEABLE = [/^\/api\/docs\/.+\.(js|css|png|html)$/, WEB_ASSET_PATH];

/**
 * Security headers for every response (helmet: nosniff, CSP, X-Frame-Options DENY, no referrer, COOP/CORP …),
 * HSTS only over TLS (the request came over https, as told by a trusted proxy, or HSTS_ALWAYS), and
 * `Cache-Control: no-store` so tokens, petitions and a citizen's tracking or feedback page never sit in a shared
 * or browser cache.
 */
export function installSecurityHeaders(app: INestApplication, config: AppConfig): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  express.disable('x-powered-by');
  // Who may state the client address and scheme (rate limits per address, HSTS over TLS).
  express.set('trust proxy', config.http.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY as Record<string, string[]> },
      strictTransportSecurity: false,
      xFrameOptions: { action: 'deny' },
    }),
  );
  const hsts = strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // A browser ignores HSTS over plain HTTP anyway; sending it only over TLS keeps local HTTP setups sane.
    if (config.http.hstsAlways || req.secure) hsts(req, res, next);
    else next();
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!CACHEABLE.some((c) => c.test(req.path))) res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
