import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '@app/config';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the web app never answers: the API, its docs, and the health check. */
const SERVER_PATHS = /^\/(api|health)(\/|$)/;

/** Hashed build files (`/assets/LoginPage-C34Bk_oa.js`): the only web responses a browser may keep. */
export const WEB_ASSET_PATH = /^\/assets\/[\w.-]+\.(js|css|woff2?|svg|png)$/;

/**
 * Serves the built web app (apps/web → dist/web) at `/`: hashed assets from /assets, and index.html for every
 * other GET a browser navigates to (the single-page app's routes: /inbox, /track/ABCD-…), so a reload or a QR
 * link opens the right page. /api and /health stay the API's; a missing asset is the API's 404.
 */
export function installWebApp(app: INestApplication, config: AppConfig): boolean {
  const dir = path.resolve(config.web.distDir);
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: true }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path) || req.path.startsWith('/assets/')) return next();
    if (!req.accepts('html')) return next();
    res.sendFile(index, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });
  return true;
}
