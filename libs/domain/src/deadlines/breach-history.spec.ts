import { describe, expect, it } from '@jest/globals';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '../calendar/civil-service-schedule.js';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { type CalendarEntry, WorkingCalendar } from '../calendar/working-calendar.js';
import { recomputeClock } from './clock-acts.js';
import { type ClockRule, DEFAULT_DEADLINE_POLICY } from './deadline-policy.js';
import { applyFlags, breachExcused, clockWasLate, extendClock, pauseClock, type PetitionClock, reactToEvent, resumeClock, withDue } from './petition-clock.js';

const calendarWith = (...extra: CalendarEntry[]) =>
  new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027), ...KNOWN_CIVIL_SERVICE_ENTRIES, ...extra]);
const cal = calendarWith();
const rule = (id: string): ClockRule => DEFAULT_DEADLINE_POLICY.rules.find((r) => r.ruleId === id)!;
const at9 = (date: string) => `${date}T02:00:00.000Z`;

/** A clock of `ruleId` accepted at 09:00 on `startedOn`, breached at its due instant (as firing records it). */
function breached(ruleId: string, startedOn: string): PetitionClock {
  const r = rule(ruleId);
  const c = withDue(
    {
      id: '00000000-0000-4000-8000-000000000001',
      petitionId: '00000000-0000-4000-8000-000000000002',
      kind: r.clockKind,
      ruleId,
      legalBasis: r.legalBasis,
      policyVersion: 1,
      unit: r.unit,
      variant: 'standard',
      days: r.days.standard,
      startEvent: r.startsOn,
      startedAt: at9(startedOn),
      status: 'running',
      pauses: [],
      extensions: [],
      variantChanges: [],
      dueAt: null,
      breachedAt: null,
      breaches: [],
      metAt: null,
      cancelledAt: null,
    },
    cal,
    new Date(at9(startedOn)),
  );
  return { ...c, status: 'breached', breachedAt: c.dueAt, breaches: [{ at: c.dueAt!, liftedAt: null, liftedBy: null }] };
}

const resolvedAt = (c: PetitionClock, at: string) =>
  reactToEvent(c, rule(c.ruleId), { type: 'PetitionResolved', petitionId: c.petitionId, at, actorId: 'u', actorRole: 'head', legalBasis: null, summary: 's' } as never);

describe('breach history', () => {
  it('an extension granted after the breach runs the clock again but keeps the breach: resolved "in time" is still late', () => {
    // T4 accepted Mon 23/11/2026: 30 days → due end of Wed 23/12; breached; extended on 08/01/2027 (16 days late).
    const c = breached('T4', '2026-11-23');
    const now = new Date('2027-01-08T02:00:00Z');
    const d = extendClock(c, rule('T4'), 'Vụ việc phức tạp', null, cal, now, 'complex');
    if (!d.ok) throw new Error('refused');
    expect(d.clock).toMatchObject({ status: 'running', breachedAt: null, breaches: [{ at: '2026-12-23T17:00:00.000Z', liftedAt: now.toISOString(), liftedBy: 'extension' }] });
    const met = resolvedAt(d.clock, '2027-01-10T02:00:00.000Z');
    expect(met.status).toBe('met');
    expect(new Date(met.metAt!) <= new Date(met.dueAt!)).toBe(true);
    expect(clockWasLate(met)).toBe(true);
  });

  it('a complexity flag that lengthens a breached complaint lifts the breach, not its record', () => {
    const c = breached('K3', '2026-11-23');
    const now = new Date('2026-12-28T02:00:00Z');
    const flagged = applyFlags(c, rule('K3'), { complex: true, remoteArea: false }, 'Phức tạp', cal, now);
    expect(flagged).toMatchObject({ status: 'running', breachedAt: null, variant: 'complex', breaches: [{ liftedBy: 'flags', liftedAt: now.toISOString() }] });
    expect(clockWasLate(flagged)).toBe(true);
  });

  it('a recompute that moves a breached due date back ahead keeps the breach', () => {
    const c = breached('K3', '2026-11-23');
    const moved = recomputeClock(c, calendarWith({ date: '2026-12-23', kind: 'holiday', name: 'Nghỉ đột xuất' }), new Date('2026-12-23T20:00:00Z'));
    expect(moved).toMatchObject({ status: 'running', breachedAt: null, breaches: [{ at: '2026-12-23T17:00:00.000Z', liftedBy: 'recompute' }] });
    expect(clockWasLate(moved)).toBe(true);
  });

  it('pausing and resuming a breached clock records the breach once', () => {
    const c = breached('K3', '2026-11-23');
    const paused = pauseClock(c, rule('K3'), 'awaiting_other_agency', null, new Date('2026-12-24T02:00:00Z'));
    if (!paused.ok) throw new Error('refused');
    const resumed = resumeClock(paused.clock, cal, new Date('2026-12-30T02:00:00Z'));
    if (!resumed.ok) throw new Error('refused');
    expect(resumed.clock.status).toBe('breached');
    expect(resumed.clock.breaches).toHaveLength(1);
  });

  it('a clock never breached and met in time is on time; met after its due instant is late', () => {
    const c = { ...breached('K3', '2026-11-23'), status: 'running' as const, breachedAt: null, breaches: [] };
    expect(clockWasLate(resolvedAt(c, '2026-12-20T02:00:00.000Z'))).toBe(false);
    expect(clockWasLate(resolvedAt(c, '2026-12-24T02:00:00.000Z'))).toBe(true);
  });

  it('excuses only a breach whose instant lies inside a recorded pause', () => {
    const pause = { from: '2026-12-20T02:00:00.000Z', to: '2026-12-25T02:00:00.000Z' };
    expect(breachExcused({ at: '2026-12-23T17:00:00.000Z' }, [pause])).toBe(true);
    expect(breachExcused({ at: '2026-12-23T17:00:00.000Z' }, [{ ...pause, to: null }])).toBe(true);
    expect(breachExcused({ at: '2026-12-25T02:00:00.000Z' }, [pause])).toBe(false);
    expect(breachExcused({ at: '2026-12-20T01:59:59.000Z' }, [pause])).toBe(false);
    const c = breached('K3', '2026-11-23');
    expect(clockWasLate({ ...c, pauses: [{ ...pause, reason: 'awaiting_other_agency', note: null }] })).toBe(false);
  });
});
