import type { CalendarFactRecord } from './calendar-facts.js';
import type { CalendarEntry } from './working-calendar.js';

/*
 * The announced state-sector schedule (cán bộ, công chức, viên chức), seeded into the editable tables
 * (calendar_entries, calendar_facts); never consulted directly. Days in lieu are not listed: they follow from
 * BLLĐ 2019 Art 111(3) (Hùng Kings on Sun 26/04/2026 → Mon 27/04 is derived). Verification: `partial` means the
 * notice's number and content come from consistent press reports of it, not from the notice's own text.
 */

const NOTICE_9441 = 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ (nghỉ Tết Âm lịch, Quốc khánh 2026)';
const NEW_YEAR_2026 = 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Chính phủ đồng ý phương án nghỉ Tết Dương lịch 2026 của Bộ Nội vụ)';

export const KNOWN_CIVIL_SERVICE_ENTRIES: readonly CalendarEntry[] = [
  // New Year 2026: Thu 01/01 – Sun 04/01 off; Friday 02/01 swapped with Saturday 10/01.
  { date: '2026-01-02', kind: 'swap_off', name: 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', legalRef: NEW_YEAR_2026 },
  { date: '2026-01-10', kind: 'swap_work', name: 'Làm bù cho thứ Sáu 02/01/2026', legalRef: NEW_YEAR_2026 },
  // Tết Bính Ngọ: the 5 days are Mon 16/02 – Fri 20/02 (29 Tết – mùng 4); with the weekends, Sat 14/02 – Sun 22/02.
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map(
    (date): CalendarEntry => ({ date, kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ', legalRef: NOTICE_9441 }),
  ),
  // National Day 2026: Tue 01/09 and Wed 02/09; Monday 31/08 swapped with Saturday 22/08 (Sat 29/08 – Wed 02/09 off).
  { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)', legalRef: NOTICE_9441 },
  { date: '2026-08-31', kind: 'swap_off', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)', legalRef: NOTICE_9441 },
  { date: '2026-08-22', kind: 'swap_work', name: 'Làm bù cho thứ Hai 31/08/2026', legalRef: NOTICE_9441 },
];

/** The notices behind the entries above. Nothing for 2027 was found: its Tết, National Day and swaps stay unconfirmed. */
export const KNOWN_CALENDAR_FACTS: readonly CalendarFactRecord[] = [
  { year: 2026, fact: 'tet', reference: NOTICE_9441, verification: 'partial', note: 'Báo Công an TP.HCM, Báo Hải Phòng đưa tin; chưa đối chiếu văn bản gốc.' },
  { year: 2026, fact: 'national_day', reference: NOTICE_9441, verification: 'partial', note: 'Báo Hải Phòng đưa tin; chưa đối chiếu văn bản gốc.' },
  {
    year: 2026,
    fact: 'swaps',
    reference: `${NEW_YEAR_2026}; ${NOTICE_9441}`,
    verification: 'partial',
    note: 'Hoán đổi 02/01 ↔ 10/01 và 31/08 ↔ 22/08; theo tin báo chí, chưa đối chiếu văn bản gốc.',
  },
];
