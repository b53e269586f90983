import type { CalendarEntry } from './working-calendar.js';

/**
 * Days off announced for civil servants beyond the statutory base (DOMAIN.md §8.5). Only verified entries are
 * listed; unverified ones (the 2026 New Year swap, the second National Day) are entered by an administrator
 * when the year's notice is in hand. Seeded into the editable calendar table; never consulted directly.
 */
export const KNOWN_CIVIL_SERVICE_ENTRIES: readonly CalendarEntry[] = [
  { date: '2026-04-27', kind: 'compensatory', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', legalRef: 'Bộ luật Lao động 2019 Điều 112 khoản 3' },
];
