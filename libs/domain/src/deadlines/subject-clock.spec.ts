import { describe, expect, it } from '@jest/globals';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '../calendar/civil-service-schedule.js';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from './deadline-policy.js';
import { commitmentClock, explainSubjectDue, planSubjectLadder, recomputeSubjectClock, resultsPublicationClock, stopSubjectClock } from './subject-clock.js';

const calendar = new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027), ...KNOWN_CIVIL_SERVICE_ENTRIES]);
const policy = DEFAULT_DEADLINE_POLICY;
// Mon 23/11/2026, 09:00 in Hà Nội.
const MADE = new Date('2026-11-23T02:00:00.000Z');

describe('commitment clock', () => {
  it('is due at the end of its due date (Wed 23/12/2026 24:00 local = 17:00 UTC), 30 calendar days after it was made', () => {
    const c = commitmentClock({ id: 'k1', commitmentId: 'c1', createdAt: MADE, dueDate: '2026-12-23' }, policy, calendar, MADE);
    expect(c).toMatchObject({ kind: 'commitment', ruleId: 'CM', days: 30, unit: 'calendar_days', status: 'running', startEvent: 'CommitmentCreated' });
    expect(c.dueAt).toBe('2026-12-23T17:00:00.000Z');
  });

  it('keeps a promised Saturday as the deadline (no roll-forward: the date was promised, not a statutory period)', () => {
    const c = commitmentClock({ id: 'k1', commitmentId: 'c1', createdAt: MADE, dueDate: '2026-12-26' }, policy, calendar, MADE);
    expect(c.dueAt).toBe('2026-12-26T17:00:00.000Z');
    expect(explainSubjectDue(c, calendar, MADE)).toMatchObject({ nominalLastDay: '2026-12-26', rolledForwardTo: null, lastDay: '2026-12-26' });
    expect(planSubjectLadder(c, policy, [], { calendar, now: MADE }).find((p) => p.key === '100')!.dueAt).toBe('2026-12-26T17:00:00.000Z');
  });

  it('is due at the end of the same day when promised for today, and refuses a due date before it was made', () => {
    const c = commitmentClock({ id: 'k1', commitmentId: 'c1', createdAt: MADE, dueDate: '2026-11-23' }, policy, calendar, MADE);
    expect(c.days).toBe(0);
    expect(c.dueAt).toBe('2026-11-23T17:00:00.000Z');
    expect(() => commitmentClock({ id: 'k1', commitmentId: 'c1', createdAt: MADE, dueDate: '2026-11-22' }, policy, calendar, MADE)).toThrow();
  });

  it('plans 50 %, 80 %, the breach and the first overdue reminder; only the breach acts, and nothing announces rights', () => {
    const c = commitmentClock({ id: 'k1', commitmentId: 'c1', createdAt: MADE, dueDate: '2026-12-23' }, policy, calendar, MADE);
    const plans = planSubjectLadder(c, policy, [], { calendar, now: MADE });
    expect(plans.map((p) => [p.key, p.dueAt, p.escalate, p.informCitizenOfRights])).toEqual([
      ['50', '2026-12-08T17:00:00.000Z', false, false],
      ['80', '2026-12-17T17:00:00.000Z', false, false],
      ['100', '2026-12-23T17:00:00.000Z', true, false],
      // 10 working days after Wed 23/12: 24, 25, 28, 29, 30, 31/12, (01/01/2027 New Year, weekend) 04, 05, 06, 07/01.
      ['overdue-1', '2027-01-07T17:00:00.000Z', false, false],
    ]);
  });

  it('drops early warnings that would come after the due instant of a zero-day period', () => {
    const c = commitmentClock({ id: 'k1', commitmentId: 'c1', createdAt: MADE, dueDate: '2026-11-23' }, policy, calendar, MADE);
    const keys = planSubjectLadder(c, policy, [], { calendar, now: MADE }).map((p) => p.key);
    expect(keys).toEqual(['100', 'overdue-1']);
  });

  it('takes the default period from the policy version, and falls back for versions published before subject clocks', () => {
    const { subjectClocks: _omitted, ...older } = policy;
    const legacy: DeadlinePolicy = { ...older, version: 7 };
    const c = commitmentClock({ id: 'k1', commitmentId: 'c1', createdAt: MADE, dueDate: '2026-12-23' }, legacy, calendar, MADE);
    expect(c).toMatchObject({ policyVersion: 7, ruleId: 'CM' });
  });
});

describe('results publication clock (G4)', () => {
  it('gives a conference held on Sun 29/11/2026 until the end of Wed 09/12/2026, with alerts that never escalate', () => {
    const heldAt = new Date('2026-11-29T01:00:00.000Z');
    const c = resultsPublicationClock({ id: 'g1', dialogueId: 'd1', heldAt }, policy, calendar, heldAt);
    expect(c).toMatchObject({ kind: 'results_publication', ruleId: 'G4', days: 10, subject: { type: 'dialogue', id: 'd1' } });
    expect(c.dueAt).toBe('2026-12-09T17:00:00.000Z');
    expect(planSubjectLadder(c, policy, [], { calendar, now: heldAt }).every((p) => !p.escalate)).toBe(true);
  });

  it('moves with the calendar: a compensatory Monday pushes the due date on, and a rerun changes nothing', () => {
    const heldAt = new Date('2026-11-29T01:00:00.000Z');
    const c = resultsPublicationClock({ id: 'g1', dialogueId: 'd1', heldAt }, policy, calendar, heldAt);
    // Due Wed 09/12/2026 today; declare Wed 09/12 a day off: the period runs to the end of Thu 10/12.
    const edited = new WorkingCalendar([
      ...statutoryHolidays(2026),
      ...statutoryHolidays(2027),
      ...KNOWN_CIVIL_SERVICE_ENTRIES,
      { date: '2026-12-09', kind: 'holiday', name: 'Ngày nghỉ bổ sung', legalRef: null },
    ]);
    const moved = recomputeSubjectClock(c, edited, heldAt);
    expect(moved.dueAt).toBe('2026-12-10T17:00:00.000Z');
    expect(recomputeSubjectClock(moved, edited, heldAt)).toBe(moved);
    expect(recomputeSubjectClock(c, calendar, heldAt)).toBe(c);
  });

  it('lifts a breach when the recomputed due instant is ahead again', () => {
    const heldAt = new Date('2026-11-29T01:00:00.000Z');
    const afterDue = new Date('2026-12-10T02:00:00.000Z');
    const breached = { ...resultsPublicationClock({ id: 'g1', dialogueId: 'd1', heldAt }, policy, calendar, heldAt), status: 'breached' as const, breachedAt: '2026-12-09T17:00:00.000Z' };
    const edited = new WorkingCalendar([...statutoryHolidays(2026), ...KNOWN_CIVIL_SERVICE_ENTRIES, { date: '2026-12-09', kind: 'holiday', name: 'Nghỉ', legalRef: null }]);
    expect(recomputeSubjectClock(breached, edited, afterDue)).toMatchObject({ status: 'running', breachedAt: null, dueAt: '2026-12-10T17:00:00.000Z' });
  });

  it('stops once: met when published, and a stopped clock is left as it is', () => {
    const heldAt = new Date('2026-11-29T01:00:00.000Z');
    const c = resultsPublicationClock({ id: 'g1', dialogueId: 'd1', heldAt }, policy, calendar, heldAt);
    const met = stopSubjectClock(c, 'met', new Date('2026-12-01T03:00:00.000Z'));
    expect(met).toMatchObject({ status: 'met', metAt: '2026-12-01T03:00:00.000Z' });
    expect(stopSubjectClock(met, 'cancelled', new Date('2026-12-02T03:00:00.000Z'))).toBe(met);
  });
});
