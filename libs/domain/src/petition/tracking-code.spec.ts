import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { TRACKING_CODE_PATTERN, formatTrackingCode, normalizeTrackingCode } from './tracking-code.js';

const FC_PARAMS = { seed: 42, numRuns: 500 } as const;
const twelveBytes = fc.uint8Array({ minLength: 12, maxLength: 12 });
/** Crockford base 32 without I, L, O, U: written out by hand, independent of the module's alphabet. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('formatTrackingCode', () => {
  it('always yields XXXX-XXXX-XXXX in the Crockford alphabet', () => {
    fc.assert(
      fc.property(twelveBytes, (bytes) => {
        const code = formatTrackingCode(bytes);
        expect(code).toMatch(TRACKING_CODE_PATTERN);
        expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        expect(code).not.toMatch(/[ILOU]/);
      }),
      FC_PARAMS,
    );
  });

  it('maps each byte to the character for its low five bits (60 bits of entropy)', () => {
    fc.assert(
      fc.property(twelveBytes, (bytes) => {
        const chars = formatTrackingCode(bytes).replace(/-/g, '');
        expect([...chars]).toEqual([...bytes].map((b) => CROCKFORD[b % 32]));
      }),
      FC_PARAMS,
    );
  });

  it('formats known inputs', () => {
    expect(formatTrackingCode(new Uint8Array(12))).toBe('0000-0000-0000');
    expect(formatTrackingCode(new Uint8Array(12).fill(31))).toBe('ZZZZ-ZZZZ-ZZZZ');
    expect(formatTrackingCode(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).toBe('0123-4567-89AB');
    // Only the low five bits count: 32 and 0 give the same character.
    expect(formatTrackingCode(Uint8Array.from([32, 33, 255, 18, 20, 21, 26, 27, 28, 29, 30, 31]))).toBe('01ZJ-MNTV-WXYZ');
  });

  it('uses only the first 12 bytes of a longer buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 40 }), (bytes) => {
        expect(formatTrackingCode(bytes)).toBe(formatTrackingCode(bytes.slice(0, 12)));
      }),
      FC_PARAMS,
    );
  });

  it('refuses fewer than 12 bytes rather than producing a short code', () => {
    expect(() => formatTrackingCode(new Uint8Array(11))).toThrow(/12 random bytes/);
    expect(() => formatTrackingCode(new Uint8Array(0))).toThrow();
  });
});

describe('normalizeTrackingCode', () => {
  it.each([
    ['k7dm-93xa-2fqp', 'K7DM-93XA-2FQP'],
    ['K7DM93XA2FQP', 'K7DM-93XA-2FQP'],
    ['  k7dm 93xa 2fqp ', 'K7DM-93XA-2FQP'],
    ['k7dm.93xa/2fqp', 'K7DM-93XA-2FQP'],
    ['OOOO-oooo-0000', '0000-0000-0000'],
    ['IiLl-1111-ILil', '1111-1111-1111'],
    ['k7dm-93xa-2fqo', 'K7DM-93XA-2FQ0'],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeTrackingCode(input)).toBe(expected);
    expect(normalizeTrackingCode(input)).toMatch(TRACKING_CODE_PATTERN);
  });

  it('returns the cleaned characters without grouping when the length is wrong', () => {
    expect(normalizeTrackingCode('abc-def')).toBe('ABCDEF');
    expect(normalizeTrackingCode('K7DM-93XA-2FQP-X')).toBe('K7DM93XA2FQPX');
    expect(normalizeTrackingCode('')).toBe('');
    expect(normalizeTrackingCode('abc-def')).not.toMatch(TRACKING_CODE_PATTERN);
  });

  it('is the identity on well-formed codes', () => {
    fc.assert(
      fc.property(twelveBytes, (bytes) => {
        const code = formatTrackingCode(bytes);
        expect(normalizeTrackingCode(code)).toBe(code);
      }),
      FC_PARAMS,
    );
  });

  it('recovers a code however a person types it: case, separators, look-alike letters', () => {
    const typed = twelveBytes.chain((bytes) => {
      const code = formatTrackingCode(bytes);
      const chars = [...code.replace(/-/g, '')];
      // For each character choose a spelling and a separator to put after it.
      const spellings = chars.map((c) => {
        const options = c === '0' ? ['0', 'O', 'o'] : c === '1' ? ['1', 'I', 'i', 'L', 'l'] : [c, c.toLowerCase()];
        return fc.tuple(fc.constantFrom(...options), fc.constantFrom('', '', '', ' ', '-', '.', '  '));
      });
      return fc.tuple(fc.constant(code), fc.tuple(...spellings), fc.constantFrom('', ' ', '\t'));
    });
    fc.assert(
      fc.property(typed, ([code, parts, pad]) => {
        const input = pad + parts.map(([c, sep]) => c + sep).join('') + pad;
        expect(normalizeTrackingCode(input)).toBe(code);
      }),
      FC_PARAMS,
    );
  });

  it('is idempotent on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'grapheme' }), (s) => {
        const once = normalizeTrackingCode(s);
        expect(normalizeTrackingCode(once)).toBe(once);
      }),
      FC_PARAMS,
    );
  });
});
