import { describe, expect, it } from '@jest/globals';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '../calendar/civil-service-schedule.js';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import { DEFAULT_COMPLAINT_PERIODS, DEFAULT_DEADLINE_POLICY } from '../deadlines/deadline-policy.js';
import { MESSAGES } from '../shared/messages.js';
import { filingLimitCheck, legalEffectOf, secondComplaintWindowOf } from './complaint-path.js';
import { decide, receive } from './petition.js';

const cal = new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027), ...KNOWN_CIVIL_SERVICE_ENTRIES]);
/** 09:00 Vietnam time. */
const at9 = (date: string) => new Date(`${date}T02:00:00.000Z`);
const P = DEFAULT_COMPLAINT_PERIODS;

describe('K6: the second-time complaint window (LKN Art 33)', () => {
  const decided = at9('2026-11-23');
  it('runs 30 days from the decision (23/11 → end of Wed 23/12/2026), 45 in remote areas', () => {
    const w = secondComplaintWindowOf(P, { decidedAt: decided, sentAt: null, remote: false, obstacles: [] }, cal, at9('2026-12-23'));
    expect(w).toMatchObject({ ruleId: 'K6', days: 30, lastDay: '2026-12-23', open: true, obstacleDays: 0 });
    expect(secondComplaintWindowOf(P, { decidedAt: decided, sentAt: null, remote: false, obstacles: [] }, cal, at9('2026-12-24')).open).toBe(false);
    expect(secondComplaintWindowOf(P, { decidedAt: decided, sentAt: null, remote: true, obstacles: [] }, cal, at9('2026-12-24'))).toMatchObject({ days: 45, open: true });
  });

  it('runs from the sending of the decision when that was recorded later (receipt, never earlier)', () => {
    const w = secondComplaintWindowOf(P, { decidedAt: decided, sentAt: at9('2026-11-26'), remote: false, obstacles: [] }, cal, at9('2026-12-24'));
    expect(w).toMatchObject({ fromDay: '2026-11-26', lastDay: '2026-12-28', open: true }); // 26/12 is a Saturday: rolls to Mon 28/12
  });

  it('does not count recorded obstacles inside the window, and an obstacle after it closed revives nothing', () => {
    const ill = { fromDay: '2026-12-01', toDay: '2026-12-05', reason: 'illness' as const };
    const w = secondComplaintWindowOf(P, { decidedAt: decided, sentAt: null, remote: false, obstacles: [ill] }, cal, at9('2026-12-24'));
    expect(w).toMatchObject({ obstacleDays: 5, lastDay: '2026-12-28', open: true });
    const late = { fromDay: '2027-01-05', toDay: '2027-01-20', reason: 'illness' as const };
    expect(secondComplaintWindowOf(P, { decidedAt: decided, sentAt: null, remote: false, obstacles: [late] }, cal, at9('2027-01-06'))).toMatchObject({ obstacleDays: 0, open: false });
    // Overlapping periods count each day once; days before the decision do not count.
    const before = { fromDay: '2026-11-20', toDay: '2026-11-25', reason: 'natural_disaster' as const };
    const overlap = { fromDay: '2026-11-24', toDay: '2026-11-26', reason: 'illness' as const };
    expect(secondComplaintWindowOf(P, { decidedAt: decided, sentAt: null, remote: false, obstacles: [before, overlap] }, cal, decided).obstacleDays).toBe(3);
  });

  it('is policy data in the seeded version, with its mark', () => {
    expect(DEFAULT_DEADLINE_POLICY.complaintPeriods?.secondComplaint).toMatchObject({ days: { standard: 30, remote: 45 }, verification: 'verified' });
  });
});

describe('K10/K11: legal effect of a decision (LKN Art 44)', () => {
  const input = { instance: 1 as const, decidedAt: at9('2026-11-23'), remote: false, secondInstanceRequestedAt: null };
  it('a first decision is effective from the day after 30 days from issuance, unless challenged in time', () => {
    expect(legalEffectOf(P, input, cal, at9('2026-12-23'))).toMatchObject({ status: 'pending', effectiveOn: '2026-12-24', ruleId: 'K10' });
    expect(legalEffectOf(P, input, cal, new Date('2026-12-23T17:00:00.000Z'))).toMatchObject({ status: 'effective', effectiveOn: '2026-12-24' });
    expect(legalEffectOf(P, { ...input, secondInstanceRequestedAt: at9('2026-12-10') }, cal, at9('2027-02-01')).status).toBe('challenged');
    expect(legalEffectOf(P, { ...input, remote: true }, cal, at9('2026-12-24'))).toMatchObject({ status: 'pending', effectiveOn: '2027-01-08' });
  });

  it('does not roll the effect date past days off (it is not an act anyone performs)', () => {
    // 27/11 + 30 days = Sun 27/12: effective from Mon 28/12 all the same.
    expect(legalEffectOf(P, { ...input, decidedAt: at9('2026-11-27') }, cal, at9('2026-11-28')).effectiveOn).toBe('2026-12-28');
  });

  it('a second decision takes effect 30 days after issuance whatever follows (K11)', () => {
    const e = legalEffectOf(P, { ...input, instance: 2, secondInstanceRequestedAt: at9('2026-11-24') }, cal, at9('2026-12-24'));
    expect(e).toMatchObject({ status: 'effective', ruleId: 'K11', basis: 'Luật Khiếu nại 2011 Điều 44 khoản 2' });
  });
});

describe('K1: the 90-day filing limit (LKN Art 9)', () => {
  it('counts calendar days from knowing of the decision to receipt, and flags more than 90', () => {
    expect(filingLimitCheck(P, '2026-08-25', '2026-11-23')).toMatchObject({ elapsedDays: 90, exceeded: false, limitDays: 90 });
    expect(filingLimitCheck(P, '2026-08-24', '2026-11-23')).toMatchObject({ elapsedDays: 91, exceeded: true, ruleId: 'K1' });
  });
});

describe("the citizen's lawsuit time limit (Luật Tố tụng hành chính 2015 Art 116)", () => {
  const lawsuitTexts = Object.entries(MESSAGES).filter(([, m]) => m.vi.includes('khởi kiện'));
  it('is stated as one year with its source wherever a lawsuit is mentioned to the citizen', () => {
    expect(lawsuitTexts.length).toBeGreaterThanOrEqual(5);
    for (const [key, m] of lawsuitTexts) {
      if (key.startsWith('petition.') || key.startsWith('board.')) continue; // staff-facing texts name K10/K11 only
      expect([key, m.vi]).toEqual([key, expect.stringContaining('01 năm')]);
      expect([key, m.vi]).toEqual([key, expect.stringContaining('Luật Tố tụng hành chính 2015 Điều 116')]);
      expect([key, m.en]).toEqual([key, expect.stringContaining('one year')]);
      // The second-complaint window's days are never given as the lawsuit's limit.
      expect(m.vi).not.toMatch(/khởi kiện[^.]*trong \{days\} ngày/);
    }
  });
});

describe('K1: the head decides on a late complaint, and it is recorded', () => {
  const head = { userId: 'u-head', role: 'head' as const };
  const opened = (kind: 'complaint' | 'feedback') =>
    receive(
      {
        petitionId: 'p-1', kind, channel: 'in_person', receivingUnitId: 'u', trackingCode: 'AAAA-BBBB-CCCC', actor: null,
        decisionKnownOn: '2026-08-20', filingLimit: { ruleId: 'K1', limitDays: 90, elapsedDays: 95, exceeded: true },
      },
      at9('2026-11-23'),
    );
  it('records the intake check on the PetitionReceived event', () => {
    expect(opened('complaint').events[0]).toMatchObject({ decisionKnownOn: '2026-08-20', filingLimit: { exceeded: true } });
  });
  it('accepting anyway needs the reason and is marked on the event', () => {
    const { state } = opened('complaint');
    const bare = decide(state, { action: 'accept', actor: head, filingLimitExceeded: true }, at9('2026-11-24'));
    expect(bare.ok || bare.refusal).toEqual({ code: 'invalid-command', action: 'accept', field: 'note', messageKey: 'petition.filing_limit_note_required' });
    const ok = decide(state, { action: 'accept', actor: head, note: 'Nằm viện', filingLimitExceeded: true }, at9('2026-11-24'));
    expect(ok.ok && ok.events[0]).toMatchObject({ type: 'PetitionAccepted', despiteFilingLimit: true, note: 'Nằm viện' });
  });
  it('refusing on the ground "time limit expired" records the ground and LKN Art 11', () => {
    const d = decide(opened('complaint').state, { action: 'reject', actor: head, reason: 'Hết thời hiệu', ground: 'filing_time_limit_expired' }, at9('2026-11-24'));
    expect(d.ok && d.events[0]).toMatchObject({ ground: 'filing_time_limit_expired', legalBasis: 'Luật Khiếu nại 2011 Điều 11 (hết thời hiệu khiếu nại, Điều 9)' });
    const fb = decide(opened('feedback').state, { action: 'reject', actor: head, reason: 'x', ground: 'filing_time_limit_expired' }, at9('2026-11-24'));
    expect(fb.ok).toBe(false);
  });
});
