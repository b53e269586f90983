import { describe, expect, it } from '@jest/globals';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '../calendar/civil-service-schedule.js';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { type CalendarEntry, WorkingCalendar } from '../calendar/working-calendar.js';
import { formatLocalDate, meetClock, recomputeClock, repinClock, summarizeDue } from './clock-acts.js';
import { type ClockRule, DEFAULT_DEADLINE_POLICY } from './deadline-policy.js';
import { explainDue, pauseClock, type PetitionClock, withDue } from './petition-clock.js';

const calendarWith = (...extra: CalendarEntry[]) =>
  new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027), ...KNOWN_CIVIL_SERVICE_ENTRIES, ...extra]);
const cal = calendarWith();
const rule = (id: string): ClockRule => DEFAULT_DEADLINE_POLICY.rules.find((r) => r.ruleId === id)!;

/** 09:00 in Hà Nội on a date. */
const at9 = (date: string) => `${date}T02:00:00.000Z`;

function clockOf(ruleId: string, startedOn: string, more: Partial<PetitionClock> = {}, now = new Date(at9(startedOn))): PetitionClock {
  const r = rule(ruleId);
  return withDue(
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
      ...more,
    },
    cal,
    now,
  );
}

const summary = (c: PetitionClock, now = new Date(c.startedAt)) => summarizeDue(c, explainDue(c, cal, now));

describe('formatLocalDate', () => {
  it('writes dates as Vietnamese documents do', () => {
    expect(formatLocalDate('2026-12-28')).toBe('28/12/2026');
  });
});

describe('summarizeDue', () => {
  it('says which day is not counted and when the period ends (K3 accepted Mon 23/11/2026: 30 days → Wed 23/12)', () => {
    expect(summary(clockOf('K3', '2026-11-23'))).toEqual({
      vi: '30 ngày từ 24/11/2026 (không tính ngày thụ lý 23/11/2026); hạn cuối là hết thứ Tư 23/12/2026.',
      en: '30 days from 24/11/2026 (the day of acceptance 23/11/2026 not counted); due by the end of Wednesday 23/12/2026.',
    });
  });

  it('explains the roll-forward past a weekend (accepted Fri 27/11: day 30 is Sun 27/12 → end of Mon 28/12)', () => {
    const c = clockOf('K3', '2026-11-27');
    expect(c.dueAt).toBe('2026-12-28T17:00:00.000Z');
    expect(summary(c)).toEqual({
      vi: '30 ngày từ 28/11/2026 (không tính ngày thụ lý 27/11/2026); ngày cuối 27/12/2026 rơi vào Chủ nhật nên kéo dài đến hết thứ Hai 28/12/2026.',
      en: '30 days from 28/11/2026 (the day of acceptance 27/11/2026 not counted); the last day, 27/12/2026, falls on Sunday, so the period runs to the end of Monday 28/12/2026.',
    });
  });

  it('names the holiday a period rolls past (day 30 on New Year’s Day 2027, then a weekend → Mon 04/01/2027)', () => {
    const s = summary(clockOf('K3', '2026-12-02'));
    expect(s.vi).toContain('ngày cuối 01/01/2027 rơi vào ngày nghỉ Tết Dương lịch (thứ Sáu) nên kéo dài đến hết thứ Hai 04/01/2027');
    expect(s.en).toContain('falls on a day off, Tết Dương lịch (Friday), so the period runs to the end of Monday 04/01/2027');
  });

  it('counts working days past the weekend and says how many days off it skipped (T3 from Mon 23/11 → Mon 30/11)', () => {
    const c = clockOf('T3', '2026-11-23');
    expect(c.dueAt).toBe('2026-11-30T17:00:00.000Z');
    expect(summary(c).vi).toBe('5 ngày làm việc từ 24/11/2026 (không tính ngày thụ lý 23/11/2026), bỏ qua 2 ngày nghỉ; hạn cuối là hết thứ Hai 30/11/2026.');
    expect(summary(c).en).toContain('5 working days from 24/11/2026');
  });

  it('adds extensions and paused days to the sentence', () => {
    const c = clockOf('T4', '2026-11-23', {
      extensions: [{ at: at9('2026-12-01'), days: 30, reason: 'Phức tạp', decisionRef: null }],
      pauses: [{ from: at9('2026-11-25'), to: at9('2026-11-28'), reason: 'force_majeure', note: null }],
    });
    const s = summary(c, new Date(at9('2026-12-01')));
    expect(s.vi).toContain('30 ngày từ 24/11/2026 (không tính ngày thụ lý 23/11/2026), gia hạn thêm 30 ngày, cộng 3 ngày tạm dừng;');
    expect(s.en).toContain(', extended by 30 days, plus 3 paused days;');
  });

  it('says a paused clock has no due date yet, and why', () => {
    const paused = pauseClock(clockOf('K3', '2026-11-23'), rule('K3'), 'awaiting_citizen_documents', null, new Date(at9('2026-11-25')));
    expect(paused.ok).toBe(true);
    const s = summary((paused as { clock: PetitionClock }).clock, new Date(at9('2026-11-27')));
    expect(s.vi).toContain('đang tạm dừng từ 25/11/2026 (chờ công dân bổ sung tài liệu) nên chưa có hạn cuối');
    expect(s.en).toContain('paused since 25/11/2026 (awaiting documents from the citizen), so there is no due date yet');
  });
});

describe('meetClock', () => {
  const now = new Date(at9('2026-11-25'));

  it('meets a clock whose rule has no workflow event (T3 notices), closing an open pause', () => {
    const c = clockOf('T3', '2026-11-23', { pauses: [{ from: at9('2026-11-24'), to: null, reason: 'force_majeure', note: null }], status: 'paused' });
    const d = meetClock(c, rule('T3'), now);
    expect(d).toMatchObject({ ok: true, clock: { status: 'met', metAt: now.toISOString() } });
    expect((d as { clock: PetitionClock }).clock.pauses[0]!.to).toBe(now.toISOString());
  });

  it('refuses a clock the workflow meets (K3 is met by the decision)', () => {
    expect(meetClock(clockOf('K3', '2026-11-23'), rule('K3'), now)).toEqual({
      ok: false,
      refusal: { code: 'met-by-workflow', metOn: ['PetitionResolved'] },
    });
  });

  it('refuses a clock that is no longer open', () => {
    const met = clockOf('T3', '2026-11-23', { status: 'met', metAt: now.toISOString() });
    expect(meetClock(met, rule('T3'), now)).toEqual({ ok: false, refusal: { code: 'clock-not-open', status: 'met' } });
  });
});

describe('recomputeClock', () => {
  const now = new Date(at9('2026-11-30'));

  it('returns the very same clock when the calendar change does not move it (so a rerun is a no-op)', () => {
    const c = clockOf('K3', '2026-11-23');
    expect(recomputeClock(c, cal, now)).toBe(c);
    expect(recomputeClock(c, calendarWith({ date: '2027-03-10', kind: 'holiday', name: 'Khác' }), now)).toBe(c);
  });

  it('moves a working-day clock past a holiday added inside its span', () => {
    const c = clockOf('T3', '2026-11-23');
    const moved = recomputeClock(c, calendarWith({ date: '2026-11-26', kind: 'holiday', name: 'Ngày nghỉ mới' }), new Date(at9('2026-11-24')));
    expect(moved.dueAt).toBe('2026-12-01T17:00:00.000Z');
    expect(recomputeClock(moved, calendarWith({ date: '2026-11-26', kind: 'holiday', name: 'Ngày nghỉ mới' }), now)).toBe(moved);
  });

  it('rolls a calendar-day clock whose last day becomes a holiday, and lifts a breach the move cures', () => {
    const c = clockOf('K3', '2026-11-23', { status: 'breached', breachedAt: '2026-12-23T17:00:00.000Z' });
    const later = new Date('2026-12-23T20:00:00Z');
    const moved = recomputeClock(c, calendarWith({ date: '2026-12-23', kind: 'holiday', name: 'Nghỉ đột xuất' }), later);
    expect(moved).toMatchObject({ dueAt: '2026-12-24T17:00:00.000Z', status: 'running', breachedAt: null });
  });

  it('leaves met and cancelled clocks alone', () => {
    const met = clockOf('K3', '2026-11-23', { status: 'met', metAt: at9('2026-11-24') });
    expect(recomputeClock(met, calendarWith({ date: '2026-12-23', kind: 'holiday', name: 'x' }), now)).toBe(met);
  });
});

describe('repinClock', () => {
  const now = new Date(at9('2026-11-24'));
  const p1v2: ClockRule = { ...rule('P1'), days: { standard: 15 }, legalBasis: 'QĐ mới của tỉnh' };

  it('pins an open clock to another version’s rule and recomputes its due date', () => {
    const c = clockOf('P1', '2026-11-23');
    // 23/11 + 20 days = Sun 13/12 → end of Mon 14/12; under v2, 23/11 + 15 = Tue 08/12.
    expect(c.dueAt).toBe('2026-12-14T17:00:00.000Z');
    const repinned = repinClock(c, p1v2, 2, { complex: false, remoteArea: false }, cal, now);
    expect(repinned).toMatchObject({ policyVersion: 2, days: 15, legalBasis: 'QĐ mới của tỉnh', dueAt: '2026-12-08T17:00:00.000Z' });
    expect(repinClock(repinned, p1v2, 2, { complex: false, remoteArea: false }, cal, now)).toBe(repinned);
  });

  it('takes the period of the case’s variant', () => {
    const c = clockOf('K3', '2026-11-23');
    const k3v2: ClockRule = { ...rule('K3'), days: { standard: 30, complex: 50 } };
    expect(repinClock(c, k3v2, 2, { complex: true, remoteArea: false }, cal, now)).toMatchObject({ variant: 'complex', days: 50 });
  });
});
