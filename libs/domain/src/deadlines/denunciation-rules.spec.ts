import { describe, expect, it } from '@jest/globals';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import type { PetitionEvent } from '../petition/petition-events.js';
import { meetClock } from './clock-acts.js';
import { type ClockRule, DEFAULT_DEADLINE_POLICY, extensionsAllowed, rulesFor } from './deadline-policy.js';
import { complexityOf, extendClock, openClocksFor, type PetitionClock, planLadder, reactToEvent } from './petition-clock.js';

const cal = new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027)]);
const rule = (id: string): ClockRule => {
  const r = DEFAULT_DEADLINE_POLICY.rules.find((x) => x.ruleId === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};
/** Monday 23/11/2026, 09:00 in Hà Nội. */
const MON = '2026-11-23T02:00:00.000Z';
const PID = '00000000-0000-4000-8000-000000000002';
const ev = (type: PetitionEvent['type'], at = MON) => ({ type, petitionId: PID, at, actorId: null, actorRole: null, legalBasis: null }) as PetitionEvent;
const flags = { complex: false, remoteArea: false };
let n = 0;
const open = (ruleId: string, event: PetitionEvent['type']): PetitionClock => {
  const [c] = openClocksFor(ev(event), [rule(ruleId)], { policyVersion: 1, flags, calendar: cal, now: new Date(MON), newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
  return c!;
};
const ids = (p: Parameters<typeof rulesFor>[1]) => rulesFor(DEFAULT_DEADLINE_POLICY, p).map((r) => r.ruleId);

describe('T2: a denunciation outside competence is transferred within 5 working days (LTC 2018 Art 24(2))', () => {
  it('starts on receipt beside T1, counted in working days: received Mon 23/11 → due at the end of Mon 30/11', () => {
    expect(ids({ kind: 'denunciation', instance: 1, addressedToPartyHead: false })).toEqual(expect.arrayContaining(['R7', 'T1', 'T2']));
    const t2 = open('T2', 'PetitionReceived');
    expect(t2).toMatchObject({ kind: 'processing', unit: 'working_days', days: 5, dueAt: '2026-11-30T17:00:00.000Z', status: 'running' });
    expect(rule('T2').verification).toBe('partial');
    expect(ids({ kind: 'complaint', instance: 1, addressedToPartyHead: false })).not.toContain('T2');
  });

  it('is met by the transfer and cancelled by any decision that keeps the case (acceptance, refusal, filing) or a withdrawal', () => {
    const t2 = open('T2', 'PetitionReceived');
    expect(reactToEvent(t2, rule('T2'), ev('PetitionTransferred'))).toMatchObject({ status: 'met', metAt: MON });
    for (const kept of ['PetitionAccepted', 'PetitionRejected', 'PetitionFiled', 'PetitionWithdrawn'] as const) {
      expect(reactToEvent(t2, rule('T2'), ev(kept))).toMatchObject({ status: 'cancelled', cancelledAt: MON });
    }
    // T1 is met by the transfer as well: one act settles both.
    expect(reactToEvent(open('T1', 'PetitionReceived'), rule('T1'), ev('PetitionTransferred')).status).toBe('met');
  });
});

describe('T4: extensions by the recorded complexity (LTC Art 30)', () => {
  const now = new Date('2026-12-01T02:00:00.000Z');
  const extend = (c: PetitionClock, level: ReturnType<typeof complexityOf>) => extendClock(c, rule('T4'), 'Phức tạp', null, cal, now, level);

  it('refuses any extension of an ordinary case, naming how many its complexity allows', () => {
    expect(extend(open('T4', 'PetitionAccepted'), 'standard')).toEqual({
      ok: false,
      refusal: { code: 'extension-complexity', complexity: 'standard', allowed: 0, maxCount: 2 },
    });
  });

  it('extends a complex case once and refuses the second', () => {
    const once = extend(open('T4', 'PetitionAccepted'), 'complex');
    expect(once.ok).toBe(true);
    const c = (once as { clock: PetitionClock }).clock;
    // 23/11 + 60 days = Friday 22/01/2027.
    expect(c.dueAt).toBe('2027-01-22T17:00:00.000Z');
    expect(extend(c, 'complex')).toEqual({ ok: false, refusal: { code: 'extension-complexity', complexity: 'complex', allowed: 1, maxCount: 2 } });
  });

  it('extends a particularly complex case twice (at most 90 days) and then reports the limit', () => {
    let c = open('T4', 'PetitionAccepted');
    for (let i = 0; i < 2; i++) {
      const d = extend(c, 'particularly_complex');
      expect(d.ok).toBe(true);
      c = (d as { clock: PetitionClock }).clock;
    }
    // 23/11 + 90 days = Sunday 21/02/2027 → the end of Monday 22/02/2027.
    expect(c.dueAt).toBe('2027-02-22T17:00:00.000Z');
    expect(extend(c, 'particularly_complex')).toEqual({ ok: false, refusal: { code: 'extension-limit-reached', maxCount: 2 } });
  });

  it('keeps the counts as policy data; a rule without counts by complexity allows maxCount to every case', () => {
    expect(rule('T4').extension).toEqual({ maxCount: 2, days: 30, maxCountByComplexity: { standard: 0, complex: 1, particularly_complex: 2 } });
    expect(extensionsAllowed({ maxCount: 2, days: 30 }, 'standard')).toBe(2);
    expect(extensionsAllowed({ maxCount: 1, days: 30, maxCountByComplexity: { particularly_complex: 2 } }, 'particularly_complex')).toBe(1);
    expect(complexityOf({ complex: true, particularlyComplex: true })).toBe('particularly_complex');
    expect(complexityOf({ complex: true })).toBe('complex');
    expect(complexityOf({ complex: false })).toBe('standard');
  });
});

describe('T7: re-denunciation (LTC 2018 Art 38)', () => {
  it('replaces the copied instance-2 clocks with the superior’s review and re-resolution, both unverified', () => {
    const second = ids({ kind: 'denunciation', instance: 2, addressedToPartyHead: false });
    expect(second).toEqual(['T7', 'T7-R']);
    expect(DEFAULT_DEADLINE_POLICY.rules.some((r) => r.ruleId === 'T1-2' || r.ruleId === 'T4-2')).toBe(false);
    expect(rule('T7')).toMatchObject({ clockKind: 'acceptance', unit: 'working_days', days: { standard: 7 }, verification: 'unverified' });
    expect(rule('T7').legalBasis).toContain('Điều 38');
    expect(rule('T7-R')).toMatchObject({ clockKind: 'resolution', verification: 'unverified', extension: rule('T4').extension });
  });
});

describe('anonymous denunciations (LTC Art 25(2))', () => {
  it('get no denouncer notice (T3) and no Art 30 resolution clock (T4); intake and processing clocks stay', () => {
    const named = ids({ kind: 'denunciation', instance: 1, addressedToPartyHead: false });
    const anonymous = ids({ kind: 'denunciation', instance: 1, addressedToPartyHead: false, anonymous: true });
    expect(named).toEqual(expect.arrayContaining(['T3', 'T4']));
    expect(anonymous).not.toContain('T3');
    expect(anonymous).not.toContain('T4');
    expect(anonymous).toEqual(expect.arrayContaining(['R7', 'T1', 'T2']));
  });
});

describe('R5: the Party head’s written notice of receipt or transfer (QĐ 11-QĐi/TW)', () => {
  it('may be met by the notice, and still by the workflow (resolution, transfer, guidance)', () => {
    expect(ids({ kind: 'feedback', instance: 1, addressedToPartyHead: true })).toContain('R5');
    const r5 = open('R5', 'PetitionReceived');
    expect(r5).toMatchObject({ kind: 'party_reply', unit: 'working_days', days: 10 });
    const now = new Date('2026-11-30T02:00:00.000Z');
    expect(meetClock(r5, rule('R5'), now)).toMatchObject({ ok: true, clock: { status: 'met', metAt: now.toISOString() } });
    expect(reactToEvent(r5, rule('R5'), ev('PetitionTransferred')).status).toBe('met');
    // A clock only the workflow meets is still refused.
    expect(meetClock(open('T4', 'PetitionAccepted'), rule('T4'), now)).toMatchObject({ ok: false, refusal: { code: 'met-by-workflow' } });
  });
});

describe('T2 alerts without escalating (a duty only if the letter is outside competence)', () => {
  const ladder = (ruleId: string, earlyEscalation: boolean) =>
    planLadder(open(ruleId, 'PetitionReceived'), DEFAULT_DEADLINE_POLICY, [], {
      calendar: cal,
      now: new Date(MON),
      earlyEscalation,
      escalates: rule(ruleId).escalates,
    });

  it('plans every rung of T2 with no escalation, even for a group case that escalates early', () => {
    expect(rule('T2').escalates).toBe(false);
    for (const early of [false, true]) {
      const plans = ladder('T2', early);
      expect(plans.map((p) => p.key)).toEqual(['50', '80', '100', 'overdue-1']);
      expect(plans.filter((p) => p.escalate)).toEqual([]);
    }
  });

  it('leaves the escalation of the clocks that always apply as it was (T1 breach, early at 80 % for a group)', () => {
    expect(ladder('T1', false).filter((p) => p.escalate).map((p) => p.key)).toEqual(['100', 'overdue-1']);
    expect(ladder('T1', true).filter((p) => p.escalate).map((p) => p.key)).toEqual(['80', '100', 'overdue-1']);
  });
});
