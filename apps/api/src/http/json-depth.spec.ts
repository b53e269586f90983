import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { jsonDepthExceededAt } from './json-depth.js';

/** Depth as the post-parse walk counts it: the root is 0, each container one more. */
function depthOf(v: unknown): number {
  if (v === null || typeof v !== 'object') return -1;
  return 1 + Math.max(-1, ...Object.values(v).map(depthOf));
}

describe('jsonDepthExceededAt', () => {
  it('names the path of the first container at the limit', () => {
    expect(jsonDepthExceededAt('{"a":{"b":[1,{"c":{}}]}}', 3)).toBe('a.b.1');
    expect(jsonDepthExceededAt('{"a":{"b":[1,{"c":{}}]}}', 4)).toBe('a.b.1.c');
    expect(jsonDepthExceededAt('{"a":{"b":[1,{"c":{}}]}}', 5)).toBeNull();
    expect(jsonDepthExceededAt(`{"username":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 16)).toBe(`username${'.0'.repeat(15)}`);
  });

  it('is not fooled by brackets, quotes and escapes inside strings, and decodes keys', () => {
    expect(jsonDepthExceededAt('{"x":"[[[[{{{{\\"[[[", "y":{}}', 2)).toBeNull();
    expect(jsonDepthExceededAt('{"k\\u0041\\"":{"z":{}}}', 2)).toBe('kA".z');
  });

  it('agrees with the depth of the parsed value for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 8 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(jsonDepthExceededAt(text, max) !== null).toBe(depthOf(value) >= max);
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });
});
