import { describe, expect, it } from '@jest/globals';
import { legalBasisFor } from './legal-basis.js';
import type { Actor, PetitionAction, PetitionCommand } from './petition-commands.js';
import { PETITION_ACTIONS } from './petition-commands.js';
import type { PetitionEvent, PetitionEventType } from './petition-events.js';
import type { PetitionKind } from './petition-kind.js';
import { PETITION_KINDS } from './petition-kind.js';
import type { PetitionStatus } from './petition-status.js';
import { PETITION_STATUSES } from './petition-status.js';
import type { Decision, PetitionState } from './petition.js';
import { allowedActions, availableActions, decide, evolve, receive, replay } from './petition.js';
import type { Role } from './roles.js';
import { ROLES } from './roles.js';

/*
 * Expectations below are written by hand from DOMAIN.md §3 as the code is meant to encode it. They must
 * never be computed from TRANSITIONS / allowedActions, otherwise the table test could not fail.
 */

const NOW = new Date('2026-11-23T02:00:00.000Z');
const LATER = new Date('2026-11-24T03:30:00.000Z');

const OWN_UNIT = 'unit-own';
const RECEIVING_UNIT = 'unit-recv';
const OTHER_UNIT = 'unit-other';
const HANDLER_ID = 'u-handler';

const head: Actor = { userId: 'u-head', role: 'head' };
const desk: Actor = { userId: 'u-desk', role: 'desk' };
const assignedHandler: Actor = { userId: HANDLER_ID, role: 'handler' };
const otherHandler: Actor = { userId: 'u-handler-2', role: 'handler' };

/** Hand-written: which actions each status allows, per kind. Unlisted statuses allow nothing. */
const EXPECTED_ALLOWED: Record<PetitionKind, Partial<Record<PetitionStatus, readonly PetitionAction[]>>> = {
  complaint: {
    // No transfer: a complaint outside competence gets guidance instead.
    received: ['accept', 'reject', 'guide', 'file', 'withdraw'],
    // A second-time complaint is possible once a decision exists, or (checked separately) once the deadline lapsed.
    accepted: ['assign', 'withdraw', 'request-second-instance'],
    // No resolve from assigned: complaints must be verified first.
    assigned: ['assign', 'start-verification', 'withdraw', 'request-second-instance'],
    verifying: ['assign', 'report-verification', 'resolve', 'withdraw', 'request-second-instance'],
    decided: ['close', 'request-second-instance'],
    concluded: ['close'],
    answered: ['close'],
    closed: ['request-second-instance'],
    // Unreachable for complaints, but the table is status-driven; no reopen for statutory kinds.
    reopened: ['assign', 'withdraw'],
  },
  denunciation: {
    // No guide: a denunciation outside competence is transferred.
    received: ['accept', 'reject', 'transfer', 'file', 'withdraw'],
    // Re-denunciation: after a conclusion, or once the deadline lapsed.
    accepted: ['assign', 'withdraw', 'request-second-instance'],
    assigned: ['assign', 'start-verification', 'withdraw', 'request-second-instance'],
    verifying: ['assign', 'report-verification', 'resolve', 'withdraw', 'request-second-instance'],
    decided: ['close'],
    concluded: ['close', 'request-second-instance'],
    answered: ['close'],
    closed: ['request-second-instance'],
    reopened: ['assign', 'withdraw'],
  },
  recommendation: {
    received: ['accept', 'reject', 'transfer', 'guide', 'file', 'withdraw'],
    accepted: ['assign', 'withdraw'],
    // Feedback may be answered without a formal verification.
    assigned: ['assign', 'start-verification', 'resolve', 'withdraw'],
    verifying: ['assign', 'report-verification', 'resolve', 'withdraw'],
    decided: ['close'],
    concluded: ['close'],
    answered: ['close', 'reopen'],
    closed: ['reopen'],
    reopened: ['assign', 'withdraw'],
  },
  feedback: {
    received: ['accept', 'reject', 'transfer', 'guide', 'file', 'withdraw'],
    accepted: ['assign', 'withdraw'],
    assigned: ['assign', 'start-verification', 'resolve', 'withdraw'],
    verifying: ['assign', 'report-verification', 'resolve', 'withdraw'],
    decided: ['close'],
    concluded: ['close'],
    answered: ['close', 'reopen'],
    closed: ['reopen'],
    reopened: ['assign', 'withdraw'],
  },
};

const expectedAllowed = (kind: PetitionKind, status: PetitionStatus): readonly PetitionAction[] =>
  EXPECTED_ALLOWED[kind][status] ?? [];

/** Hand-written: roles allowed per action. */
const EXPECTED_ROLES: Record<PetitionAction, readonly Role[]> = {
  accept: ['head'],
  reject: ['head'],
  transfer: ['desk', 'head'],
  guide: ['desk', 'head'],
  file: ['desk', 'head'],
  assign: ['head'],
  'start-verification': ['handler', 'head'],
  // Only by the assignee, whichever of the two roles they hold.
  'report-verification': ['handler', 'head'],
  resolve: ['head'],
  close: ['head'],
  withdraw: ['desk', 'head'],
  reopen: ['desk', 'head'],
  'request-second-instance': ['desk', 'head'],
};

const RESOLVED_STATUS_BY_KIND: Record<PetitionKind, PetitionStatus> = {
  complaint: 'decided',
  denunciation: 'concluded',
  recommendation: 'answered',
  feedback: 'answered',
};

/** Hand-written: where an allowed action leads. */
function expectedTarget(action: PetitionAction, from: PetitionStatus, kind: PetitionKind): PetitionStatus {
  switch (action) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'transfer':
      return 'transferred';
    case 'guide':
      return 'guided';
    case 'file':
      return 'filed';
    case 'assign':
      // Reassigning during verification must not restart the verification.
      return from === 'verifying' ? 'verifying' : 'assigned';
    case 'start-verification':
      return 'verifying';
    case 'report-verification':
      // The report is recorded on the case; the head resolves from it.
      return from;
    case 'resolve':
      return RESOLVED_STATUS_BY_KIND[kind];
    case 'close':
      return 'closed';
    case 'withdraw':
      return 'withdrawn';
    case 'reopen':
      return 'reopened';
    case 'request-second-instance':
      // Recorded on the first case, which keeps its status; the new case is opened at the superior unit.
      return from;
  }
}

const EXPECTED_EVENT_TYPE: Record<PetitionAction, PetitionEventType> = {
  accept: 'PetitionAccepted',
  reject: 'PetitionRejected',
  transfer: 'PetitionTransferred',
  guide: 'PetitionGuided',
  file: 'PetitionFiled',
  assign: 'PetitionAssigned',
  'start-verification': 'VerificationStarted',
  'report-verification': 'VerificationReported',
  resolve: 'PetitionResolved',
  close: 'PetitionClosed',
  withdraw: 'PetitionWithdrawn',
  reopen: 'PetitionReopened',
  'request-second-instance': 'SecondInstanceRequested',
};

/** A petition in any status, built directly so that every (status × kind) cell can be tested. */
function stateIn(status: PetitionStatus, kind: PetitionKind, overrides: Partial<PetitionState> = {}): PetitionState {
  return {
    id: 'p-1',
    kind,
    channel: 'in_person',
    status,
    trackingCode: 'K7DM-93XA-2FQP',
    receivingUnitId: RECEIVING_UNIT,
    owningUnitId: OWN_UNIT,
    assigneeId: HANDLER_ID,
    escalationLevel: 0,
    parentPetitionId: null,
    instance: 1,
    version: 7,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    resolvedAt: null,
    closedAt: null,
    reopenCount: 0,
    ...overrides,
  };
}

/** A command with a valid body for each action. */
function validCommand(action: PetitionAction, actor: Actor = head): PetitionCommand {
  switch (action) {
    case 'accept':
      return { action, actor, note: 'thụ lý' };
    case 'reject':
      return { action, actor, reason: 'Không đủ điều kiện thụ lý' };
    case 'transfer':
      return { action, actor, toUnitId: OTHER_UNIT, reason: 'Không thuộc thẩm quyền' };
    case 'guide':
      return { action, actor, guidance: 'Gửi đơn đến UBND huyện' };
    case 'file':
      return { action, actor, reason: 'anonymous' };
    case 'assign':
      return { action, actor, assigneeId: 'u-new-handler' };
    case 'start-verification':
      return { action, actor };
    case 'report-verification':
      return { action, actor, findings: 'Đã kiểm tra hiện trường', peopleMet: ['Trưởng thôn'], documentsSeen: ['Biên bản'], proposedConclusion: 'Đơn có cơ sở' };
    case 'resolve':
      return { action, actor, summary: 'Đã giải quyết' };
    case 'close':
      return { action, actor };
    case 'withdraw':
      return { action, actor, reason: 'Công dân rút đơn' };
    case 'reopen':
      return { action, actor, reason: 'Công dân chưa hài lòng' };
    case 'request-second-instance':
      return { action, actor, reason: 'Không đồng ý với quyết định lần đầu', resolutionLapsed: true };
  }
}

function expectOk(d: Decision): Extract<Decision, { ok: true }> {
  if (!d.ok) throw new Error(`expected success, got ${JSON.stringify(d.refusal)}`);
  return d;
}

function expectRefused(d: Decision): Extract<Decision, { ok: false }>['refusal'] {
  if (d.ok) throw new Error(`expected refusal, got status ${d.state.status}`);
  return d.refusal;
}

const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

describe('transition table: every status × action × kind', () => {
  describe.each(PETITION_KINDS.map((k) => [k]))('%s', (kind) => {
    const cells = PETITION_STATUSES.flatMap((status) => PETITION_ACTIONS.map((action) => [status, action] as const));

    it.each(cells)('%s × %s', (status, action) => {
      // The verification report is the assignee's: here the head holds the case.
      const state = stateIn(status, kind, action === 'report-verification' ? { assigneeId: head.userId } : {});
      const decision = decide(state, validCommand(action), NOW);
      const allowed = expectedAllowed(kind, status);

      if (allowed.includes(action)) {
        const { state: next, events, effects } = expectOk(decision);
        expect(next.status).toBe(expectedTarget(action, status, kind));
        expect(events).toHaveLength(1);
        expect(events[0]!.type).toBe(EXPECTED_EVENT_TYPE[action]);
        expect(events[0]!.petitionId).toBe(state.id);
        expect(events[0]!.at).toBe(NOW.toISOString());
        expect(events[0]!.actorId).toBe(head.userId);
        expect(events[0]!.actorRole).toBe('head');
        expect(next.version).toBe(state.version + 1);
        expect(next.updatedAt).toBe(NOW.toISOString());
        // The decided state must be exactly the event folded over the old state.
        expect(next).toEqual(evolve(state, events[0]!));
        if (action === 'assign') {
          expect(effects).toEqual([{ type: 'notify-assignee', petitionId: state.id, assigneeId: 'u-new-handler' }]);
        } else if (action === 'transfer') {
          expect(effects).toEqual([{ type: 'open-transferred-petition', petitionId: state.id, toUnitId: OTHER_UNIT }]);
        } else if (action === 'request-second-instance') {
          expect(effects).toEqual([{ type: 'open-second-instance-petition', petitionId: state.id }]);
        } else {
          expect(effects).toEqual([]);
        }
      } else {
        const refusal = expectRefused(decision);
        expect(refusal).toMatchObject({ code: 'transition-not-allowed', action, status, kind });
        if (refusal.code !== 'transition-not-allowed') throw new Error('unreachable');
        expect(sorted(refusal.allowedActions)).toEqual(sorted(allowed));
      }
    });

    it.each(PETITION_STATUSES.map((s) => [s]))('allowedActions(%s) matches the hand-written table', (status) => {
      expect(sorted(allowedActions({ status, kind }))).toEqual(sorted(expectedAllowed(kind, status)));
    });
  });

  it('lists allowed actions in the canonical PETITION_ACTIONS order (stable button order)', () => {
    const actions = allowedActions({ status: 'received', kind: 'feedback' });
    expect(actions).toEqual(['accept', 'reject', 'transfer', 'guide', 'file', 'withdraw']);
  });

  it('has no way out of the terminal statuses for any kind', () => {
    for (const kind of PETITION_KINDS) {
      for (const status of ['rejected', 'transferred', 'guided', 'filed', 'withdrawn'] as const) {
        expect(allowedActions({ status, kind })).toEqual([]);
      }
    }
  });
});

describe('roles', () => {
  /** A state (and kind) in which each action is allowed, to isolate the role check. */
  const SETTING: Record<PetitionAction, [PetitionStatus, PetitionKind]> = {
    accept: ['received', 'complaint'],
    reject: ['received', 'denunciation'],
    transfer: ['received', 'feedback'],
    guide: ['received', 'complaint'],
    file: ['received', 'recommendation'],
    assign: ['accepted', 'complaint'],
    'start-verification': ['assigned', 'denunciation'],
    'report-verification': ['verifying', 'complaint'],
    resolve: ['verifying', 'complaint'],
    close: ['concluded', 'denunciation'],
    withdraw: ['verifying', 'complaint'],
    reopen: ['answered', 'feedback'],
    'request-second-instance': ['decided', 'complaint'],
  };

  // The handler acts as the assignee so that only the role decides.
  const actorFor = (role: Role): Actor => (role === 'handler' ? assignedHandler : { userId: `u-${role}`, role });

  const cells = PETITION_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));

  it.each(cells)('%s by %s', (action, role) => {
    const [status, kind] = SETTING[action];
    // Whoever reports verification is the assignee, so that only the role decides.
    const state = stateIn(status, kind, action === 'report-verification' ? { assigneeId: actorFor(role).userId } : {});
    const decision = decide(state, validCommand(action, actorFor(role)), NOW);
    if (EXPECTED_ROLES[action].includes(role)) {
      const { events } = expectOk(decision);
      expect(events[0]!.actorRole).toBe(role);
    } else {
      expect(expectRefused(decision)).toEqual({ code: 'role-not-allowed', action, role });
    }
  });

  it('lets board and admin do nothing, in any status of any kind', () => {
    for (const role of ['board', 'admin'] as const) {
      for (const kind of PETITION_KINDS) {
        for (const status of PETITION_STATUSES) {
          const state = stateIn(status, kind);
          expect(availableActions(state, { userId: 'u-x', role })).toEqual([]);
          for (const action of PETITION_ACTIONS) {
            expect(expectRefused(decide(state, validCommand(action, { userId: 'u-x', role }), NOW)).code).toBe('role-not-allowed');
          }
        }
      }
    }
  });

  it('refuses a handler who is not the assignee', () => {
    const state = stateIn('assigned', 'complaint');
    expect(expectRefused(decide(state, validCommand('start-verification', otherHandler), NOW))).toEqual({
      code: 'not-assignee',
      action: 'start-verification',
    });
  });

  it('refuses a handler when nobody is assigned', () => {
    const state = stateIn('assigned', 'feedback', { assigneeId: null });
    expect(expectRefused(decide(state, validCommand('start-verification', assignedHandler), NOW)).code).toBe('not-assignee');
  });

  it('lets the head start verification without being the assignee', () => {
    const { state } = expectOk(decide(stateIn('assigned', 'complaint'), validCommand('start-verification', head), NOW));
    expect(state.status).toBe('verifying');
    expect(state.assigneeId).toBe(HANDLER_ID);
  });

  it('checks the role before the status, and the status before the assignee', () => {
    // Role first: board asking for something impossible still gets role-not-allowed.
    expect(expectRefused(decide(stateIn('closed', 'complaint'), validCommand('accept', { userId: 'b', role: 'board' }), NOW)).code).toBe(
      'role-not-allowed',
    );
    // Status before assignee: a non-assignee handler on a wrong status gets transition-not-allowed.
    expect(expectRefused(decide(stateIn('verifying', 'complaint'), validCommand('start-verification', otherHandler), NOW)).code).toBe(
      'transition-not-allowed',
    );
    // Status before body: an invalid body on a wrong status gets transition-not-allowed.
    expect(expectRefused(decide(stateIn('accepted', 'complaint'), { action: 'reject', actor: head, reason: '' }, NOW)).code).toBe(
      'transition-not-allowed',
    );
  });

  describe('availableActions', () => {
    const actors: readonly Actor[] = [head, desk, assignedHandler, otherHandler];
    const cells = PETITION_KINDS.flatMap((kind) => PETITION_STATUSES.map((status) => [kind, status] as const));

    it.each(cells)('%s in %s', (kind, status) => {
      const state = stateIn(status, kind);
      for (const actor of actors) {
        const expected = expectedAllowed(kind, status).filter(
          (a) =>
            EXPECTED_ROLES[a].includes(actor.role) &&
            !(actor.role === 'handler' && actor.userId !== HANDLER_ID) &&
            !(a === 'report-verification' && actor.userId !== HANDLER_ID),
        );
        // On a case still being worked on, a second instance is offered only once its deadline has lapsed (a fact
        // from the clocks): never without that fact, always with it.
        const early = ['accepted', 'assigned', 'verifying'].includes(status);
        expect(sorted(availableActions(state, actor))).toEqual(sorted(expected.filter((a) => !(early && a === 'request-second-instance'))));
        expect(sorted(availableActions(state, actor, { resolutionLapsed: true }))).toEqual(sorted(expected));
      }
    });
  });
});

describe('verification report', () => {
  const report = (actor: Actor, more: Partial<Extract<PetitionCommand, { action: 'report-verification' }>> = {}): PetitionCommand => ({
    action: 'report-verification',
    actor,
    findings: '  Đường ngập do cống bị lấp  ',
    peopleMet: ['Trưởng thôn Đồng Mát', '  ', ' Hộ ông B '],
    documentsSeen: [],
    proposedConclusion: 'Nạo vét cống',
    ...more,
  });

  it('records the report on the case without changing its status, trimmed, blank list entries dropped', () => {
    const state = stateIn('verifying', 'complaint');
    const { state: next, events } = expectOk(decide(state, report(assignedHandler), NOW));
    expect(next.status).toBe('verifying');
    expect(next.version).toBe(state.version + 1);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'VerificationReported',
        actorId: HANDLER_ID,
        findings: 'Đường ngập do cống bị lấp',
        peopleMet: ['Trưởng thôn Đồng Mát', 'Hộ ông B'],
        documentsSeen: [],
        proposedConclusion: 'Nạo vét cống',
        legalBasis: 'Luật Khiếu nại 2011 Điều 29',
      }),
    ]);
  });

  it('may be revised: a second report is another event on the same status', () => {
    const first = expectOk(decide(stateIn('verifying', 'denunciation'), report(assignedHandler), NOW));
    const second = expectOk(decide(first.state, report(assignedHandler, { proposedConclusion: 'Tố cáo đúng một phần' }), LATER));
    expect(second.state.status).toBe('verifying');
    expect(second.events[0]).toMatchObject({ type: 'VerificationReported', proposedConclusion: 'Tố cáo đúng một phần' });
  });

  it('is refused to a head who is not the assignee, and offered to one who is', () => {
    const state = stateIn('verifying', 'complaint');
    expect(expectRefused(decide(state, report(head), NOW))).toEqual({ code: 'not-assignee', action: 'report-verification' });
    expect(availableActions(state, head)).not.toContain('report-verification');
    expect(availableActions({ ...state, assigneeId: head.userId }, head)).toContain('report-verification');
    expect(availableActions(state, assignedHandler)).toContain('report-verification');
    expect(availableActions(state, otherHandler)).toEqual([]);
  });

  it('is refused before verification started, even to the assignee', () => {
    expect(expectRefused(decide(stateIn('assigned', 'complaint'), report(assignedHandler), NOW)).code).toBe('transition-not-allowed');
    expect(availableActions(stateIn('assigned', 'complaint'), assignedHandler)).not.toContain('report-verification');
  });

  it.each([
    ['findings', { findings: ' ' }],
    ['proposedConclusion', { proposedConclusion: '' }],
  ])('requires %s', (field, more) => {
    expect(expectRefused(decide(stateIn('verifying', 'feedback'), report(assignedHandler, more), NOW))).toEqual({
      code: 'invalid-command',
      action: 'report-verification',
      field,
      messageKey: 'validation.required',
    });
  });
});

describe('invalid command bodies', () => {
  const invalid = (field: string, messageKey: string, action: PetitionAction) => ({ code: 'invalid-command', action, field, messageKey });

  it.each(['', '   ', '\t\n'])('rejects a blank reject reason %j', (reason) => {
    const d = decide(stateIn('received', 'complaint'), { action: 'reject', actor: head, reason }, NOW);
    expect(expectRefused(d)).toEqual(invalid('reason', 'validation.required', 'reject'));
  });

  it.each([
    ['both targets', { toUnitId: OTHER_UNIT, toBodyName: 'Công an tỉnh' }],
    ['neither target', {}],
    ['blank unit and no body', { toUnitId: '  ' }],
    ['blank unit and blank body', { toUnitId: '', toBodyName: ' ' }],
  ])('rejects a transfer with %s', (_label, targets) => {
    const d = decide(stateIn('received', 'denunciation'), { action: 'transfer', actor: desk, reason: 'ngoài thẩm quyền', ...targets }, NOW);
    expect(expectRefused(d)).toEqual(invalid('toUnitId', 'petition.transfer_target_required', 'transfer'));
  });

  it.each([OWN_UNIT, `  ${OWN_UNIT} `])('rejects a transfer to the owning unit (%j)', (toUnitId) => {
    const d = decide(stateIn('received', 'feedback'), { action: 'transfer', actor: desk, toUnitId, reason: 'x' }, NOW);
    expect(expectRefused(d)).toEqual(invalid('toUnitId', 'petition.transfer_to_self', 'transfer'));
  });

  it('compares the transfer target with the owning unit, not the receiving unit', () => {
    const d = decide(stateIn('received', 'feedback'), { action: 'transfer', actor: desk, toUnitId: RECEIVING_UNIT, reason: 'x' }, NOW);
    expect(expectOk(d).state.status).toBe('transferred');
  });

  it('rejects a transfer with a blank reason', () => {
    const d = decide(stateIn('received', 'feedback'), { action: 'transfer', actor: desk, toBodyName: 'Sở X', reason: ' ' }, NOW);
    expect(expectRefused(d)).toEqual(invalid('reason', 'validation.required', 'transfer'));
  });

  it.each(['', '  '])('rejects blank guidance %j', (guidance) => {
    const d = decide(stateIn('received', 'complaint'), { action: 'guide', actor: desk, guidance }, NOW);
    expect(expectRefused(d)).toEqual(invalid('guidance', 'validation.required', 'guide'));
  });

  it.each(['', '   '])('rejects a blank resolve summary %j', (summary) => {
    const d = decide(stateIn('verifying', 'complaint'), { action: 'resolve', actor: head, summary }, NOW);
    expect(expectRefused(d)).toEqual(invalid('summary', 'validation.required', 'resolve'));
  });

  it.each(['', ' \n '])('rejects a blank reopen reason %j', (reason) => {
    const d = decide(stateIn('answered', 'recommendation'), { action: 'reopen', actor: desk, reason }, NOW);
    expect(expectRefused(d)).toEqual(invalid('reason', 'validation.required', 'reopen'));
  });

  it.each(['accepted', 'assigned', 'verifying'] as const)('rejects assigning the current assignee (%s)', (status) => {
    const d = decide(stateIn(status, 'complaint'), { action: 'assign', actor: head, assigneeId: HANDLER_ID }, NOW);
    expect(expectRefused(d)).toEqual(invalid('assigneeId', 'petition.already_assigned', 'assign'));
  });

  it('hands a reopened case back to the same handler (the usual path after a reopen)', () => {
    const d = decide(stateIn('reopened', 'feedback', { assigneeId: HANDLER_ID }), { action: 'assign', actor: head, assigneeId: HANDLER_ID }, NOW);
    if (!d.ok) throw new Error(`refused: ${JSON.stringify(d.refusal)}`);
    expect(d.state.status).toBe('assigned');
    expect(d.state.assigneeId).toBe(HANDLER_ID);
    expect(d.effects).toEqual([{ type: 'notify-assignee', petitionId: d.state.id, assigneeId: HANDLER_ID }]);
  });

  it('trims the assignee id like every other text field', () => {
    const d = decide(stateIn('accepted', 'complaint', { assigneeId: null }), { action: 'assign', actor: head, assigneeId: ` ${HANDLER_ID} ` }, NOW);
    if (!d.ok) throw new Error(`refused: ${JSON.stringify(d.refusal)}`);
    expect(d.state.assigneeId).toBe(HANDLER_ID);
  });

  it.each(['', '  '])('rejects a blank assignee %j', (assigneeId) => {
    const d = decide(stateIn('accepted', 'complaint', { assigneeId: null }), { action: 'assign', actor: head, assigneeId }, NOW);
    expect(expectRefused(d)).toEqual(invalid('assigneeId', 'validation.required', 'assign'));
  });
});

describe('event and state details', () => {
  it('trims texts and turns blank optional notes into null', () => {
    const accepted = expectOk(decide(stateIn('received', 'complaint'), { action: 'accept', actor: head, note: '   ' }, NOW));
    expect(accepted.events[0]).toMatchObject({ type: 'PetitionAccepted', note: null });

    const rejected = expectOk(decide(stateIn('received', 'complaint'), { action: 'reject', actor: head, reason: '  lý do  ' }, NOW));
    expect(rejected.events[0]).toMatchObject({ type: 'PetitionRejected', reason: 'lý do' });

    const guided = expectOk(decide(stateIn('received', 'complaint'), { action: 'guide', actor: desk, guidance: ' nộp ở huyện ' }, NOW));
    expect(guided.events[0]).toMatchObject({ type: 'PetitionGuided', guidance: 'nộp ở huyện' });

    const withdrawn = expectOk(decide(stateIn('accepted', 'complaint'), { action: 'withdraw', actor: desk }, NOW));
    expect(withdrawn.events[0]).toMatchObject({ type: 'PetitionWithdrawn', reason: null });
  });

  it('records the default legal basis per action and kind', () => {
    const accepted = expectOk(decide(stateIn('received', 'complaint'), validCommand('accept'), NOW));
    expect(accepted.events[0]!.legalBasis).toBe('Luật Khiếu nại 2011 Điều 27');
    // Kinds with no statutory basis for the action record null rather than a made-up reference.
    const resolved = expectOk(decide(stateIn('verifying', 'feedback'), validCommand('resolve'), NOW));
    expect(resolved.events[0]!.legalBasis).toBeNull();
    for (const kind of PETITION_KINDS) {
      const d = expectOk(decide(stateIn('received', kind), validCommand('file'), NOW));
      expect(d.events[0]!.legalBasis).toBe(legalBasisFor('file', kind));
      expect(d.events[0]!.legalBasis).toMatch(/Điều 2[58]/);
    }
  });

  it('lets reject and resolve override the legal basis, ignoring blanks', () => {
    const r = expectOk(decide(stateIn('received', 'complaint'), { action: 'reject', actor: head, reason: 'x', legalBasis: ' Điều 11 ' }, NOW));
    expect(r.events[0]!.legalBasis).toBe('Điều 11');
    const r2 = expectOk(decide(stateIn('received', 'complaint'), { action: 'reject', actor: head, reason: 'x', legalBasis: '  ' }, NOW));
    expect(r2.events[0]!.legalBasis).toBe('Luật Khiếu nại 2011 Điều 11, Điều 27');
    const s = expectOk(
      decide(stateIn('verifying', 'complaint'), { action: 'resolve', actor: head, summary: 's', decisionNumber: ' 12/QĐ ', legalBasis: 'Điều 31' }, NOW),
    );
    expect(s.events[0]).toMatchObject({ type: 'PetitionResolved', outcome: 'decided', decisionNumber: '12/QĐ', legalBasis: 'Điều 31' });
  });

  it('transfers to an outside body by name without opening a petition anywhere', () => {
    const d = expectOk(
      decide(stateIn('received', 'denunciation'), { action: 'transfer', actor: desk, toBodyName: '  Công an tỉnh ', reason: ' có dấu hiệu tội phạm ' }, NOW),
    );
    expect(d.effects).toEqual([]);
    expect(d.events[0]).toMatchObject({ type: 'PetitionTransferred', toUnitId: null, toBodyName: 'Công an tỉnh', reason: 'có dấu hiệu tội phạm' });
    expect(d.state.status).toBe('transferred');
    expect(d.state.closedAt).toBe(NOW.toISOString());
    // The owning unit does not change: the transferred petition is a new one at the other unit.
    expect(d.state.owningUnitId).toBe(OWN_UNIT);
  });

  it('transfers to a unit in the system with a trimmed unit id and an open-petition effect', () => {
    const d = expectOk(decide(stateIn('received', 'feedback'), { action: 'transfer', actor: head, toUnitId: ` ${OTHER_UNIT} `, toBodyName: ' ', reason: 'r' }, NOW));
    expect(d.events[0]).toMatchObject({ toUnitId: OTHER_UNIT, toBodyName: null });
    expect(d.effects).toEqual([{ type: 'open-transferred-petition', petitionId: 'p-1', toUnitId: OTHER_UNIT }]);
  });

  it('records the previous assignee on reassignment and keeps verification running', () => {
    const d = expectOk(decide(stateIn('verifying', 'denunciation'), { action: 'assign', actor: head, assigneeId: 'u-2', note: 'đổi người' }, NOW));
    expect(d.events[0]).toMatchObject({ type: 'PetitionAssigned', assigneeId: 'u-2', previousAssigneeId: HANDLER_ID, note: 'đổi người' });
    expect(d.state).toMatchObject({ status: 'verifying', assigneeId: 'u-2' });
    expect(d.effects).toEqual([{ type: 'notify-assignee', petitionId: 'p-1', assigneeId: 'u-2' }]);
  });

  it('sets resolvedAt on resolve, closedAt on close, and clears both on reopen', () => {
    const resolved = expectOk(decide(stateIn('verifying', 'feedback'), validCommand('resolve'), NOW)).state;
    expect(resolved).toMatchObject({ status: 'answered', resolvedAt: NOW.toISOString(), closedAt: null });
    const closed = expectOk(decide(resolved, validCommand('close'), LATER)).state;
    expect(closed).toMatchObject({ status: 'closed', resolvedAt: NOW.toISOString(), closedAt: LATER.toISOString() });
    const reopened = expectOk(decide(closed, validCommand('reopen', desk), LATER)).state;
    expect(reopened).toMatchObject({ status: 'reopened', resolvedAt: null, closedAt: null, reopenCount: 1, assigneeId: HANDLER_ID });
  });

  it('does not mutate the state it decides on', () => {
    const state = Object.freeze(stateIn('verifying', 'complaint'));
    const snapshot = structuredClone(state);
    expectOk(decide(state, validCommand('resolve'), NOW));
    expect(state).toEqual(snapshot);
  });
});

describe('receive, evolve and replay', () => {
  const input = {
    petitionId: 'p-9',
    kind: 'denunciation' as const,
    channel: 'online' as const,
    receivingUnitId: RECEIVING_UNIT,
    trackingCode: 'ABCD-EFGH-JKMN',
    actor: desk,
  };

  it('opens a petition in received at version 1, owned by the receiving unit', () => {
    const { state, events } = receive(input, NOW);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'PetitionReceived',
      petitionId: 'p-9',
      at: NOW.toISOString(),
      actorId: desk.userId,
      actorRole: 'desk',
      kind: 'denunciation',
      channel: 'online',
      parentPetitionId: null,
    });
    expect(state).toEqual({
      id: 'p-9',
      kind: 'denunciation',
      channel: 'online',
      status: 'received',
      trackingCode: 'ABCD-EFGH-JKMN',
      receivingUnitId: RECEIVING_UNIT,
      owningUnitId: RECEIVING_UNIT,
      assigneeId: null,
      escalationLevel: 0,
      parentPetitionId: null,
      instance: 1,
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      resolvedAt: null,
      closedAt: null,
      reopenCount: 0,
    });
  });

  it('records a system-raised receipt (no actor) with its parent petition', () => {
    const { state, events } = receive({ ...input, channel: 'transferred_in', actor: null, parentPetitionId: 'p-parent' }, NOW);
    expect(events[0]).toMatchObject({ actorId: null, actorRole: null, parentPetitionId: 'p-parent' });
    expect(state.parentPetitionId).toBe('p-parent');
  });

  it('walks a complaint from receipt to closure and replays it exactly', () => {
    let { state, events: log } = receive({ ...input, kind: 'complaint' }, NOW);
    const steps: Array<[PetitionCommand, PetitionStatus]> = [
      [validCommand('accept'), 'accepted'],
      [{ action: 'assign', actor: head, assigneeId: HANDLER_ID }, 'assigned'],
      [validCommand('start-verification', assignedHandler), 'verifying'],
      [validCommand('resolve'), 'decided'],
      [validCommand('close'), 'closed'],
    ];
    for (const [command, status] of steps) {
      const d = expectOk(decide(state, command, LATER));
      state = d.state;
      log = [...log, ...d.events];
      expect(state.status).toBe(status);
    }
    expect(state.version).toBe(log.length);
    expect(replay(log)).toEqual(state);
    // A closed complaint cannot be reopened: the statutory route is a second-time complaint, still open to it.
    expect(availableActions(state, head)).toEqual(['request-second-instance']);
  });

  it('brings reopened feedback back to work through a new assignment', () => {
    let { state, events: log } = receive({ ...input, kind: 'feedback' }, NOW);
    const run = (command: PetitionCommand) => {
      const d = expectOk(decide(state, command, LATER));
      state = d.state;
      log = [...log, ...d.events];
    };
    run(validCommand('accept'));
    run({ action: 'assign', actor: head, assigneeId: HANDLER_ID });
    run(validCommand('resolve')); // straight from assigned: feedback needs no verification
    expect(state.status).toBe('answered');
    run(validCommand('reopen', desk));
    expect(state).toMatchObject({ status: 'reopened', reopenCount: 1 });
    run({ action: 'assign', actor: head, assigneeId: 'u-other' });
    run(validCommand('start-verification', { userId: 'u-other', role: 'handler' }));
    run(validCommand('resolve'));
    run(validCommand('close'));
    run(validCommand('reopen', head));
    expect(state).toMatchObject({ status: 'reopened', reopenCount: 2, version: log.length });
    expect(replay(log)).toEqual(state);
  });

  it('refuses a second PetitionReceived, any event before receipt, and an empty log', () => {
    const { state, events } = receive(input, NOW);
    expect(() => evolve(state, events[0]!)).toThrow(/existing petition/);
    const accepted: PetitionEvent = {
      type: 'PetitionAccepted',
      petitionId: 'p-9',
      at: NOW.toISOString(),
      actorId: head.userId,
      actorRole: 'head',
      legalBasis: null,
      note: null,
    };
    expect(() => evolve(null, accepted)).toThrow(/before PetitionReceived/);
    expect(() => replay([])).toThrow(/empty/);
  });
});

describe('second instance (the citizen escalates legally)', () => {
  const ask = (resolutionLapsed: boolean) =>
    ({ action: 'request-second-instance', actor: desk, reason: 'Không đồng ý', resolutionLapsed }) as const;

  it('is refused while the first-time case is open and its deadline has not lapsed', () => {
    expect(expectRefused(decide(stateIn('verifying', 'complaint'), ask(false), NOW))).toEqual({
      code: 'invalid-command',
      action: 'request-second-instance',
      field: 'resolutionLapsed',
      messageKey: 'petition.second_instance_not_yet',
    });
  });

  it('is allowed after a decision whatever the clock says, and the first case keeps its status', () => {
    const d = expectOk(decide(stateIn('decided', 'complaint'), ask(false), NOW));
    expect(d.state.status).toBe('decided');
    expect(d.events[0]).toMatchObject({ type: 'SecondInstanceRequested', resolutionLapsed: false, legalBasis: 'Luật Khiếu nại 2011 Điều 33' });
  });

  it('has no third instance', () => {
    expect(expectRefused(decide(stateIn('decided', 'complaint', { instance: 2 }), ask(true), NOW))).toMatchObject({
      code: 'invalid-command',
      field: 'instance',
    });
  });

  it('opens the second case with instance 2 and a link to the first', () => {
    const { state } = receive(
      { petitionId: 'p-2', kind: 'complaint', channel: 'in_person', receivingUnitId: 'province', trackingCode: 'AAAA-BBBB-CCCC', parentPetitionId: 'p-1', instance: 2, actor: desk },
      NOW,
    );
    expect(state).toMatchObject({ instance: 2, parentPetitionId: 'p-1', status: 'received' });
  });
});
