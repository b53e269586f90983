import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Actor } from '../petition/petition-commands.js';
import type { Role } from '../petition/roles.js';
import type { CommitmentAction, CommitmentCommand, CommitmentDecision, CommitmentEvent, CommitmentState } from './commitment.js';
import { COMMITMENT_ACTIONS, allowedCommitmentActions, createCommitment, decideCommitment, replayCommitment } from './commitment.js';
import type { DialogueAction, DialogueCommand } from './dialogue-commands.js';
import { DIALOGUE_ACTIONS } from './dialogue-commands.js';
import type { DialogueEvent } from './dialogue-events.js';
import type { DialogueKind } from './dialogue-kind.js';
import { DIALOGUE_KINDS } from './dialogue-kind.js';
import type { DialogueDecision, DialogueState } from './dialogue.js';
import { allowedDialogueActions, decideDialogue, replayDialogue, requestDialogue } from './dialogue.js';

/*
 * Property tests over random command sequences, with a fixed seed. Status lists are hand-written here.
 */
const FC_PARAMS = { seed: 20261124, numRuns: 400 } as const;
const START_MS = Date.parse('2026-03-01T02:00:00.000Z');
const HOUR = 3_600_000;

const KNOWN_DIALOGUE_STATUSES = ['requested', 'planned', 'announced', 'held', 'results_published', 'follow_up', 'closed', 'cancelled'];
const KNOWN_COMMITMENT_STATUSES = ['open', 'in_progress', 'done', 'overdue', 'transferred', 'dropped'];

/** Texts that are sometimes blank, sometimes padded, sometimes arbitrary. */
const text = fc.oneof(
  { arbitrary: fc.constantFrom('', '  '), weight: 1 },
  { arbitrary: fc.constantFrom('lý do', ' padded '), weight: 4 },
  { arbitrary: fc.string({ maxLength: 5 }), weight: 1 },
);
const role: fc.Arbitrary<Role> = fc.oneof(
  { arbitrary: fc.constant<Role>('head'), weight: 6 },
  { arbitrary: fc.constantFrom<Role>('desk', 'handler', 'board', 'admin'), weight: 2 },
);
const actor: fc.Arbitrary<Actor> = fc.record({ userId: fc.constantFrom('u1', 'u2'), role });
/** Offsets in hours from the step time, so schedules land before and after the 7-day boundary. */
const hoursAhead = fc.oneof(
  { arbitrary: fc.integer({ min: -24, max: 24 * 8 }), weight: 1 },
  { arbitrary: fc.integer({ min: 24 * 8, max: 24 * 30 }), weight: 3 },
);

const dialogueBodies = fc.record({
  scheduleIn: hoursAhead,
  badInstant: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  text,
  agenda: fc.array(text, { maxLength: 3 }),
  channels: fc.oneof(
    { arbitrary: fc.array(fc.constantFrom('notice_board', 'mass_media', 'hamlet_heads'), { minLength: 1, maxLength: 3 }), weight: 4 },
    { arbitrary: fc.array(fc.constantFrom('notice_board', 'bogus'), { maxLength: 2 }), weight: 1 },
  ),
  heldBack: fc.option(fc.integer({ min: -5, max: 72 }), { nil: undefined }),
  questionIds: fc.array(fc.constantFrom('q1', 'q2', 'q3', ' '), { maxLength: 3 }),
  questionId: fc.constantFrom('q1', 'q2', 'q3', 'qx'),
  outcome: fc.constantFrom('answered', 'to_petition', 'to_commitment', 'blank'),
  petitionIds: fc.array(fc.constantFrom('p1', 'p2', ' '), { maxLength: 3 }),
});
type DialogueBodies = typeof dialogueBodies extends fc.Arbitrary<infer B> ? B : never;

function toDialogueCommand(action: DialogueAction, who: Actor, b: DialogueBodies, now: number): DialogueCommand {
  const at = b.badInstant ? 'not-a-date' : new Date(now + b.scheduleIn * HOUR).toISOString();
  switch (action) {
    case 'plan':
      return { action, actor: who, scheduledAt: at, venue: b.text, agenda: b.agenda };
    case 'announce':
      return { action, actor: who, channels: b.channels as never };
    case 'reschedule':
      return { action, actor: who, scheduledAt: at, reason: b.text };
    case 'hold':
      return {
        action,
        actor: who,
        ...(b.heldBack === undefined ? {} : { heldAt: new Date(now - b.heldBack * HOUR).toISOString() }),
        minutes: {
          attendees: { citizens: 10, fatherlandFront: { present: true, names: [] }, unions: [], peoplesCouncil: { present: false, names: [] } },
          questions: b.questionIds.map((id) => ({ id, text: 'câu hỏi' })),
        },
      };
    case 'publish-results':
      return { action, actor: who, channels: b.channels as never, summary: b.text };
    case 'start-follow-up':
    case 'close':
      return { action, actor: who };
    case 'cancel':
      return { action, actor: who, reason: b.text };
    case 'link-petitions':
      return { action, actor: who, petitionIds: b.petitionIds };
    case 'resolve-question': {
      const outcome =
        b.outcome === 'answered'
          ? { kind: 'answered' as const, answer: 'trả lời' }
          : b.outcome === 'to_petition'
            ? { kind: 'to_petition' as const, petitionId: `p-${b.questionId}`, petitionKind: 'feedback' as const }
            : b.outcome === 'to_commitment'
              ? { kind: 'to_commitment' as const, commitmentId: `c-${b.questionId}`, title: 'việc', ownerUnitId: 'unit' }
              : { kind: 'answered' as const, answer: ' ' };
      return { action, actor: who, questionId: b.questionId, outcome };
    }
  }
}

/**
 * `random` takes any action as any actor; `steer` picks among the allowed actions as the head; `forward`
 * does the same but avoids cancel and reschedule, or the generator rarely gets past planning. This only shapes the input.
 */
const dialogueStep = fc.record({
  mode: fc.oneof(
    { arbitrary: fc.constant('random' as const), weight: 2 },
    { arbitrary: fc.constant('steer' as const), weight: 1 },
    { arbitrary: fc.constant('forward' as const), weight: 5 },
  ),
  pick: fc.nat(),
  action: fc.constantFrom(...DIALOGUE_ACTIONS),
  actor,
  bodies: dialogueBodies,
  /** Hours to the next step: sometimes minutes, sometimes more than a week. */
  gap: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 24, max: 24 * 12 })),
});
const dialogueScenario = fc.record({ kind: fc.constantFrom<DialogueKind>(...DIALOGUE_KINDS), steps: fc.array(dialogueStep, { minLength: 5, maxLength: 50 }) });

interface DialogueTrace {
  readonly states: DialogueState[];
  readonly decisions: Array<{ before: DialogueState; snapshot: DialogueState; decision: DialogueDecision }>;
  readonly log: DialogueEvent[];
}

function runDialogue(kind: DialogueKind, steps: ReadonlyArray<typeof dialogueStep extends fc.Arbitrary<infer S> ? S : never>): DialogueTrace {
  const opened = requestDialogue(
    {
      dialogueId: 'd-prop',
      kind,
      unitId: 'unit',
      requestedBy: 'plan',
      actor: { userId: 'u1', role: 'desk' },
      ...(kind === 'complaint_resolution' ? { complaintInstance: 2 as const, petitionIds: ['p0'] } : {}),
    },
    new Date(START_MS),
  );
  if (!opened.ok) throw new Error('request refused');
  let state = opened.state;
  const log = [...opened.events];
  const states = [state];
  const decisions: DialogueTrace['decisions'] = [];
  let now = START_MS;
  for (const s of steps) {
    now += s.gap * HOUR + 60_000;
    const allowed = allowedDialogueActions(state);
    const onward = allowed.filter((a) => a !== 'cancel' && a !== 'reschedule');
    const choices = s.mode === 'random' ? [] : s.mode === 'forward' && onward.length > 0 ? onward : allowed;
    const action = choices.length > 0 ? choices[s.pick % choices.length]! : s.action;
    const who = s.mode === 'random' ? s.actor : { ...s.actor, role: 'head' as const };
    const snapshot = structuredClone(state);
    const decision = decideDialogue(state, toDialogueCommand(action, who, s.bodies, now), new Date(now));
    decisions.push({ before: state, snapshot, decision });
    if (decision.ok) {
      state = decision.state;
      log.push(...decision.events);
    }
    states.push(state);
  }
  return { states, decisions, log };
}

describe('dialogue properties over random command sequences', () => {
  it('never throws and never leaves the known statuses', () => {
    fc.assert(
      fc.property(dialogueScenario, ({ kind, steps }) => {
        for (const s of runDialogue(kind, steps).states) expect(KNOWN_DIALOGUE_STATUSES).toContain(s.status);
      }),
      FC_PARAMS,
    );
  });

  it('changes nothing on a refused command (and never mutates its input)', () => {
    fc.assert(
      fc.property(dialogueScenario, ({ kind, steps }) => {
        const t = runDialogue(kind, steps);
        t.decisions.forEach(({ before, snapshot, decision }, i) => {
          expect(before).toEqual(snapshot);
          if (!decision.ok) expect(t.states[i + 1]).toBe(before);
        });
      }),
      FC_PARAMS,
    );
  });

  it('replays every prefix of the log to the state reached by deciding, with version = number of events', () => {
    fc.assert(
      fc.property(dialogueScenario, ({ kind, steps }) => {
        const t = runDialogue(kind, steps);
        const final = t.states.at(-1)!;
        expect(replayDialogue(t.log)).toEqual(final);
        expect(final.version).toBe(t.log.length);
        for (const s of t.states) expect(replayDialogue(t.log.slice(0, s.version))).toEqual(s);
        for (const { before, decision } of t.decisions) {
          if (decision.ok) {
            expect(decision.events).toHaveLength(1);
            expect(decision.state.version).toBe(before.version + 1);
          }
        }
      }),
      FC_PARAMS,
    );
  });

  it('never holds a commune conference less than 7 local days after its notice', () => {
    fc.assert(
      fc.property(dialogueScenario, ({ steps }) => {
        const t = runDialogue('commune_conference', steps);
        for (const s of t.states) {
          if (s.heldAt !== null) {
            const heldOn = new Date(Date.parse(s.heldAt) + 7 * HOUR).toISOString().slice(0, 10);
            const announcedOn = new Date(Date.parse(s.announcedAt!) + 7 * HOUR).toISOString().slice(0, 10);
            expect((Date.parse(heldOn) - Date.parse(announcedOn)) / (24 * HOUR)).toBeGreaterThanOrEqual(7);
          }
        }
      }),
      FC_PARAMS,
    );
  });

  it('closes only with every question resolved, and resolves each at most once', () => {
    fc.assert(
      fc.property(dialogueScenario, ({ kind, steps }) => {
        const t = runDialogue(kind, steps);
        for (const s of t.states) if (s.status === 'closed') for (const q of s.questions) expect(q.outcome).not.toBeNull();
        const resolved = t.log.flatMap((e) => (e.type === 'DialogueQuestionResolved' ? [e.questionId] : []));
        expect(new Set(resolved).size).toBe(resolved.length);
      }),
      FC_PARAMS,
    );
  });
});

const commitmentStep = fc.record({
  steer: fc.boolean(),
  pick: fc.nat(),
  action: fc.constantFrom(...COMMITMENT_ACTIONS),
  actor: fc.option(actor, { nil: null }),
  text,
  withEvidence: fc.boolean(),
  gap: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 24, max: 24 * 20 })),
});

function toCommitmentCommand(action: CommitmentAction, who: Actor | null, s: { text: string; withEvidence: boolean }): CommitmentCommand {
  if (action === 'mark-overdue') return { action, actor: null };
  const a = (who ?? { userId: 'u1', role: 'head' }) as Actor;
  switch (action) {
    case 'start':
      return { action, actor: a };
    case 'add-evidence':
      return { action, actor: a, evidence: { note: s.text } };
    case 'complete':
      return s.withEvidence ? { action, actor: a, evidence: { note: s.text } } : { action, actor: a };
    case 'transfer':
      return { action, actor: a, petitionId: s.text };
    case 'drop':
      return { action, actor: a, reason: s.text };
  }
}

describe('commitment properties over random command sequences', () => {
  it('never throws, stays in known statuses, ignores refusals, replays exactly and counts versions', () => {
    fc.assert(
      fc.property(fc.array(commitmentStep, { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (steps, days) => {
        const created = createCommitment({ commitmentId: 'c', dialogueId: 'd', title: 't', ownerUnitId: 'u', actor: null }, { defaultDueDays: days }, new Date(START_MS));
        if (!created.ok) throw new Error('create refused');
        let state: CommitmentState = created.state;
        const log: CommitmentEvent[] = [...created.events];
        let now = START_MS;
        for (const s of steps) {
          now += s.gap * HOUR;
          const allowed = allowedCommitmentActions(state);
          const action = s.steer && allowed.length > 0 ? allowed[s.pick % allowed.length]! : s.action;
          const snapshot = structuredClone(state);
          const d: CommitmentDecision = decideCommitment(state, toCommitmentCommand(action, s.actor, s), new Date(now));
          expect(state).toEqual(snapshot);
          if (d.ok) {
            expect(d.state.version).toBe(state.version + 1);
            state = d.state;
            log.push(...d.events);
          }
          expect(KNOWN_COMMITMENT_STATUSES).toContain(state.status);
          if (state.status === 'done') expect(state.evidence.length).toBeGreaterThan(0);
        }
        expect(state.version).toBe(log.length);
        expect(replayCommitment(log)).toEqual(state);
      }),
      FC_PARAMS,
    );
  });
});
