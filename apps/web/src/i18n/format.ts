import { LABELS } from '@domain-messages';
import type { Lang } from './i18n';

/** Vietnam local time: every date a person reads is in Asia/Ho_Chi_Minh, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = (d: Date) => {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return p as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday', string>;
};

const WEEKDAY_INDEX: Record<string, string> = { Sun: '0', Mon: '1', Tue: '2', Wed: '3', Thu: '4', Fri: '5', Sat: '6' };

/** `dd/MM/yyyy` of an instant or of a local date `YYYY-MM-DD`. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = parts(typeof value === 'string' ? new Date(value) : value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "thứ Hai 04/05/2026" / "Monday 04/05/2026". */
export function formatDateWithWeekday(value: string | Date, lang: Lang): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  const weekday = LABELS.weekday[WEEKDAY_INDEX[parts(date).weekday] as keyof typeof LABELS.weekday][lang];
  return `${weekday} ${formatDate(date)}`;
}

/** `dd/MM/yyyy HH:mm`, Vietnam time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(typeof value === 'string' ? new Date(value) : value);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** Today's local date in Vietnam, `YYYY-MM-DD`. */
export function todayLocal(now: Date = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}
