import { describe, expect, it } from '@jest/globals';
import { parseIsoDuration, toIsoDuration } from './iso-duration.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('parseIsoDuration', () => {
  it.each([
    ['P3D', 3 * D],
    ['PT2H', 2 * H],
    ['P1DT3H', D + 3 * H],
    ['PT90M', 90 * M],
    ['PT45S', 45 * S],
    ['PT0.5S', 500],
    ['PT1,25S', 1250],
    ['P2W', 14 * D],
    ['P1W2D', 9 * D],
    ['P1DT2H3M4S', D + 2 * H + 3 * M + 4 * S],
    ['P0D', 0],
    ['P400D', 400 * D],
  ])('%s is %d ms', (text, ms) => {
    expect(parseIsoDuration(text)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '3D',
    'P1Y',
    'P1M',
    'P1Y2M3D',
    '-P1D',
    'P-1D',
    'P1.5D',
    'PT1.2345S',
    'p3d',
    'P3D ',
    ' P3D',
    'PT2H3D',
    'P1D2W',
    'PT1S2M',
    'P3DT2H1X',
    'P99999999999999999999D',
  ])('refuses %j', (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });
});

describe('toIsoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [499, 'PT0S'],
    [500, 'PT1S'],
    [45 * S, 'PT45S'],
    [15 * M, 'PT15M'],
    [9 * H, 'PT9H'],
    [D, 'P1D'],
    [2 * D + 9 * H, 'P2DT9H'],
    [3 * D + 4 * M + 5 * S, 'P3DT4M5S'],
    [40 * D + 23 * H + 59 * M + 59 * S, 'P40DT23H59M59S'],
    [-(9 * H), 'PT9H'],
  ])('%d ms is %s', (ms, iso) => {
    expect(toIsoDuration(ms)).toBe(iso);
  });
});
