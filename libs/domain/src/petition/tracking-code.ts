/**
 * Public tracking codes: 12 Crockford base-32 characters (60 random bits) in groups of four, e.g. "K7DM-93XA-2FQP".
 * Enough entropy that codes cannot be enumerated; no I, L, O or U, so they survive being read over the phone.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Formats 12 random bytes (randomness is injected so this stays pure). */
export function formatTrackingCode(random: Uint8Array): string {
  if (random.length < 12) throw new Error('formatTrackingCode needs 12 random bytes');
  let out = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[random[i]! & 31];
  }
  return out;
}

/** Accepts what people type: lower case, spaces, and the usual look-alikes (O→0, I/L→1). */
export function normalizeTrackingCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return raw.length === 12 ? `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}` : raw;
}
