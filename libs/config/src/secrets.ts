import { randomBytes } from 'node:crypto';

/** Shortest signing secret accepted (HS256 keys should be at least as long as the 256-bit hash output). */
export const MIN_SECRET_LENGTH = 32;

/**
 * Secrets that have appeared in this repository (defaults, examples, docker-compose). Anyone can read them, so
 * anyone could mint tokens with them: every process refuses them outside tests. Add any new example here.
 */
export const KNOWN_PLACEHOLDER_SECRETS: readonly string[] = [
  'grassroots-development-secret-not-for-production',
  'change-me-to-a-long-random-secret-at-least-32-characters',
  'change-me',
  'changeme',
  'secret',
];

export function isKnownPlaceholderSecret(value: string): boolean {
  const v = value.trim().toLowerCase();
  return KNOWN_PLACEHOLDER_SECRETS.some((p) => p.toLowerCase() === v);
}

/** A fresh secret: 48 random bytes, base64url (64 characters). */
export function generateSecret(): string {
  return randomBytes(48).toString('base64url');
}

let perRunTestSecret: string | undefined;
/**
 * One random secret per process: for tests, so every config a test file builds (API, worker, a second API)
 * agrees, and for processes that sign nothing. Never written anywhere, so it dies with the process.
 */
export function testRunSecret(): string {
  perRunTestSecret ??= generateSecret();
  return perRunTestSecret;
}
