import { describe, expect, it } from '@jest/globals';
import { clockStartOf } from '../deadlines/petition-clock.js';
import type { PetitionReceived } from './petition-events.js';
import { arrivalDayToRecord, receivedOnProblem } from './received-on.js';

/** Mon 23/11/2026, 00:30 in Hà Nội (still 22/11 in UTC). */
const NOW = new Date('2026-11-22T17:30:00.000Z');

describe('receivedOnProblem', () => {
  it('takes a local date from today back to the policy limit, inclusive', () => {
    expect(receivedOnProblem('2026-11-23', NOW, 30)).toBeNull();
    expect(receivedOnProblem('2026-10-24', NOW, 30)).toBeNull();
  });

  it('refuses a day after today (local), one beyond the limit, and what is not a date', () => {
    expect(receivedOnProblem('2026-11-24', NOW, 30)?.messageKey).toBe('petition.received_on_future');
    expect(receivedOnProblem('2026-10-23', NOW, 30)).toEqual({ messageKey: 'petition.received_on_too_old', params: { days: 30, earliest: '24/10/2026' } });
    expect(receivedOnProblem('2026-11-22', NOW, 0)?.messageKey).toBe('petition.received_on_too_old');
    expect(receivedOnProblem('2026-02-30', NOW, 30)?.messageKey).toBe('validation.isLocalDate');
  });
});

describe('the arrival day and the receipt clocks', () => {
  const received = (receivedOn?: string): PetitionReceived => ({
    type: 'PetitionReceived',
    petitionId: 'p',
    at: NOW.toISOString(),
    actorId: null,
    actorRole: null,
    legalBasis: null,
    kind: 'feedback',
    channel: 'mail',
    receivingUnitId: 'u',
    trackingCode: 'T',
    parentPetitionId: null,
    ...(receivedOn ? { receivedOn } : {}),
  });

  it('records an earlier day only, and clocks count from the start of that day', () => {
    expect(arrivalDayToRecord('2026-11-23', NOW)).toBeNull();
    expect(arrivalDayToRecord(undefined, NOW)).toBeNull();
    expect(arrivalDayToRecord('2026-11-18', NOW)).toBe('2026-11-18');
    expect(clockStartOf(received('2026-11-18'))).toBe('2026-11-17T17:00:00.000Z');
    expect(clockStartOf(received())).toBe(NOW.toISOString());
  });
});
