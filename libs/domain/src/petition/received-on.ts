import { addLocalDays, isLocalDate, type LocalDate, toLocalDate } from '../calendar/local-date.js';
import type { MessageKey } from '../shared/messages.js';

/**
 * A letter may arrive (postmark or desk receipt) before it is entered. Its arrival day starts the receipt
 * clocks (Civil Code Art 147: that day itself is not counted). How far back an arrival day may be entered is a
 * policy value: no statute sets it.
 */
export const DEFAULT_RECEIVED_ON_MAX_DAYS_BACK = 30;

export interface ReceivedOnProblem {
  readonly messageKey: MessageKey;
  readonly params: Record<string, string | number>;
}

/** Why an arrival day cannot be recorded, or null: a local date, not after today, at most `maxDaysBack` days back. */
export function receivedOnProblem(receivedOn: string, now: Date, maxDaysBack: number): ReceivedOnProblem | null {
  if (!isLocalDate(receivedOn)) return { messageKey: 'validation.isLocalDate', params: {} };
  const today = toLocalDate(now);
  if (receivedOn > today) return { messageKey: 'petition.received_on_future', params: {} };
  const earliest = addLocalDays(today, -maxDaysBack);
  if (receivedOn < earliest) return { messageKey: 'petition.received_on_too_old', params: { days: maxDaysBack, earliest: earliest.split('-').reverse().join('/') } };
  return null;
}

/** The arrival day to record: none when it is the day of entry (the event's own instant says so). */
export function arrivalDayToRecord(receivedOn: LocalDate | null | undefined, now: Date): LocalDate | null {
  return receivedOn && receivedOn < toLocalDate(now) ? receivedOn : null;
}
