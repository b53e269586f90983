import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../petition/petition-commands.js';
import { ROLES } from '../petition/roles.js';
import type { CommitmentAction, CommitmentCommand, CommitmentDecision, CommitmentEvent, CommitmentState, CommitmentStatus } from './commitment.js';
import {
  COMMITMENT_ACTIONS,
  COMMITMENT_STATUSES,
  allowedCommitmentActions,
  carryOverIntoAgenda,
  createCommitment,
  decideCommitment,
  evolveCommitment,
  replayCommitment,
} from './commitment.js';

/* Hand-written expectations from DOMAIN.md §5.2 (commitment states); never derived from COMMITMENT_TRANSITIONS. */

/** 09:00 local on 23/11/2026; the commitment in the fixture is due 20/11, so it is late. */
const NOW = new Date('2026-11-23T02:00:00.000Z');
const head: Actor = { userId: 'u-head', role: 'head' };
const handler: Actor = { userId: 'u-handler', role: 'handler' };
const POLICY = { defaultDueDays: 30 };

const EXPECTED_ALLOWED: Record<CommitmentStatus, readonly CommitmentAction[]> = {
  open: ['start', 'add-evidence', 'mark-overdue', 'transfer', 'drop'],
  in_progress: ['add-evidence', 'complete', 'mark-overdue', 'transfer', 'drop'],
  // Overdue is not an end: it can still be done, transferred or dropped.
  overdue: ['add-evidence', 'complete', 'transfer', 'drop'],
  done: [],
  transferred: [],
  dropped: [],
};
const EXPECTED_TARGET: Record<CommitmentAction, CommitmentStatus | null> = {
  start: 'in_progress',
  'add-evidence': null,
  complete: 'done',
  'mark-overdue': 'overdue',
  transfer: 'transferred',
  drop: 'dropped',
};
const EXPECTED_EVENT: Record<CommitmentAction, CommitmentEvent['type']> = {
  start: 'CommitmentStarted',
  'add-evidence': 'CommitmentEvidenceAdded',
  complete: 'CommitmentDone',
  'mark-overdue': 'CommitmentOverdue',
  transfer: 'CommitmentTransferred',
  drop: 'CommitmentDropped',
};

function stateIn(status: CommitmentStatus, overrides: Partial<CommitmentState> = {}): CommitmentState {
  return {
    id: 'c-1',
    dialogueId: 'd-1',
    questionId: 'q1',
    title: 'Sửa đường thôn 3',
    ownerUnitId: 'unit-infra',
    ownerPerson: 'Ông D',
    dueDate: '2026-11-20',
    status,
    evidence: [],
    transferredToPetitionId: null,
    dropReason: null,
    completion: null,
    version: 3,
    createdAt: '2026-10-21T02:00:00.000Z',
    updatedAt: '2026-10-22T02:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

function validCommand(action: CommitmentAction, actor: Actor = head): CommitmentCommand {
  switch (action) {
    case 'start':
      return { action, actor };
    case 'add-evidence':
      return { action, actor, evidence: { note: 'Ảnh hiện trường', reference: 'file-1' } };
    case 'complete':
      return { action, actor, evidence: { note: 'Biên bản nghiệm thu' } };
    case 'mark-overdue':
      return { action, actor: null };
    case 'transfer':
      return { action, actor, petitionId: 'p-7' };
    case 'drop':
      return { action, actor, reason: 'Dự án bị hủy' };
  }
}

function expectOk(d: CommitmentDecision): Extract<CommitmentDecision, { ok: true }> {
  if (!d.ok) throw new Error(`expected success, got ${JSON.stringify(d.refusal)}`);
  return d;
}
function expectRefused(d: CommitmentDecision): Extract<CommitmentDecision, { ok: false }>['refusal'] {
  if (d.ok) throw new Error(`expected refusal, got ${d.state.status}`);
  return d.refusal;
}

describe('commitment state table: every status × action', () => {
  const cells = COMMITMENT_STATUSES.flatMap((s) => COMMITMENT_ACTIONS.map((a) => [s, a] as const));
  it.each(cells)('%s × %s', (status, action) => {
    const state = stateIn(status);
    const d = decideCommitment(state, validCommand(action), NOW);
    if (EXPECTED_ALLOWED[status].includes(action)) {
      const { state: next, events } = expectOk(d);
      expect(next.status).toBe(EXPECTED_TARGET[action] ?? status);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: EXPECTED_EVENT[action], commitmentId: 'c-1', at: NOW.toISOString() });
      expect(events[0]!.actorId).toBe(action === 'mark-overdue' ? null : 'u-head');
      expect(events[0]!.legalBasis).toEqual(expect.any(String));
      expect(next.version).toBe(4);
      expect(next).toEqual(evolveCommitment(state, events[0]!));
      expect(next.closedAt !== null).toBe(['done', 'transferred', 'dropped'].includes(next.status));
    } else {
      const refusal = expectRefused(d);
      expect(refusal).toMatchObject({ code: 'transition-not-allowed', action, status });
      if (refusal.code !== 'transition-not-allowed') throw new Error('unreachable');
      expect([...refusal.allowedActions].sort()).toEqual([...EXPECTED_ALLOWED[status]].sort());
    }
  });

  it.each(COMMITMENT_STATUSES.map((s) => [s]))('allowedCommitmentActions(%s) matches the table', (status) => {
    expect([...allowedCommitmentActions({ status })].sort()).toEqual([...EXPECTED_ALLOWED[status]].sort());
  });
});

describe('commitment roles and the system command', () => {
  it('lets head and handler start and add evidence; only head completes, transfers, drops', () => {
    for (const role of ROLES) {
      const actor = { userId: 'x', role };
      expect(decideCommitment(stateIn('open'), validCommand('start', actor), NOW).ok).toBe(role === 'head' || role === 'handler');
      expect(decideCommitment(stateIn('open'), validCommand('add-evidence', actor), NOW).ok).toBe(role === 'head' || role === 'handler');
      for (const action of ['complete', 'transfer', 'drop'] as const) {
        expect(decideCommitment(stateIn('in_progress'), validCommand(action, actor), NOW).ok).toBe(role === 'head');
      }
    }
  });

  it('lets only the system mark a commitment overdue', () => {
    const byPerson = { action: 'mark-overdue', actor: head } as unknown as CommitmentCommand;
    expect(expectRefused(decideCommitment(stateIn('open'), byPerson, NOW))).toEqual({ code: 'role-not-allowed', action: 'mark-overdue', role: 'head' });
    const byNobody = { action: 'start', actor: null } as unknown as CommitmentCommand;
    expect(expectRefused(decideCommitment(stateIn('open'), byNobody, NOW))).toEqual({ code: 'role-not-allowed', action: 'start', role: null });
  });

  it('marks overdue only once the due day is over (local time)', () => {
    const due = stateIn('in_progress', { dueDate: '2026-11-23' });
    // 23:59 local on the due day: still on time.
    expect(expectRefused(decideCommitment(due, validCommand('mark-overdue'), new Date('2026-11-23T16:59:00.000Z')))).toMatchObject({
      messageKey: 'commitment.not_yet_due',
    });
    // 00:00 local the next day.
    const d = expectOk(decideCommitment(due, validCommand('mark-overdue'), new Date('2026-11-23T17:00:00.000Z')));
    expect(d.events[0]).toMatchObject({ type: 'CommitmentOverdue', actorId: null, actorRole: null, dueDate: '2026-11-23' });
  });
});

describe('commitment bodies', () => {
  it('needs evidence to be done: given now or recorded before', () => {
    const noEvidence = { action: 'complete', actor: head } as CommitmentCommand;
    expect(expectRefused(decideCommitment(stateIn('in_progress'), noEvidence, NOW))).toMatchObject({ messageKey: 'commitment.evidence_required' });
    const withOld = stateIn('in_progress', { evidence: [{ at: '2026-11-01T00:00:00.000Z', actorId: 'u', note: 'Ảnh', reference: null }] });
    const d = expectOk(decideCommitment(withOld, noEvidence, NOW));
    expect(d.state.evidence).toHaveLength(1);
    expect(expectOk(decideCommitment(stateIn('overdue'), validCommand('complete'), NOW)).state.evidence).toEqual([
      { at: NOW.toISOString(), actorId: 'u-head', note: 'Biên bản nghiệm thu', reference: null },
    ]);
    expect(expectRefused(decideCommitment(stateIn('in_progress'), { action: 'complete', actor: head, evidence: { note: ' ' } }, NOW))).toMatchObject({
      field: 'evidence.note',
    });
  });

  it('records on the commitment how late it was done, in calendar days past the due date', () => {
    // Due Fri 20/11, done Mon 23/11: three calendar days late (the commitment clock counts calendar days).
    const late = expectOk(decideCommitment(stateIn('overdue'), validCommand('complete'), NOW));
    expect(late.events[0]).toMatchObject({ late: true, daysOverdue: 3 });
    expect(late.state.completion).toEqual({ late: true, daysOverdue: 3, unit: 'calendar_days' });
    const onTime = expectOk(decideCommitment(stateIn('in_progress', { dueDate: '2026-11-23' }), validCommand('complete'), NOW));
    expect(onTime.state.completion).toEqual({ late: false, daysOverdue: 0, unit: 'calendar_days' });
  });

  it('records whether it was done late', () => {
    expect(expectOk(decideCommitment(stateIn('in_progress', { dueDate: '2026-11-23' }), validCommand('complete'), NOW)).events[0]).toMatchObject({ late: false });
    expect(expectOk(decideCommitment(stateIn('in_progress', { dueDate: '2026-11-22' }), validCommand('complete'), NOW)).events[0]).toMatchObject({ late: true });
  });

  it('keeps the evidence list in order', () => {
    let s = stateIn('open');
    for (const note of ['một', 'hai']) s = expectOk(decideCommitment(s, { action: 'add-evidence', actor: handler, evidence: { note } }, NOW)).state;
    expect(s.evidence.map((e) => e.note)).toEqual(['một', 'hai']);
    expect(expectRefused(decideCommitment(s, { action: 'add-evidence', actor: handler, evidence: { note: '' } }, NOW))).toMatchObject({ field: 'evidence.note' });
  });

  it('needs a petition to transfer to and a reason to drop', () => {
    expect(expectRefused(decideCommitment(stateIn('open'), { action: 'transfer', actor: head, petitionId: ' ' }, NOW))).toMatchObject({ field: 'petitionId' });
    expect(expectRefused(decideCommitment(stateIn('open'), { action: 'drop', actor: head, reason: '' }, NOW))).toMatchObject({ field: 'reason' });
    expect(expectOk(decideCommitment(stateIn('overdue'), validCommand('transfer'), NOW)).state).toMatchObject({ status: 'transferred', transferredToPetitionId: 'p-7' });
    expect(expectOk(decideCommitment(stateIn('overdue'), validCommand('drop'), NOW)).state).toMatchObject({ status: 'dropped', dropReason: 'Dự án bị hủy' });
  });
});

describe('createCommitment', () => {
  const input = { commitmentId: 'c-9', dialogueId: 'd-1', questionId: 'q2', title: ' Lắp đèn ', ownerUnitId: 'unit-infra', actor: null };

  it('defaults the due date to creation day + the policy days (local dates)', () => {
    // 23:30 local on 23/11 (16:30 UTC): day 23/11 + 30 = 23/12.
    const d = expectOk(createCommitment(input, POLICY, new Date('2026-11-23T16:30:00.000Z')));
    expect(d.state).toMatchObject({ id: 'c-9', status: 'open', dueDate: '2026-12-23', title: 'Lắp đèn', ownerPerson: null, version: 1, evidence: [] });
    expect(d.events[0]).toMatchObject({ type: 'CommitmentCreated', defaultDueDate: true, actorId: null });
    // 00:30 local on 24/11 (17:30 UTC on 23/11) → 24/12.
    expect(expectOk(createCommitment(input, POLICY, new Date('2026-11-23T17:30:00.000Z'))).state.dueDate).toBe('2026-12-24');
    expect(expectOk(createCommitment(input, { defaultDueDays: 14 }, NOW)).state.dueDate).toBe('2026-12-07');
  });

  it('takes a given due date (today at the earliest)', () => {
    expect(expectOk(createCommitment({ ...input, dueDate: '2026-11-23' }, POLICY, NOW)).events[0]).toMatchObject({ dueDate: '2026-11-23', defaultDueDate: false });
    expect(expectRefused(createCommitment({ ...input, dueDate: '2026-11-22' }, POLICY, NOW))).toMatchObject({ messageKey: 'commitment.due_in_past' });
    expect(expectRefused(createCommitment({ ...input, dueDate: '23/12/2026' }, POLICY, NOW))).toMatchObject({ messageKey: 'validation.isLocalDate' });
  });

  it('refuses blank required fields and non-head creators', () => {
    for (const field of ['commitmentId', 'dialogueId', 'title', 'ownerUnitId'] as const) {
      expect(expectRefused(createCommitment({ ...input, [field]: ' ' }, POLICY, NOW))).toMatchObject({ code: 'invalid-command', field });
    }
    expect(expectRefused(createCommitment({ ...input, actor: { userId: 'd', role: 'desk' } }, POLICY, NOW)).code).toBe('role-not-allowed');
    expect(createCommitment({ ...input, actor: head }, POLICY, NOW).ok).toBe(true);
  });

  it('replays a commitment from creation to done', () => {
    const created = expectOk(createCommitment(input, POLICY, NOW));
    const log = [...created.events];
    let s = created.state;
    for (const [command, at] of [
      [validCommand('start', handler), '2026-11-24T02:00:00.000Z'],
      [validCommand('mark-overdue'), '2026-12-24T02:00:00.000Z'],
      [validCommand('add-evidence', handler), '2026-12-25T02:00:00.000Z'],
      [{ action: 'complete', actor: head }, '2026-12-26T02:00:00.000Z'],
    ] as Array<[CommitmentCommand, string]>) {
      const d = expectOk(decideCommitment(s, command, new Date(at)));
      s = d.state;
      log.push(...d.events);
    }
    expect(s).toMatchObject({ status: 'done', version: 5, closedAt: '2026-12-26T02:00:00.000Z' });
    expect(replayCommitment(log)).toEqual(s);
    expect(() => replayCommitment([])).toThrow();
    expect(() => evolveCommitment(s, log[0]!)).toThrow();
  });
});

describe('carryOverIntoAgenda', () => {
  it('carries overdue commitments and lapsed open ones, oldest first, and nothing else', () => {
    const cs = [
      stateIn('overdue', { id: 'c-b', dueDate: '2026-10-01' }),
      stateIn('open', { id: 'c-a', dueDate: '2026-11-22' }),
      // Due today: not yet late.
      stateIn('in_progress', { id: 'c-today', dueDate: '2026-11-23' }),
      stateIn('in_progress', { id: 'c-c', dueDate: '2026-10-01' }),
      stateIn('done', { id: 'c-done', dueDate: '2026-09-01' }),
      stateIn('transferred', { id: 'c-tr', dueDate: '2026-09-01' }),
      stateIn('dropped', { id: 'c-dr', dueDate: '2026-09-01' }),
      // The overdue status alone is enough to carry it (the clock already said so).
      stateIn('overdue', { id: 'c-d', dueDate: '2026-11-23' }),
    ];
    expect(carryOverIntoAgenda(cs, NOW)).toEqual([
      { commitmentId: 'c-b', dialogueId: 'd-1', title: 'Sửa đường thôn 3', ownerUnitId: 'unit-infra', ownerPerson: 'Ông D', dueDate: '2026-10-01', daysOverdue: 53 },
      { commitmentId: 'c-c', dialogueId: 'd-1', title: 'Sửa đường thôn 3', ownerUnitId: 'unit-infra', ownerPerson: 'Ông D', dueDate: '2026-10-01', daysOverdue: 53 },
      { commitmentId: 'c-a', dialogueId: 'd-1', title: 'Sửa đường thôn 3', ownerUnitId: 'unit-infra', ownerPerson: 'Ông D', dueDate: '2026-11-22', daysOverdue: 1 },
      { commitmentId: 'c-d', dialogueId: 'd-1', title: 'Sửa đường thôn 3', ownerUnitId: 'unit-infra', ownerPerson: 'Ông D', dueDate: '2026-11-23', daysOverdue: 0 },
    ]);
  });

  it('uses the local date: at 00:30 local on 24/11 a commitment due 23/11 is carried', () => {
    const c = stateIn('open', { dueDate: '2026-11-23' });
    expect(carryOverIntoAgenda([c], new Date('2026-11-23T16:59:00.000Z'))).toEqual([]);
    expect(carryOverIntoAgenda([c], new Date('2026-11-23T17:30:00.000Z'))).toHaveLength(1);
    expect(carryOverIntoAgenda([], NOW)).toEqual([]);
  });
});
