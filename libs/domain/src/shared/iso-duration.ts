/** ISO 8601 durations of fixed-length units (weeks, days, hours, minutes, seconds), both ways. */
const MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,3})?)S)?)?$/;

/**
 * Parses an ISO 8601 duration of fixed-length units only: weeks, days, hours, minutes and seconds (seconds may
 * carry up to three decimals), e.g. `P3D`, `PT2H`, `P1DT3H`, `P2W`, `PT0.5S`. Years and months (whose length
 * depends on the date), negative durations and empty ones (`P`, `PT`) are refused. Returns milliseconds, or
 * null when the text is not such a duration.
 */
export function parseIsoDuration(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  const [, weeks, days, hours, minutes, seconds] = m;
  if ([weeks, days, hours, minutes, seconds].every((part) => part === undefined)) return null;
  if (text.endsWith('T')) return null; // `P1DT`: a time designator with no time
  const ms =
    Number(weeks ?? 0) * MS.W +
    Number(days ?? 0) * MS.D +
    Number(hours ?? 0) * MS.H +
    Number(minutes ?? 0) * MS.M +
    Math.round(Number((seconds ?? '0').replace(',', '.')) * MS.S);
  return Number.isSafeInteger(ms) ? ms : null;
}

/**
 * Milliseconds as an ISO 8601 duration of days, hours, minutes and seconds (`P2DT9H`, `PT15M`, `PT0S`),
 * rounded to the second. A day is 24 hours of elapsed (calendar) time, not a working day. Negative input is
 * treated as its absolute value: the sign is carried by the field name (lateBy vs remaining).
 */
export function toIsoDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / MS.S);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const date = days > 0 ? `${days}D` : '';
  const time = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds > 0 ? `${seconds}S` : ''}`;
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}
