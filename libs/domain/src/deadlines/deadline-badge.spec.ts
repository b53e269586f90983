import { describe, expect, it } from '@jest/globals';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '../calendar/civil-service-schedule.js';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { deadlineBadge, mostUrgentBadge } from './deadline-badge.js';
import { type ClockRule, DEFAULT_DEADLINE_POLICY } from './deadline-policy.js';
import { pauseClock, type PetitionClock, withDue } from './petition-clock.js';

const cal = new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027), ...KNOWN_CIVIL_SERVICE_ENTRIES]);
const rule = (id: string): ClockRule => DEFAULT_DEADLINE_POLICY.rules.find((r) => r.ruleId === id)!;
/** 09:00 in Hà Nội on a date. */
const at9 = (date: string) => new Date(`${date}T02:00:00.000Z`);

function clockOf(ruleId: string, startedOn: string, id = '00000000-0000-4000-8000-000000000001'): PetitionClock {
  const r = rule(ruleId);
  return withDue(
    {
      id,
      petitionId: '00000000-0000-4000-8000-000000000002',
      kind: r.clockKind,
      ruleId,
      legalBasis: r.legalBasis,
      policyVersion: 1,
      unit: r.unit,
      variant: 'standard',
      days: r.days.standard,
      startEvent: r.startsOn,
      startedAt: at9(startedOn).toISOString(),
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
    at9(startedOn),
  );
}

const pick = (b: ReturnType<typeof deadlineBadge>) =>
  b && { state: b.state, percentElapsed: b.percentElapsed, daysLeft: b.daysLeft, daysOverdue: b.daysOverdue, dueOn: b.dueOn, label: b.label };

describe('deadlineBadge', () => {
  // K3 accepted Monday 23/11/2026: 30 calendar days → the end of Wednesday 23/12/2026 (the ladder: 50 % at the
  // end of 08/12, 80 % at the end of 17/12).
  const k3 = clockOf('K3', '2026-11-23');

  it('walks a calendar-day clock through its states as the alert ladder does', () => {
    expect(pick(deadlineBadge(k3, cal, at9('2026-11-24')))).toEqual({
      state: 'on_time', percentElapsed: 0, daysLeft: 30, daysOverdue: null, dueOn: '2026-12-23', label: { vi: 'Còn 30 ngày', en: '30 days left' },
    });
    expect(pick(deadlineBadge(k3, cal, at9('2026-12-08')))).toMatchObject({ state: 'on_time', percentElapsed: 47, daysLeft: 16 });
    expect(pick(deadlineBadge(k3, cal, at9('2026-12-09')))).toMatchObject({ state: 'half', percentElapsed: 50, daysLeft: 15 });
    expect(pick(deadlineBadge(k3, cal, at9('2026-12-18')))).toMatchObject({ state: 'late80', percentElapsed: 80, daysLeft: 6 });
    expect(pick(deadlineBadge(k3, cal, at9('2026-12-22')))).toMatchObject({ daysLeft: 2, label: { vi: 'Còn 2 ngày', en: '2 days left' } });
    expect(pick(deadlineBadge(k3, cal, at9('2026-12-23')))).toMatchObject({
      state: 'late80', daysLeft: 1, label: { vi: 'Hết hạn trong hôm nay', en: 'Due by the end of today' },
    });
    expect(pick(deadlineBadge(k3, cal, at9('2026-12-24')))).toMatchObject({ state: 'overdue', daysLeft: null, daysOverdue: 1, label: { vi: 'Quá hạn 1 ngày', en: '1 day overdue' } });
    expect(pick(deadlineBadge(k3, cal, at9('2026-12-28')))).toEqual({
      state: 'overdue', percentElapsed: 113, daysLeft: null, daysOverdue: 5, dueOn: '2026-12-23', label: { vi: 'Quá hạn 5 ngày', en: '5 days overdue' },
    });
  });

  it('counts a working-day clock in working days (T3 from Monday 23/11/2026: 5 working days → Monday 30/11)', () => {
    const t3 = clockOf('T3', '2026-11-23');
    expect(pick(deadlineBadge(t3, cal, at9('2026-11-25')))).toMatchObject({ state: 'on_time', percentElapsed: 20, daysLeft: 4 });
    expect(pick(deadlineBadge(t3, cal, at9('2026-11-27')))).toMatchObject({
      state: 'half', percentElapsed: 60, daysLeft: 2, dueOn: '2026-11-30', label: { vi: 'Còn 2 ngày làm việc', en: '2 working days left' },
    });
    // Saturday: the weekend is not counted, the 80 % rung (end of Friday 27/11) has passed.
    expect(pick(deadlineBadge(t3, cal, at9('2026-11-28')))).toMatchObject({ state: 'late80', daysLeft: 1, label: { en: '1 working day left' } });
  });

  it('shows a paused clock with the days it still has, which do not run down while it is paused', () => {
    // Paused on Wed 09/12 after 16 of its 30 days (24/11–09/12; the day of the pause is counted): 14 left.
    const paused = pauseClock(k3, rule('K3'), rule('K3').pauseReasons[0]!, null, at9('2026-12-09'));
    if (!paused.ok) throw new Error('pause refused');
    const on14 = deadlineBadge(paused.clock, cal, at9('2026-12-14'))!;
    const on21 = deadlineBadge(paused.clock, cal, at9('2026-12-21'))!;
    expect({ state: on14.state, dueAt: on14.dueAt, label: on14.label }).toEqual({ state: 'paused', dueAt: null, label: { vi: 'Tạm dừng, còn 14 ngày', en: 'Paused, 14 days left' } });
    expect(on14.percentElapsed).toBe(53);
    expect({ daysLeft: on21.daysLeft, percentElapsed: on21.percentElapsed }).toEqual({ daysLeft: on14.daysLeft, percentElapsed: on14.percentElapsed });
  });

  it('has no badge for a met clock', () => {
    expect(deadlineBadge({ ...k3, status: 'met', metAt: at9('2026-12-01').toISOString() }, cal, at9('2026-12-02'))).toBeNull();
  });
});

describe('mostUrgentBadge', () => {
  it('takes the running clock due soonest, a paused one only when none runs', () => {
    const k3 = clockOf('K3', '2026-11-23', '00000000-0000-4000-8000-00000000000a');
    const t3 = clockOf('T3', '2026-11-23', '00000000-0000-4000-8000-00000000000b');
    expect(mostUrgentBadge([k3, t3], cal, at9('2026-11-24'))?.rule).toBe('T3');
    const paused = pauseClock(t3, rule('T3'), rule('T3').pauseReasons[0] ?? 'force_majeure', null, at9('2026-11-24'));
    const pausedT3 = paused.ok ? paused.clock : { ...t3, status: 'paused' as const, dueAt: null, pauses: [{ from: at9('2026-11-24').toISOString(), to: null, reason: 'force_majeure' as const, note: null }] };
    expect(mostUrgentBadge([k3, pausedT3], cal, at9('2026-11-25'))?.rule).toBe('K3');
    expect(mostUrgentBadge([pausedT3], cal, at9('2026-11-25'))?.state).toBe('paused');
    expect(mostUrgentBadge([], cal, at9('2026-11-25'))).toBeNull();
  });
});
