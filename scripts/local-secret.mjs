/**
 * The installation's own signing secret for `npm start` when JWT_SECRET is not set: generated once, kept in the
 * local data folder (.grassroots/, git-ignored) readable by its owner only, and reused on every start so
 * logins survive restarts. Node built-ins only (this runs before dependencies are installed).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const MIN_LENGTH = 32;

/** Returns { secret, file, created }. A missing, empty or too short file is replaced by a new secret. */
export function ensureLocalSecret(dataDir, name = 'jwt-secret') {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, name);
  let existing = null;
  try {
    existing = fs.readFileSync(file, 'utf8').trim();
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  if (existing !== null && existing.length >= MIN_LENGTH) {
    // An older copy, or one restored from a backup, may have lost its mode: tighten it again.
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return { secret: existing, file, created: false };
  }
  const secret = randomBytes(48).toString('base64url');
  // Write to a private temporary file and rename, so no reader ever sees a partial or world-readable secret.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  fs.renameSync(tmp, file);
  return { secret, file, created: true };
}
