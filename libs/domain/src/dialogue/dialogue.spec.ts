import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../petition/petition-commands.js';
import type { Role } from '../petition/roles.js';
import { ROLES } from '../petition/roles.js';
import { isMessageKey, renderMessage } from '../shared/messages.js';
import type { DialogueAction, DialogueCommand } from './dialogue-commands.js';
import { DIALOGUE_ACTIONS } from './dialogue-commands.js';
import type { DialogueEvent, DialogueEventType } from './dialogue-events.js';
import type { DialogueKind, DialogueStatus } from './dialogue-kind.js';
import { DIALOGUE_KINDS, DIALOGUE_STATUSES, complaintDialogueRequirement } from './dialogue-kind.js';
import type { DialogueDecision, DialogueQuestionState, DialogueState } from './dialogue.js';
import {
  allowedDialogueActions,
  availableDialogueActions,
  decideDialogue,
  evolveDialogue,
  replayDialogue,
  requestDialogue,
  secondTimeComplaintMayBeDecided,
} from './dialogue.js';

/*
 * Expectations are written by hand from DOMAIN.md §2.5 and §5 as the code is meant to encode them; they are
 * never computed from DIALOGUE_TRANSITIONS / allowedDialogueActions.
 */

/** 09:00 local (UTC+7) on 23/11/2026. */
const NOW = new Date('2026-11-23T02:00:00.000Z');
const UNIT = 'unit-commune';
const head: Actor = { userId: 'u-head', role: 'head' };
const desk: Actor = { userId: 'u-desk', role: 'desk' };

/** Hand-written: which actions each status allows. Unlisted statuses (closed, cancelled) allow nothing. */
const COMMUNE: Partial<Record<DialogueStatus, readonly DialogueAction[]>> = {
  requested: ['plan', 'cancel', 'link-petitions'],
  planned: ['announce', 'reschedule', 'cancel', 'link-petitions'],
  // G3: only an announced conference can be held.
  announced: ['reschedule', 'hold', 'cancel', 'link-petitions'],
  // G4: results must be published before follow-up; follow-up before closing.
  held: ['publish-results', 'link-petitions', 'resolve-question'],
  results_published: ['start-follow-up', 'link-petitions', 'resolve-question'],
  follow_up: ['close', 'link-petitions', 'resolve-question'],
};
/** The other kinds: no statutory notice, publication or follow-up step, so those may be skipped. */
const OTHER: Partial<Record<DialogueStatus, readonly DialogueAction[]>> = {
  requested: ['plan', 'cancel', 'link-petitions'],
  planned: ['announce', 'reschedule', 'hold', 'cancel', 'link-petitions'],
  announced: ['reschedule', 'hold', 'cancel', 'link-petitions'],
  held: ['publish-results', 'start-follow-up', 'close', 'link-petitions', 'resolve-question'],
  results_published: ['start-follow-up', 'close', 'link-petitions', 'resolve-question'],
  follow_up: ['close', 'link-petitions', 'resolve-question'],
};
const EXPECTED_ALLOWED: Record<DialogueKind, Partial<Record<DialogueStatus, readonly DialogueAction[]>>> = {
  commune_conference: COMMUNE,
  party_head_direct: OTHER,
  complaint_resolution: OTHER,
  draft_decision_consultation: OTHER,
};
const expectedAllowed = (kind: DialogueKind, status: DialogueStatus): readonly DialogueAction[] => EXPECTED_ALLOWED[kind][status] ?? [];

/** Hand-written: where an allowed action leads (null: the status stays). */
const EXPECTED_TARGET: Record<DialogueAction, DialogueStatus | null> = {
  plan: 'planned',
  announce: 'announced',
  reschedule: 'planned',
  hold: 'held',
  'publish-results': 'results_published',
  'start-follow-up': 'follow_up',
  close: 'closed',
  cancel: 'cancelled',
  'link-petitions': null,
  'resolve-question': null,
};
const EXPECTED_EVENT: Record<DialogueAction, DialogueEventType> = {
  plan: 'DialoguePlanned',
  announce: 'DialogueAnnounced',
  reschedule: 'DialogueRescheduled',
  hold: 'DialogueHeld',
  'publish-results': 'DialogueResultsPublished',
  'start-follow-up': 'DialogueFollowUpStarted',
  close: 'DialogueClosed',
  cancel: 'DialogueCancelled',
  'link-petitions': 'DialoguePetitionsLinked',
  'resolve-question': 'DialogueQuestionResolved',
};
const EXPECTED_ROLES: Record<DialogueAction, readonly Role[]> = {
  plan: ['head'],
  announce: ['head'],
  reschedule: ['head'],
  hold: ['head'],
  'publish-results': ['head'],
  'start-follow-up': ['head'],
  close: ['head'],
  cancel: ['head'],
  'link-petitions': ['desk', 'head'],
  'resolve-question': ['head'],
};

const openQuestion: DialogueQuestionState = { id: 'q1', text: 'Khi nào sửa đường thôn 3?', askedBy: null, outcome: null, resolvedAt: null };
const answeredQuestion: DialogueQuestionState = {
  ...openQuestion,
  outcome: { kind: 'answered', answer: 'Quý I/2027' },
  resolvedAt: '2026-11-21T00:00:00.000Z',
};

/** A dialogue in any status, built directly; dates are consistent with NOW for every cell. */
function stateIn(status: DialogueStatus, kind: DialogueKind, overrides: Partial<DialogueState> = {}): DialogueState {
  const after = (s: DialogueStatus): boolean => DIALOGUE_STATUSES.indexOf(status) >= DIALOGUE_STATUSES.indexOf(s) && status !== 'cancelled';
  // Non-commune kinds may be held straight from planned, so the fixture leaves them unannounced.
  const announced = kind === 'commune_conference' ? after('announced') : status === 'announced';
  return {
    id: 'd-1',
    kind,
    unitId: UNIT,
    status,
    requestedBy: 'plan',
    voterCount: null,
    registeredVoters: null,
    complaintInstance: kind === 'complaint_resolution' ? 2 : null,
    petitionIds: kind === 'complaint_resolution' ? ['p-complaint'] : [],
    scheduledAt: after('planned') ? '2026-12-10T01:00:00.000Z' : null,
    venue: after('planned') ? 'Hội trường UBND xã' : null,
    agenda: after('planned') ? ['Đường giao thông nông thôn'] : [],
    carriedOverCommitmentIds: [],
    announcedAt: announced ? '2026-11-13T02:00:00.000Z' : null,
    announcedOn: announced ? '2026-11-13' : null,
    announcementChannels: announced ? ['notice_board'] : [],
    heldAt: after('held') ? '2026-11-20T01:00:00.000Z' : null,
    attendees: null,
    minutesSummary: null,
    questions: after('held') ? [openQuestion] : [],
    resultsPublishedAt: null,
    resultsDueDate: null,
    resultsLate: null,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    version: 5,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    ...overrides,
  };
}

const minutes = {
  attendees: {
    citizens: 120,
    fatherlandFront: { present: true, names: ['Nguyễn Văn A'] },
    unions: ['Hội Nông dân', 'Đoàn Thanh niên'],
    peoplesCouncil: { present: true, names: ['Trần Thị B'] },
  },
  questions: [
    { id: 'q1', text: 'Khi nào sửa đường thôn 3?' },
    { id: 'q2', text: 'Đền bù giải phóng mặt bằng', askedBy: 'Ông C' },
  ],
};

function validCommand(action: DialogueAction, actor: Actor = head): DialogueCommand {
  switch (action) {
    case 'plan':
      return { action, actor, scheduledAt: '2026-12-10T01:00:00.000Z', venue: 'Hội trường UBND xã', agenda: ['Đường giao thông'] };
    case 'announce':
      return { action, actor, channels: ['notice_board', 'loudspeaker'] };
    case 'reschedule':
      return { action, actor, scheduledAt: '2026-12-17T01:00:00.000Z', reason: 'Trùng lịch bầu cử' };
    case 'hold':
      return { action, actor, minutes };
    case 'publish-results':
      return { action, actor, channels: ['mass_media', 'notice_board', 'hamlet_heads'], summary: 'Kết quả hội nghị' };
    case 'start-follow-up':
      return { action, actor };
    case 'close':
      return { action, actor };
    case 'cancel':
      return { action, actor, reason: 'Thiên tai' };
    case 'link-petitions':
      return { action, actor, petitionIds: ['p-9'] };
    case 'resolve-question':
      return { action, actor, questionId: 'q1', outcome: { kind: 'answered', answer: 'Quý I/2027' } };
  }
}

function expectOk(d: DialogueDecision): Extract<DialogueDecision, { ok: true }> {
  if (!d.ok) throw new Error(`expected success, got ${JSON.stringify(d.refusal)}`);
  return d;
}
function expectRefused(d: DialogueDecision): Extract<DialogueDecision, { ok: false }>['refusal'] {
  if (d.ok) throw new Error(`expected refusal, got status ${d.state.status}`);
  return d.refusal;
}
const sorted = <T extends string>(xs: readonly T[]): T[] => [...xs].sort();

describe('dialogue transition table: every kind × status × action', () => {
  describe.each(DIALOGUE_KINDS.map((k) => [k]))('%s', (kind) => {
    const cells = DIALOGUE_STATUSES.flatMap((status) => DIALOGUE_ACTIONS.map((action) => [status, action] as const));

    it.each(cells)('%s × %s', (status, action) => {
      // Closing needs every question resolved; that rule has its own tests below.
      const state = stateIn(status, kind, action === 'close' && status !== 'requested' ? { questions: [answeredQuestion] } : {});
      const decision = decideDialogue(state, validCommand(action), NOW);
      const allowed = expectedAllowed(kind, status);
      if (allowed.includes(action)) {
        const { state: next, events, effects } = expectOk(decision);
        expect(next.status).toBe(EXPECTED_TARGET[action] ?? status);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: EXPECTED_EVENT[action],
          dialogueId: 'd-1',
          at: NOW.toISOString(),
          actorId: 'u-head',
          actorRole: 'head',
        });
        expect(events[0]!.legalBasis).toEqual(expect.any(String));
        expect(next.version).toBe(state.version + 1);
        expect(next).toEqual(evolveDialogue(state, events[0]!));
        const effectTypes = effects.map((e) => e.type);
        if (kind === 'commune_conference' && action === 'hold') expect(effectTypes).toEqual(['start-deadline']);
        else if (kind === 'commune_conference' && action === 'publish-results') expect(effectTypes).toEqual(['meet-deadline']);
        else expect(effectTypes).toEqual([]);
      } else {
        const refusal = expectRefused(decision);
        expect(refusal).toMatchObject({ code: 'transition-not-allowed', action, status, kind });
        if (refusal.code !== 'transition-not-allowed') throw new Error('unreachable');
        expect(sorted(refusal.allowedActions)).toEqual(sorted(allowed));
      }
    });

    it.each(DIALOGUE_STATUSES.map((s) => [s]))('allowedDialogueActions(%s) matches the hand-written table', (status) => {
      expect(sorted(allowedDialogueActions({ status, kind }))).toEqual(sorted(expectedAllowed(kind, status)));
    });
  });

  it('has no way out of closed or cancelled', () => {
    for (const kind of DIALOGUE_KINDS) {
      expect(allowedDialogueActions({ status: 'closed', kind })).toEqual([]);
      expect(allowedDialogueActions({ status: 'cancelled', kind })).toEqual([]);
    }
  });
});

describe('dialogue roles', () => {
  const cells = DIALOGUE_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const));
  /** A status in which each action is allowed for a commune conference. */
  const STATUS_FOR: Record<DialogueAction, DialogueStatus> = {
    plan: 'requested',
    announce: 'planned',
    reschedule: 'planned',
    hold: 'announced',
    'publish-results': 'held',
    'start-follow-up': 'results_published',
    close: 'follow_up',
    cancel: 'requested',
    'link-petitions': 'held',
    'resolve-question': 'held',
  };
  it.each(cells)('%s by %s', (action, role) => {
    const state = stateIn(STATUS_FOR[action], 'commune_conference', { questions: action === 'close' ? [answeredQuestion] : [openQuestion] });
    const d = decideDialogue(state, validCommand(action, { userId: 'u-x', role }), NOW);
    if (EXPECTED_ROLES[action].includes(role)) expect(d.ok).toBe(true);
    else expect(expectRefused(d)).toEqual({ code: 'role-not-allowed', action, role });
  });

  it('shows board and admin no action, and desk only linking', () => {
    for (const status of DIALOGUE_STATUSES) {
      const s = stateIn(status, 'commune_conference');
      expect(availableDialogueActions(s, { userId: 'b', role: 'board' })).toEqual([]);
      expect(availableDialogueActions(s, { userId: 'a', role: 'admin' })).toEqual([]);
      expect(availableDialogueActions(s, desk)).toEqual(status === 'closed' || status === 'cancelled' ? [] : ['link-petitions']);
    }
  });
});

/** Runs a request and then commands at given instants, failing loudly on the first refusal. */
function walk(kind: DialogueKind, steps: Array<[DialogueCommand, string]>, start = '2026-02-20T02:00:00.000Z'): { state: DialogueState; log: DialogueEvent[] } {
  const opened = expectOk(
    requestDialogue(
      {
        dialogueId: 'd-w',
        kind,
        unitId: UNIT,
        requestedBy: 'plan',
        actor: desk,
        ...(kind === 'complaint_resolution' ? { complaintInstance: 2 as const, petitionIds: ['p-2'] } : {}),
      },
      new Date(start),
    ),
  );
  let state = opened.state;
  const log = [...opened.events];
  for (const [command, at] of steps) {
    const d = expectOk(decideDialogue(state, command, new Date(at)));
    state = d.state;
    log.push(...d.events);
  }
  return { state, log };
}

const plan = (scheduledAt: string): DialogueCommand => ({ action: 'plan', actor: head, scheduledAt, venue: 'Hội trường', agenda: ['Đất đai'] });
const announce: DialogueCommand = { action: 'announce', actor: head, channels: ['notice_board'] };
const hold: DialogueCommand = { action: 'hold', actor: head, minutes };

describe('G3: a commune conference is held at least 7 days after its notice (announcement day + 7 ≤ conference day)', () => {
  // Notice at 23:30 local on 01/03/2026 (16:30 UTC): it counts for 01/03.
  const announcedLate = () => walk('commune_conference', [[plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z'], [announce, '2026-03-01T16:30:00.000Z']]);

  it('records the local date of a 23:30 notice as that day', () => {
    expect(announcedLate().state).toMatchObject({ status: 'announced', announcedOn: '2026-03-01', announcedAt: '2026-03-01T16:30:00.000Z' });
  });

  it('refuses the conference 6 days after the notice, with the earliest lawful day', () => {
    const { state } = announcedLate();
    // 09:00 local on 07/03.
    const refusal = expectRefused(decideDialogue(state, hold, new Date('2026-03-07T02:00:00.000Z')));
    expect(refusal).toEqual({
      code: 'legal-gate',
      action: 'hold',
      gate: 'G3',
      messageKey: 'dialogue.notice_period_not_met',
      params: { days: 7, announcedOn: '2026-03-01', earliest: '2026-03-08', heldOn: '2026-03-07' },
    });
  });

  it('refuses the conference late on day 6 local time (23:59 on 07/03)', () => {
    expect(expectRefused(decideDialogue(announcedLate().state, hold, new Date('2026-03-07T16:59:00.000Z'))).code).toBe('legal-gate');
  });

  it('allows it 7 days after, from 00:00 local, even while the UTC date is still the 6th day', () => {
    // 06:00 local on 08/03 = 23:00 UTC on 07/03.
    expect(expectOk(decideDialogue(announcedLate().state, hold, new Date('2026-03-07T23:00:00.000Z'))).state.status).toBe('held');
    expect(expectOk(decideDialogue(announcedLate().state, hold, new Date('2026-03-08T02:00:00.000Z'))).state.status).toBe('held');
  });

  it('counts a notice at 00:30 local on 02/03 (17:30 UTC on 01/03) for 02/03', () => {
    const { state } = walk('commune_conference', [[plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z'], [announce, '2026-03-01T17:30:00.000Z']]);
    expect(state.announcedOn).toBe('2026-03-02');
    expect(expectRefused(decideDialogue(state, hold, new Date('2026-03-08T02:00:00.000Z')))).toMatchObject({ gate: 'G3', params: { earliest: '2026-03-09' } });
    expect(decideDialogue(state, hold, new Date('2026-03-09T02:00:00.000Z')).ok).toBe(true);
  });

  it('checks the recorded time of the conference, not the time the minutes are entered', () => {
    const { state } = announcedLate();
    const late = { ...hold, heldAt: '2026-03-07T02:00:00.000Z' } as DialogueCommand;
    expect(expectRefused(decideDialogue(state, late, new Date('2026-03-09T02:00:00.000Z'))).code).toBe('legal-gate');
    const onTime = { ...hold, heldAt: '2026-03-08T02:00:00.000Z' } as DialogueCommand;
    expect(expectOk(decideDialogue(state, onTime, new Date('2026-03-09T02:00:00.000Z'))).state.heldAt).toBe('2026-03-08T02:00:00.000Z');
  });

  it('refuses a conference time in the future or before the notice', () => {
    const { state } = announcedLate();
    const now = new Date('2026-03-09T02:00:00.000Z');
    expect(expectRefused(decideDialogue(state, { ...hold, heldAt: '2026-03-09T03:00:00.000Z' } as DialogueCommand, now))).toMatchObject({
      code: 'invalid-command',
      messageKey: 'dialogue.held_in_future',
    });
    const other = walk('party_head_direct', [[plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z'], [announce, '2026-03-01T16:30:00.000Z']]).state;
    expect(expectRefused(decideDialogue(other, { ...hold, heldAt: '2026-03-01T16:00:00.000Z' } as DialogueCommand, now))).toMatchObject({
      messageKey: 'dialogue.held_before_announcement',
    });
  });

  it('refuses a notice that comes too late for the planned day (announce on D−6), allows it on D−7', () => {
    // Planned for 07/03 local; 2026 is not a leap year, so D−7 is 28/02.
    const planned = walk('commune_conference', [[plan('2026-03-07T02:00:00.000Z'), '2026-02-20T02:00:00.000Z']]).state;
    expect(expectRefused(decideDialogue(planned, announce, new Date('2026-03-01T02:00:00.000Z')))).toEqual({
      code: 'legal-gate',
      action: 'announce',
      gate: 'G3',
      messageKey: 'dialogue.notice_too_short',
      params: { days: 7, scheduledOn: '2026-03-07', earliest: '2026-03-08' },
    });
    // 23:30 local on 28/02.
    expect(decideDialogue(planned, announce, new Date('2026-02-28T16:30:00.000Z')).ok).toBe(true);
  });

  it('sends a rescheduled conference back to planned, so it must be announced again and G3 counts from the new notice', () => {
    const { state } = announcedLate();
    const moved = expectOk(
      decideDialogue(state, { action: 'reschedule', actor: head, scheduledAt: '2026-03-20T02:00:00.000Z', reason: 'Mưa bão' }, new Date('2026-03-05T02:00:00.000Z')),
    ).state;
    expect(moved).toMatchObject({ status: 'planned', scheduledAt: '2026-03-20T02:00:00.000Z', venue: 'Hội trường', announcedAt: null, announcedOn: null });
    expect(expectRefused(decideDialogue(moved, hold, new Date('2026-03-09T02:00:00.000Z'))).code).toBe('transition-not-allowed');
    const again = expectOk(decideDialogue(moved, announce, new Date('2026-03-06T02:00:00.000Z'))).state;
    expect(expectRefused(decideDialogue(again, hold, new Date('2026-03-12T02:00:00.000Z'))).code).toBe('legal-gate');
    expect(decideDialogue(again, hold, new Date('2026-03-13T02:00:00.000Z')).ok).toBe(true);
  });

  it('does not gate the other kinds: held the day after notice, or without any notice', () => {
    for (const kind of ['party_head_direct', 'complaint_resolution', 'draft_decision_consultation'] as const) {
      const planned = walk(kind, [[plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z']]).state;
      expect(expectOk(decideDialogue(planned, hold, new Date('2026-02-26T02:00:00.000Z'))).effects).toEqual([]);
      const announced = expectOk(decideDialogue(planned, announce, new Date('2026-02-26T02:00:00.000Z'))).state;
      expect(decideDialogue(announced, hold, new Date('2026-02-27T02:00:00.000Z')).ok).toBe(true);
    }
  });
});

describe('G2: a request by voters needs at least 10% of the voter list', () => {
  const byVoters = (voterCount: number, registeredVoters: number, kind: DialogueKind = 'commune_conference'): DialogueDecision =>
    requestDialogue({ dialogueId: 'd-v', kind, unitId: UNIT, requestedBy: 'voters', voterCount, registeredVoters, actor: desk }, NOW);

  it.each([
    [99, 1000, false],
    [100, 1000, true],
    [123, 1234, false],
    [124, 1234, true],
    [1, 10, true],
    [0, 9, false],
    [1, 9, true],
  ])('%i of %i voters → allowed: %s', (voterCount, registeredVoters, allowed) => {
    const d = byVoters(voterCount, registeredVoters);
    expect(d.ok).toBe(allowed);
  });

  it('says how many voters are needed', () => {
    expect(expectRefused(byVoters(123, 1234))).toEqual({
      code: 'legal-gate',
      action: 'request',
      gate: 'G2',
      messageKey: 'dialogue.voter_threshold_not_met',
      params: { voterCount: 123, required: 124, registeredVoters: 1234 },
    });
  });

  it('records the counts on the request', () => {
    const { state, events } = expectOk(byVoters(124, 1234));
    expect(state).toMatchObject({ status: 'requested', requestedBy: 'voters', voterCount: 124, registeredVoters: 1234, version: 1 });
    expect(events[0]).toMatchObject({ type: 'DialogueRequested', actorId: 'u-desk', legalBasis: expect.stringContaining('Điều 43') });
  });

  it.each([
    [5, 0, 'registeredVoters'],
    [5, -3, 'registeredVoters'],
    [5, 10.5, 'registeredVoters'],
    [-1, 10, 'voterCount'],
    [2.5, 10, 'voterCount'],
    [11, 10, 'voterCount'],
  ])('refuses impossible counts (%d of %d)', (voterCount, registeredVoters, field) => {
    expect(expectRefused(byVoters(voterCount, registeredVoters))).toMatchObject({ code: 'invalid-command', field });
  });

  it('applies to the commune conference only', () => {
    expect(expectRefused(byVoters(500, 1000, 'party_head_direct'))).toMatchObject({ messageKey: 'dialogue.voters_request_commune_only' });
  });

  it.each(['front', 'plan', 'necessity'] as const)('needs no counts for a request by %s (and records none)', (requestedBy) => {
    const d = requestDialogue({ dialogueId: 'd', kind: 'commune_conference', unitId: UNIT, requestedBy, voterCount: 1, registeredVoters: 1000, actor: head }, NOW);
    expect(expectOk(d).state).toMatchObject({ voterCount: null, registeredVoters: null });
  });

  it('lets desk and head record a request, nobody else', () => {
    for (const role of ROLES) {
      const d = requestDialogue({ dialogueId: 'd', kind: 'commune_conference', unitId: UNIT, requestedBy: 'plan', actor: { userId: 'x', role } }, NOW);
      expect(d.ok).toBe(role === 'desk' || role === 'head');
    }
  });

  it('needs an instance and the complaint for a complaint-resolution dialogue, and no instance for the others', () => {
    const base = { dialogueId: 'd', unitId: UNIT, requestedBy: 'necessity' as const, actor: head };
    expect(expectRefused(requestDialogue({ ...base, kind: 'complaint_resolution', petitionIds: ['p'] }, NOW))).toMatchObject({ field: 'complaintInstance' });
    expect(expectRefused(requestDialogue({ ...base, kind: 'complaint_resolution', complaintInstance: 1, petitionIds: [' '] }, NOW))).toMatchObject({
      messageKey: 'dialogue.complaint_petition_required',
    });
    expect(expectRefused(requestDialogue({ ...base, kind: 'party_head_direct', complaintInstance: 1 }, NOW))).toMatchObject({ field: 'complaintInstance' });
    const ok = expectOk(requestDialogue({ ...base, kind: 'complaint_resolution', complaintInstance: 2, petitionIds: [' p-2 ', 'p-2'] }, NOW));
    expect(ok.state).toMatchObject({ complaintInstance: 2, petitionIds: ['p-2'] });
    expect(ok.events[0]!.legalBasis).toContain('Điều 39');
  });
});

describe('G4: results are published within 10 days of the conference (a clock, not a gate)', () => {
  // Held at 23:30 local on 08/03/2026: the period runs from 08/03 and ends on 18/03.
  const held = () =>
    walk('commune_conference', [
      [plan('2026-03-08T10:00:00.000Z'), '2026-02-25T02:00:00.000Z'],
      [announce, '2026-03-01T02:00:00.000Z'],
      [hold, '2026-03-08T16:30:00.000Z'],
    ]);
  const publish: DialogueCommand = { action: 'publish-results', actor: head, channels: ['mass_media', 'notice_board', 'hamlet_heads'], summary: 'Kết quả' };

  it('asks for a results-publication deadline when the conference is held', () => {
    const { state } = walk('commune_conference', [[plan('2026-03-08T10:00:00.000Z'), '2026-02-25T02:00:00.000Z'], [announce, '2026-03-01T02:00:00.000Z']]);
    const d = expectOk(decideDialogue(state, hold, new Date('2026-03-08T16:30:00.000Z')));
    expect(d.effects).toEqual([
      {
        type: 'start-deadline',
        dialogueId: 'd-w',
        deadline: {
          kind: 'results_publication',
          days: 10,
          unit: 'calendar_days',
          from: '2026-03-08T16:30:00.000Z',
          dueDate: '2026-03-18',
          legalBasis: expect.stringContaining('Điều 43'),
        },
      },
    ]);
  });

  it('is on time up to the end of the 10th day (23:00 local on 18/03)', () => {
    const d = expectOk(decideDialogue(held().state, publish, new Date('2026-03-18T16:00:00.000Z')));
    expect(d.state).toMatchObject({ status: 'results_published', resultsDueDate: '2026-03-18', resultsLate: false });
    expect(d.effects).toEqual([{ type: 'meet-deadline', dialogueId: 'd-w', kind: 'results_publication', late: false }]);
  });

  it('still publishes after the deadline (00:30 local on 19/03), recorded as late', () => {
    const d = expectOk(decideDialogue(held().state, publish, new Date('2026-03-18T17:30:00.000Z')));
    expect(d.events[0]).toMatchObject({ type: 'DialogueResultsPublished', dueDate: '2026-03-18', late: true });
    expect(d.effects).toEqual([{ type: 'meet-deadline', dialogueId: 'd-w', kind: 'results_publication', late: true }]);
  });

  it('sets no deadline for the other kinds', () => {
    const { state } = walk('complaint_resolution', [[plan('2026-03-08T10:00:00.000Z'), '2026-02-25T02:00:00.000Z'], [hold, '2026-03-08T16:30:00.000Z']]);
    const d = expectOk(decideDialogue(state, publish, new Date('2026-04-30T02:00:00.000Z')));
    expect(d.state).toMatchObject({ resultsDueDate: null, resultsLate: false });
    expect(d.effects).toEqual([]);
  });

  it.each([
    [{ channels: [], summary: 'x' }, 'channels'],
    [{ channels: ['carrier_pigeon'], summary: 'x' }, 'channels'],
    [{ channels: ['mass_media'], summary: '  ' }, 'summary'],
  ])('refuses an invalid publication %j', (body, field) => {
    const command = { action: 'publish-results', actor: head, ...body } as DialogueCommand;
    expect(expectRefused(decideDialogue(held().state, command, new Date('2026-03-10T02:00:00.000Z')))).toMatchObject({ code: 'invalid-command', field });
  });
});

describe('K9 / K4: dialogue in complaint resolution', () => {
  const d = (kind: DialogueKind, status: DialogueStatus, petitionIds: string[]) => ({ kind, status, petitionIds });

  it.each([
    ['requested', false],
    ['planned', false],
    ['announced', false],
    ['cancelled', false],
    ['held', true],
    ['results_published', true],
    ['follow_up', true],
    ['closed', true],
  ] as const)('a linked complaint dialogue in %s → may be decided: %s', (status, expected) => {
    expect(secondTimeComplaintMayBeDecided('p-2', [d('complaint_resolution', status, ['p-1', 'p-2'])])).toBe(expected);
  });

  it('needs the dialogue to be a complaint-resolution dialogue linked to that petition', () => {
    expect(secondTimeComplaintMayBeDecided('p-2', [])).toBe(false);
    expect(secondTimeComplaintMayBeDecided('p-2', [d('complaint_resolution', 'held', ['p-3'])])).toBe(false);
    expect(secondTimeComplaintMayBeDecided('p-2', [d('commune_conference', 'closed', ['p-2'])])).toBe(false);
    expect(secondTimeComplaintMayBeDecided('p-2', [d('complaint_resolution', 'cancelled', ['p-2']), d('complaint_resolution', 'held', ['p-2'])])).toBe(true);
  });

  it('makes the dialogue mandatory for a second-time complaint and conditional for a first-time one', () => {
    expect(complaintDialogueRequirement(2)).toBe('mandatory');
    expect(complaintDialogueRequirement(1)).toBe('conditional');
  });
});

describe('questions from the minutes', () => {
  const heldDialogue = () =>
    walk('commune_conference', [
      [plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z'],
      [announce, '2026-03-01T02:00:00.000Z'],
      [hold, '2026-03-10T02:00:00.000Z'],
    ]).state;
  const at = new Date('2026-03-11T02:00:00.000Z');
  const resolve = (questionId: string, outcome: unknown): DialogueCommand => ({ action: 'resolve-question', actor: head, questionId, outcome } as DialogueCommand);

  it('records the minutes: attendees and open questions', () => {
    const s = heldDialogue();
    expect(s.attendees).toEqual(minutes.attendees);
    expect(s.questions).toEqual([
      { id: 'q1', text: 'Khi nào sửa đường thôn 3?', askedBy: null, outcome: null, resolvedAt: null },
      { id: 'q2', text: 'Đền bù giải phóng mặt bằng', askedBy: 'Ông C', outcome: null, resolvedAt: null },
    ]);
  });

  it('answers a question with no effect', () => {
    const d = expectOk(decideDialogue(heldDialogue(), resolve('q1', { kind: 'answered', answer: ' Quý I/2027 ' }), at));
    expect(d.state.questions[0]).toMatchObject({ outcome: { kind: 'answered', answer: 'Quý I/2027' }, resolvedAt: at.toISOString() });
    expect(d.effects).toEqual([]);
  });

  it('turns a question into a petition on the dialogue channel and links it', () => {
    const d = expectOk(decideDialogue(heldDialogue(), resolve('q2', { kind: 'to_petition', petitionId: 'p-new', petitionKind: 'recommendation' }), at));
    expect(d.effects).toEqual([
      {
        type: 'open-petition-from-question',
        dialogueId: 'd-w',
        questionId: 'q2',
        petitionId: 'p-new',
        petitionKind: 'recommendation',
        channel: 'dialogue',
        receivingUnitId: UNIT,
        text: 'Đền bù giải phóng mặt bằng',
      },
    ]);
    expect(d.state.petitionIds).toEqual(['p-new']);
  });

  it('turns a question into a commitment, due date by policy unless given', () => {
    const d = expectOk(decideDialogue(heldDialogue(), resolve('q1', { kind: 'to_commitment', commitmentId: 'c-1', title: 'Sửa đường thôn 3', ownerUnitId: 'unit-infra' }), at));
    expect(d.effects).toEqual([
      { type: 'create-commitment', dialogueId: 'd-w', questionId: 'q1', commitmentId: 'c-1', title: 'Sửa đường thôn 3', ownerUnitId: 'unit-infra', ownerPerson: null, dueDate: null },
    ]);
    const given = expectOk(
      decideDialogue(heldDialogue(), resolve('q1', { kind: 'to_commitment', commitmentId: 'c-1', title: 'T', ownerUnitId: 'u', ownerPerson: 'Ông D', dueDate: '2026-05-01' }), at),
    );
    expect(given.effects[0]).toMatchObject({ ownerPerson: 'Ông D', dueDate: '2026-05-01' });
  });

  it('resolves each question once, and only known questions', () => {
    const once = expectOk(decideDialogue(heldDialogue(), resolve('q1', { kind: 'answered', answer: 'A' }), at)).state;
    expect(expectRefused(decideDialogue(once, resolve('q1', { kind: 'answered', answer: 'B' }), at))).toMatchObject({
      messageKey: 'dialogue.question_already_resolved',
      params: { questionId: 'q1' },
    });
    expect(expectRefused(decideDialogue(once, resolve('q9', { kind: 'answered', answer: 'B' }), at))).toMatchObject({ messageKey: 'dialogue.question_unknown' });
  });

  it.each([
    [{ kind: 'answered', answer: ' ' }, 'outcome.answer'],
    [{ kind: 'to_petition', petitionId: '', petitionKind: 'complaint' }, 'outcome.petitionId'],
    [{ kind: 'to_petition', petitionId: 'p', petitionKind: 'gossip' }, 'outcome.petitionKind'],
    [{ kind: 'to_commitment', commitmentId: 'c', title: '', ownerUnitId: 'u' }, 'outcome.title'],
    [{ kind: 'to_commitment', commitmentId: 'c', title: 't', ownerUnitId: ' ' }, 'outcome.ownerUnitId'],
    [{ kind: 'to_commitment', commitmentId: 'c', title: 't', ownerUnitId: 'u', dueDate: '2026-02-30' }, 'outcome.dueDate'],
    [{ kind: 'to_commitment', commitmentId: 'c', title: 't', ownerUnitId: 'u', dueDate: '2026-03-10' }, 'outcome.dueDate'],
    [{ kind: 'maybe' }, 'outcome.kind'],
  ])('refuses the outcome %j', (outcome, field) => {
    expect(expectRefused(decideDialogue(heldDialogue(), resolve('q1', outcome), at))).toMatchObject({ code: 'invalid-command', field });
  });

  it('refuses duplicate or blank question ids and blank texts in the minutes', () => {
    const { state } = walk('party_head_direct', [[plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z']]);
    const withQuestions = (questions: unknown): DialogueCommand => ({ action: 'hold', actor: head, minutes: { ...minutes, questions } } as DialogueCommand);
    expect(expectRefused(decideDialogue(state, withQuestions([{ id: 'a', text: 'x' }, { id: ' a ', text: 'y' }]), at))).toMatchObject({
      messageKey: 'dialogue.question_id_duplicate',
    });
    expect(expectRefused(decideDialogue(state, withQuestions([{ id: ' ', text: 'x' }]), at))).toMatchObject({ field: 'minutes.questions.id' });
    expect(expectRefused(decideDialogue(state, withQuestions([{ id: 'a', text: '' }]), at))).toMatchObject({ field: 'minutes.questions.text' });
    const badCount = { action: 'hold', actor: head, minutes: { ...minutes, attendees: { ...minutes.attendees, citizens: -1 } } } as DialogueCommand;
    expect(expectRefused(decideDialogue(state, badCount, at))).toMatchObject({ field: 'minutes.attendees.citizens' });
  });

  it('closes only once every question has ended somewhere', () => {
    const { state } = walk('party_head_direct', [[plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z'], [hold, '2026-03-10T02:00:00.000Z']]);
    const close: DialogueCommand = { action: 'close', actor: head };
    expect(expectRefused(decideDialogue(state, close, at))).toEqual({
      code: 'workflow-rule',
      action: 'close',
      rule: 'questions-resolved',
      messageKey: 'dialogue.questions_unresolved',
      params: { count: 2 },
    });
    const one = expectOk(decideDialogue(state, resolve('q1', { kind: 'answered', answer: 'A' }), at)).state;
    expect(expectRefused(decideDialogue(one, close, at))).toMatchObject({ params: { count: 1 } });
    const both = expectOk(decideDialogue(one, resolve('q2', { kind: 'to_petition', petitionId: 'p-5', petitionKind: 'complaint' }), at)).state;
    expect(expectOk(decideDialogue(both, close, at)).state).toMatchObject({ status: 'closed', closedAt: at.toISOString() });
  });

  it('closes only once no commitment is still running on time (overdue ones are carried over instead)', () => {
    const { state } = walk('party_head_direct', [[plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z'], [hold, '2026-03-10T02:00:00.000Z']]);
    const answered = [
      resolve('q1', { kind: 'answered', answer: 'A' }),
      resolve('q2', { kind: 'answered', answer: 'B' }),
    ].reduce((s, c) => expectOk(decideDialogue(s, c, at)).state, state);
    const close = (pendingCommitmentIds: string[]): DialogueCommand => ({ action: 'close', actor: head, pendingCommitmentIds });
    expect(expectRefused(decideDialogue(answered, close(['c-1', 'c-2', 'c-1', ' ']), at))).toEqual({
      code: 'workflow-rule',
      action: 'close',
      rule: 'commitments-settled',
      messageKey: 'dialogue.commitments_pending',
      params: { count: 2 },
    });
    expect(expectOk(decideDialogue(answered, close([]), at)).state.status).toBe('closed');
  });
});

describe('other command bodies', () => {
  it('links new petitions once, trimmed and without duplicates', () => {
    const s = stateIn('planned', 'commune_conference', { petitionIds: ['p-1'] });
    const d = expectOk(decideDialogue(s, { action: 'link-petitions', actor: desk, petitionIds: [' p-2 ', 'p-1', 'p-2', ''] }, NOW));
    expect(d.events[0]).toMatchObject({ type: 'DialoguePetitionsLinked', petitionIds: ['p-2'] });
    expect(d.state.petitionIds).toEqual(['p-1', 'p-2']);
    expect(expectRefused(decideDialogue(d.state, { action: 'link-petitions', actor: desk, petitionIds: ['p-1'] }, NOW))).toMatchObject({
      messageKey: 'dialogue.petitions_already_linked',
    });
    expect(expectRefused(decideDialogue(s, { action: 'link-petitions', actor: desk, petitionIds: [' '] }, NOW))).toMatchObject({ field: 'petitionIds' });
  });

  it.each([
    [{ scheduledAt: 'soon', venue: 'v', agenda: ['a'] }, 'scheduledAt'],
    [{ scheduledAt: '2026-11-23T01:59:00.000Z', venue: 'v', agenda: ['a'] }, 'scheduledAt'],
    [{ scheduledAt: '2026-12-10T01:00:00.000Z', venue: ' ', agenda: ['a'] }, 'venue'],
    [{ scheduledAt: '2026-12-10T01:00:00.000Z', venue: 'v', agenda: [' '] }, 'agenda'],
  ])('refuses the plan %j', (body, field) => {
    const command = { action: 'plan', actor: head, ...body } as DialogueCommand;
    expect(expectRefused(decideDialogue(stateIn('requested', 'commune_conference'), command, NOW))).toMatchObject({ code: 'invalid-command', field });
  });

  it('records the plan with carried-over commitments', () => {
    const command: DialogueCommand = { ...(validCommand('plan') as Extract<DialogueCommand, { action: 'plan' }>), carriedOverCommitmentIds: ['c-1', ' c-1 ', 'c-2'] };
    expect(expectOk(decideDialogue(stateIn('requested', 'commune_conference'), command, NOW)).state).toMatchObject({
      status: 'planned',
      agenda: ['Đường giao thông'],
      carriedOverCommitmentIds: ['c-1', 'c-2'],
    });
  });

  it('refuses a cancel or reschedule without a reason and an announcement without channels', () => {
    expect(expectRefused(decideDialogue(stateIn('planned', 'commune_conference'), { action: 'cancel', actor: head, reason: ' ' }, NOW))).toMatchObject({ field: 'reason' });
    const res = { action: 'reschedule', actor: head, scheduledAt: '2026-12-17T01:00:00.000Z', reason: '' } as DialogueCommand;
    expect(expectRefused(decideDialogue(stateIn('planned', 'commune_conference'), res, NOW))).toMatchObject({ field: 'reason' });
    expect(expectRefused(decideDialogue(stateIn('planned', 'commune_conference'), { action: 'announce', actor: head, channels: [] }, NOW))).toMatchObject({
      field: 'channels',
    });
  });

  it('does not mutate the state it decides on', () => {
    const s = stateIn('held', 'commune_conference');
    const snapshot = structuredClone(s);
    decideDialogue(s, validCommand('resolve-question'), NOW);
    decideDialogue(s, validCommand('publish-results'), NOW);
    expect(s).toEqual(snapshot);
  });
});

describe('request, evolve and replay', () => {
  it('walks a commune conference from request to closure and replays it exactly', () => {
    const { state, log } = walk('commune_conference', [
      [plan('2026-03-10T02:00:00.000Z'), '2026-02-25T02:00:00.000Z'],
      [announce, '2026-03-01T02:00:00.000Z'],
      [{ action: 'link-petitions', actor: desk, petitionIds: ['p-1'] }, '2026-03-02T02:00:00.000Z'],
      [hold, '2026-03-10T02:00:00.000Z'],
      [{ action: 'resolve-question', actor: head, questionId: 'q1', outcome: { kind: 'answered', answer: 'A' } }, '2026-03-11T02:00:00.000Z'],
      [validCommand('publish-results'), '2026-03-15T02:00:00.000Z'],
      [{ action: 'resolve-question', actor: head, questionId: 'q2', outcome: { kind: 'to_commitment', commitmentId: 'c-1', title: 'T', ownerUnitId: 'u' } }, '2026-03-16T02:00:00.000Z'],
      [validCommand('start-follow-up'), '2026-03-16T03:00:00.000Z'],
      [validCommand('close'), '2026-05-01T02:00:00.000Z'],
    ]);
    expect(log.map((e) => e.type)).toEqual([
      'DialogueRequested',
      'DialoguePlanned',
      'DialogueAnnounced',
      'DialoguePetitionsLinked',
      'DialogueHeld',
      'DialogueQuestionResolved',
      'DialogueResultsPublished',
      'DialogueQuestionResolved',
      'DialogueFollowUpStarted',
      'DialogueClosed',
    ]);
    expect(state).toMatchObject({ status: 'closed', version: 10, petitionIds: ['p-1'], resultsLate: false, closedAt: '2026-05-01T02:00:00.000Z' });
    expect(replayDialogue(log)).toEqual(state);
    for (const e of log) expect(e.legalBasis).toContain('Điều 43');
  });

  it('refuses a second request event, any event before the request, and an empty log', () => {
    const { log } = walk('party_head_direct', []);
    expect(() => evolveDialogue(replayDialogue(log), log[0]!)).toThrow();
    expect(() => evolveDialogue(null, { ...log[0]!, type: 'DialogueClosed', note: null } as DialogueEvent)).toThrow();
    expect(() => replayDialogue([])).toThrow();
  });
});

describe('messages', () => {
  it('has every message key the dialogue and commitment domain refuses with, in both languages', () => {
    for (const key of [
      'dialogue.transition_not_allowed',
      'dialogue.role_not_allowed',
      'dialogue.voters_request_commune_only',
      'dialogue.voter_threshold_not_met',
      'dialogue.complaint_petition_required',
      'dialogue.schedule_in_past',
      'dialogue.notice_too_short',
      'dialogue.notice_period_not_met',
      'dialogue.held_in_future',
      'dialogue.held_before_announcement',
      'dialogue.question_id_duplicate',
      'dialogue.question_unknown',
      'dialogue.question_already_resolved',
      'dialogue.questions_unresolved',
      'dialogue.commitments_pending',
      'dialogue.petitions_already_linked',
      'commitment.transition_not_allowed',
      'commitment.due_in_past',
      'commitment.evidence_required',
      'commitment.not_yet_due',
      'validation.required',
      'validation.isIn',
      'validation.isInt',
      'validation.max',
      'validation.arrayNotEmpty',
      'validation.isLocalDate',
      'validation.whitelistValidation',
    ]) {
      expect({ key, known: isMessageKey(key) }).toEqual({ key, known: true });
    }
  });

  it('renders the G2 refusal with its parameters', () => {
    expect(renderMessage('dialogue.voter_threshold_not_met', { required: 124, registeredVoters: 1234, voterCount: 123 })).toEqual({
      vi: 'Cần ít nhất 124 cử tri (10% của 1234 cử tri) yêu cầu; mới có 123.',
      en: 'At least 124 voters (10% of 1234) must request it; only 123 did.',
    });
  });
});
