import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { KNOWN_CIVIL_SERVICE_ENTRIES } from '../calendar/civil-service-schedule.js';
import { statutoryHolidays } from '../calendar/statutory-holidays.js';
import { WorkingCalendar } from '../calendar/working-calendar.js';
import type { PetitionCommand } from '../petition/petition-commands.js';
import type { PetitionEvent } from '../petition/petition-events.js';
import type { PetitionKind } from '../petition/petition-kind.js';
import { decide, type PetitionState, receive, replay } from '../petition/petition.js';
import { citizenContact, recordCitizenFeedback, secondComplaintWindow, tokenExpiry } from './satisfaction.js';

const HEAD = { userId: 'head-1', role: 'head' as const };
const T0 = Date.parse('2026-11-23T02:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

/** A petition taken by the head through intake to its resolution (and optionally closed), with its whole log. */
function resolved(kind: PetitionKind, opts: { instance?: 1 | 2; close?: boolean } = {}): { state: PetitionState; log: PetitionEvent[] } {
  const opened = receive(
    { petitionId: 'p-1', kind, channel: 'in_person', receivingUnitId: 'unit-1', trackingCode: 'ABCD-EFGH-JKMN', instance: opts.instance, actor: HEAD },
    at(0),
  );
  let state = opened.state;
  const log = [...opened.events];
  const verify = kind === 'complaint' || kind === 'denunciation';
  const steps: Array<Record<string, unknown> & { action: PetitionCommand['action'] }> = [
    { action: 'accept' },
    { action: 'assign', assigneeId: 'handler-1' },
    ...(verify ? [{ action: 'start-verification' as const }] : []),
    { action: 'resolve', summary: 'Đã xử lý' },
    ...(opts.close ? [{ action: 'close' as const }] : []),
  ];
  steps.forEach((step, i) => {
    const d = decide(state, { ...step, actor: HEAD } as unknown as PetitionCommand, at(i + 1));
    if (!d.ok) throw new Error(`${step.action}: ${JSON.stringify(d.refusal)}`);
    state = d.state;
    log.push(...d.events);
  });
  return { state, log };
}

const NOW = at(100);

describe('citizen satisfaction feedback', () => {
  it('reopens a feedback petition the citizen is not satisfied with, at the same unit, with no staff actor', () => {
    const { state, log } = resolved('feedback');
    const d = recordCitizenFeedback(state, { tokenId: 'tok-1', satisfied: false, comment: '  Đèn vẫn chưa sáng  ' }, NOW);
    if (!d.ok) throw new Error('refused');
    expect(d.outcome).toBe('reopened');
    expect(d.events.map((e) => e.type)).toEqual(['CitizenFeedbackRecorded', 'PetitionReopened']);
    expect(d.events[0]).toMatchObject({ actorId: null, actorRole: null, satisfied: false, comment: 'Đèn vẫn chưa sáng', outcome: 'reopened', tokenId: 'tok-1' });
    expect(d.events[1]).toMatchObject({
      actorId: null,
      actorRole: null,
      requestedBy: 'citizen',
      reason: 'Công dân không hài lòng với kết quả giải quyết (citizen not satisfied)',
      comment: 'Đèn vẫn chưa sáng',
    });
    expect(d.state).toMatchObject({ status: 'reopened', owningUnitId: 'unit-1', assigneeId: 'handler-1', reopenCount: 1, resolvedAt: null });
    expect(d.state.version).toBe(state.version + 2);
    // The trail alone rebuilds the state: the feedback event changes nothing but the version.
    expect(replay([...log, ...d.events])).toEqual(d.state);
  });

  it('reopens a closed recommendation too (reopen is allowed from closed)', () => {
    const { state } = resolved('recommendation', { close: true });
    const d = recordCitizenFeedback(state, { tokenId: 't', satisfied: false }, NOW);
    expect(d.ok && d.outcome).toBe('reopened');
    expect(d.ok && d.state.status).toBe('reopened');
  });

  it('records a satisfied rating without changing the status', () => {
    const { state, log } = resolved('recommendation');
    const d = recordCitizenFeedback(state, { tokenId: 't', satisfied: true, comment: '   ' }, NOW);
    if (!d.ok) throw new Error('refused');
    expect(d.outcome).toBe('recorded');
    expect(d.events).toHaveLength(1);
    expect(d.events[0]).toMatchObject({ type: 'CitizenFeedbackRecorded', satisfied: true, comment: null });
    expect(d.state.status).toBe('answered');
    expect(d.state.version).toBe(state.version + 1);
    expect(replay([...log, ...d.events])).toEqual(d.state);
  });

  it('never reopens a complaint: a first-time one points to the second-time complaint, a second-time one to a lawsuit', () => {
    const first = resolved('complaint');
    const d1 = recordCitizenFeedback(first.state, { tokenId: 't', satisfied: false }, NOW);
    if (!d1.ok) throw new Error('refused');
    expect(d1.outcome).toBe('second_complaint_right');
    expect(d1.events.map((e) => e.type)).toEqual(['CitizenFeedbackRecorded']);
    expect(d1.events[0]!.legalBasis).toBe('Luật Khiếu nại 2011 Điều 33');
    expect(d1.state.status).toBe('decided');

    const second = resolved('complaint', { instance: 2 });
    const d2 = recordCitizenFeedback(second.state, { tokenId: 't', satisfied: false }, NOW);
    expect(d2.ok && d2.outcome).toBe('lawsuit_right');
    expect(d2.ok && d2.state.status).toBe('decided');
  });

  it('records a denunciation rating only and explains re-denunciation', () => {
    const { state } = resolved('denunciation', { close: true });
    const d = recordCitizenFeedback(state, { tokenId: 't', satisfied: false }, NOW);
    if (!d.ok) throw new Error('refused');
    expect(d.outcome).toBe('re_denunciation_right');
    expect(d.state.status).toBe('closed');
    expect(d.events[0]!.legalBasis).toContain('Luật Tố cáo 2018 Điều 37');
  });

  it('refuses feedback on a petition whose resolution no longer stands (reopened, or never resolved)', () => {
    const { state } = resolved('feedback');
    const reopened = recordCitizenFeedback(state, { tokenId: 't', satisfied: false }, NOW);
    if (!reopened.ok) throw new Error('refused');
    expect(recordCitizenFeedback(reopened.state, { tokenId: 't2', satisfied: true }, NOW)).toEqual({
      ok: false,
      refusal: { code: 'feedback-not-open', status: 'reopened' },
    });
    const fresh = receive({ petitionId: 'p', kind: 'feedback', channel: 'mail', receivingUnitId: 'u', trackingCode: 'X', actor: HEAD }, at(0)).state;
    expect(recordCitizenFeedback(fresh, { tokenId: 't', satisfied: true }, NOW).ok).toBe(false);
  });

  it('keeps replay exact and reopens only feedback kinds, whatever the rating', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PetitionKind>('complaint', 'denunciation', 'recommendation', 'feedback'),
        fc.constantFrom<1 | 2>(1, 2),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (kind, instance, close, satisfied, comment) => {
          const { state, log } = resolved(kind, { instance, close });
          const d = recordCitizenFeedback(state, { tokenId: 't', satisfied, comment }, NOW);
          if (!d.ok) throw new Error('refused');
          expect(replay([...log, ...d.events])).toEqual(d.state);
          expect(d.state.version).toBe(log.length + d.events.length);
          const reopenable = kind === 'feedback' || kind === 'recommendation';
          expect(d.state.status).toBe(!satisfied && reopenable ? 'reopened' : state.status);
          expect(d.outcome === 'reopened').toBe(!satisfied && reopenable);
          expect(d.state.owningUnitId).toBe(state.owningUnitId);
        },
      ),
      { seed: 20261124, numRuns: 200 },
    );
  });
});

describe('citizen contact channel', () => {
  it('prefers SMS, then e-mail, then post', () => {
    expect(citizenContact({ phone: ' 0912345678 ', email: 'a@b.vn', address: 'Tổ 5' })).toEqual({ channel: 'sms', address: '0912345678' });
    expect(citizenContact({ phone: '', email: 'a@b.vn', address: 'Tổ 5' })).toEqual({ channel: 'email', address: 'a@b.vn' });
    expect(citizenContact({ address: 'Tổ 5, khu 3' })).toEqual({ channel: 'post', address: 'Tổ 5, khu 3' });
    expect(citizenContact({})).toEqual({ channel: 'post', address: null });
  });
});

describe('token lifetime and the second-time complaint window', () => {
  const cal = new WorkingCalendar([...statutoryHolidays(2026), ...statutoryHolidays(2027), ...KNOWN_CIVIL_SERVICE_ENTRIES]);
  /** 09:00 Vietnam time. */
  const at9 = (date: string) => new Date(`${date}T02:00:00.000Z`);

  it('expires a token at 24:00 Vietnam time of the 30th day after issue (23/11 09:00 → end of 23/12)', () => {
    expect(tokenExpiry(new Date('2026-11-23T02:00:00.000Z'), 30).toISOString()).toBe('2026-12-23T17:00:00.000Z');
    // 23:30 local on 23/11 is still 23/11 in Vietnam (16:30 UTC).
    expect(tokenExpiry(new Date('2026-11-23T16:30:00.000Z'), 30).toISOString()).toBe('2026-12-23T17:00:00.000Z');
  });

  it('gives 30 days from the decision, ending at 24:00 of the last day (23/11 → Wed 23/12/2026)', () => {
    const w = secondComplaintWindow(at9('2026-11-23'), false, cal);
    expect(w).toMatchObject({ days: 30, remote: false, decidedOn: '2026-11-23', lastDay: '2026-12-23' });
    expect(w.until.toISOString()).toBe('2026-12-23T17:00:00.000Z');
  });

  it('gives 45 days in remote areas (23/11 → Thu 07/01/2027)', () => {
    expect(secondComplaintWindow(at9('2026-11-23'), true, cal)).toMatchObject({ days: 45, lastDay: '2027-01-07' });
  });

  it('runs on past days off: 12/11 + 30 is Saturday 12/12, so the window ends Monday 14/12; 15/01 + 30 is Tết, so Monday 23/02', () => {
    expect(secondComplaintWindow(at9('2026-11-12'), false, cal).lastDay).toBe('2026-12-14');
    expect(secondComplaintWindow(at9('2026-01-15'), false, cal).lastDay).toBe('2026-02-23');
  });
});
