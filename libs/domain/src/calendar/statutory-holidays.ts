import Holidays from 'date-holidays';
import { addLocalDays, type LocalDate, toLocalDate } from './local-date.js';
import type { CalendarEntry } from './working-calendar.js';

/** Which of a year's announced facts are confirmed (see calendar-facts.ts); unconfirmed ones get the conservative assumption. */
export interface ConfirmedFacts {
  /** The Tết span of the lunar year starting in this year is announced and entered in the table. */
  readonly tet?: boolean;
  /** The second National Day (01/09 or 03/09) is announced and entered in the table. */
  readonly nationalDay?: boolean;
}

const ART_112 = 'Bộ luật Lao động 2019 Điều 112 khoản 1';
/** While the Tết notice is missing, only lunar New Year's Day and the two days after it are taken as off. */
export const UNCONFIRMED_TET_ASSUMED_DAYS = 3;

const lunar = new Map<number, { newYear: LocalDate; hungKings: LocalDate }>();

/**
 * The lunar dates `date-holidays` computes for a year: lunar New Year's Day (its single-day `vietnamese 1-0-1`
 * entry; the library's 5-day Tết block is its own guess of the span and is not used) and the Hùng Kings' day
 * (10/3 lunar). Throws if the library stops providing either, rather than silently dropping a holiday.
 */
export function lunarDates(year: number): { newYear: LocalDate; hungKings: LocalDate } {
  const cached = lunar.get(year);
  if (cached) return cached;
  const all = new Holidays('VN').getHolidays(year);
  const find = (rule: string) => {
    const h = all.find((x) => x.type === 'public' && x.rule === rule);
    if (!h) throw new Error(`date-holidays has no VN ${rule} holiday in ${year}`);
    return toLocalDate(h.start);
  };
  const dates = { newYear: find('vietnamese 1-0-1'), hungKings: find('vietnamese 3-0-10') };
  lunar.set(year, dates);
  return dates;
}

/**
 * Statutory public holidays of a year (BLLĐ 2019 Art 112(1)). Fixed by the Code: 01/01, 30/04, 01/05, 02/09
 * and 10/3 lunar. Chosen each year by the Prime Minister (Art 112(3)): the 5 days of Tết and the day next to
 * 02/09. Those come from the administrator's table once announced; until then the calendar assumes the least:
 * Tết is lunar New Year's Day and the two days after it (`assumed`: no day in lieu is derived for them), and
 * 02/09 stands alone, so 01/09 and 03/09 count as working days and no deadline ends later than the law allows.
 * Days in lieu (Art 111(3)) are derived by WorkingCalendar from these entries.
 */
export function statutoryHolidays(year: number, confirmed: ConfirmedFacts = {}): CalendarEntry[] {
  const { newYear, hungKings } = lunarDates(year);
  const out: CalendarEntry[] = [
    { date: `${year}-01-01`, kind: 'holiday', name: 'Tết Dương lịch', legalRef: `${ART_112} điểm a` },
    { date: hungKings, kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', legalRef: `${ART_112} điểm e` },
    { date: `${year}-04-30`, kind: 'holiday', name: 'Ngày Chiến thắng', legalRef: `${ART_112} điểm c` },
    { date: `${year}-05-01`, kind: 'holiday', name: 'Ngày Quốc tế Lao động', legalRef: `${ART_112} điểm d` },
    { date: `${year}-09-02`, kind: 'holiday', name: 'Quốc khánh', legalRef: `${ART_112} điểm đ` },
  ];
  if (!confirmed.tet) {
    for (let i = 0; i < UNCONFIRMED_TET_ASSUMED_DAYS; i++) {
      out.push({
        date: addLocalDays(newYear, i),
        kind: 'holiday',
        name: `Tết Nguyên đán (mùng ${i + 1}; lịch nghỉ chưa được công bố)`,
        legalRef: `${ART_112} điểm b`,
        assumed: true,
      });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
