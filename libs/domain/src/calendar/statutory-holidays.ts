import Holidays from 'date-holidays';
import { addLocalDays, type LocalDate, toLocalDate } from './local-date.js';
import type { CalendarEntry } from './working-calendar.js';

const cache = new Map<number, CalendarEntry[]>();

/**
 * Statutory public holidays for a year (BLLĐ 2019 Art 112), from `date-holidays`, which computes Tết and the
 * Hùng Kings' day on the lunar calendar. Multi-day entries (the Tết block is one entry) are expanded per day.
 * What the library does not know — compensatory days, the second National Day, swapped Saturdays — comes
 * from the yearly schedule in the admin table.
 */
export function statutoryHolidays(year: number): CalendarEntry[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const hd = new Holidays('VN');
  const out = new Map<LocalDate, CalendarEntry>();
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public') continue;
    // `end` is exclusive (the next local midnight); walk the local dates in [start, end).
    const first = toLocalDate(h.start);
    const last = addLocalDays(toLocalDate(h.end), -1);
    for (let d = first; d <= last; d = addLocalDays(d, 1)) {
      if (!out.has(d)) out.set(d, { date: d, kind: 'holiday', name: h.name, legalRef: 'Bộ luật Lao động 2019 Điều 112' });
    }
  }
  const list = [...out.values()].sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, list);
  return list;
}
