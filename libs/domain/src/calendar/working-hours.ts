import { addLocalDays, atLocalTime, type LocalDate, toLocalDate } from './local-date.js';
import type { WorkingCalendar } from './working-calendar.js';

/** Office hours in which alerts are delivered (policy data; 07:30–17:00 is the common public-office day). */
export interface WorkingHours {
  readonly startHour: number;
  readonly startMinute: number;
  readonly endHour: number;
  readonly endMinute: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { startHour: 7, startMinute: 30, endHour: 17, endMinute: 0 };

/**
 * When an alert raised at `instant` should reach people: at once during office hours on a working day,
 * otherwise at the start of the next working morning. Nobody is woken at night or on Tết.
 */
export function deliveryInstant(instant: Date, calendar: WorkingCalendar, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  const day: LocalDate = toLocalDate(instant);
  if (calendar.isWorkingDay(day)) {
    const open = atLocalTime(day, hours.startHour, hours.startMinute);
    const close = atLocalTime(day, hours.endHour, hours.endMinute);
    if (instant < open) return open;
    if (instant < close) return instant;
  }
  const next = calendar.onOrAfter(addLocalDays(day, 1));
  return atLocalTime(next, hours.startHour, hours.startMinute);
}
