import { createHmac } from 'node:crypto';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Builds a JWT by hand, so tests can forge what no well-behaved library would sign: `alg: none`, another HMAC
 * algorithm than the one in use, a token without `exp`.
 */
export function mintJwt(header: { alg: string; typ?: string }, payload: object, secret: string | null): string {
  const head = `${b64({ typ: 'JWT', ...header })}.${b64(payload)}`;
  if (secret === null) return `${head}.`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[header.alg];
  if (!hash) throw new Error(`mintJwt: no HMAC for ${header.alg}`);
  return `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}
