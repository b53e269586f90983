import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Actor, FilingReason, PetitionAction, PetitionCommand, SecondInstanceFacts } from './petition-commands.js';
import { FILING_REASONS, PETITION_ACTIONS } from './petition-commands.js';
import type { PetitionEvent } from './petition-events.js';
import type { PetitionKind } from './petition-kind.js';
import { PETITION_CHANNELS, PETITION_KINDS } from './petition-kind.js';
import type { PetitionStatus } from './petition-status.js';
import { PETITION_STATUSES } from './petition-status.js';
import type { Decision, PetitionState } from './petition.js';
import { allowedActions, availableActions, decide, receive, replay, secondInstanceCondition } from './petition.js';
import type { Role } from './roles.js';

/*
 * Property tests over random command sequences. A fixed seed keeps runs reproducible; to explore further,
 * change the seed locally. The invariants use hand-written status lists, not the code's own constants.
 */
const FC_PARAMS = { seed: 20261123, numRuns: 400 } as const;

const UNIT = 'unit-own';
const USERS = ['u1', 'u2', 'u3'] as const;
const START_MS = Date.parse('2026-11-23T02:00:00.000Z');

const TERMINAL: readonly PetitionStatus[] = ['rejected', 'transferred', 'guided', 'filed', 'withdrawn'];
const RESOLVED: readonly PetitionStatus[] = ['decided', 'concluded', 'answered'];
const RESOLUTION_KINDS: Partial<Record<PetitionStatus, readonly PetitionKind[]>> = {
  decided: ['complaint'],
  concluded: ['denunciation'],
  answered: ['recommendation', 'feedback'],
};

/** Texts that are sometimes blank, sometimes padded, sometimes arbitrary. */
const text = fc.oneof(
  { arbitrary: fc.constantFrom('', '   ', '\t'), weight: 1 },
  { arbitrary: fc.constantFrom('lý do', '  padded  '), weight: 2 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 2 },
);
const optionalText = fc.option(text, { nil: undefined });
/** Unit ids include the owning unit so that transfer-to-self is exercised. */
const unitId = fc.option(fc.constantFrom(UNIT, ` ${UNIT} `, 'unit-b', 'unit-c', '', ' '), { nil: undefined });

const role: fc.Arbitrary<Role> = fc.oneof(
  { arbitrary: fc.constant<Role>('head'), weight: 6 },
  { arbitrary: fc.constantFrom<Role>('desk', 'handler'), weight: 3 },
  { arbitrary: fc.constantFrom<Role>('board', 'admin'), weight: 1 },
);
const actor: fc.Arbitrary<Actor> = fc.record({ userId: fc.constantFrom(...USERS), role });

/** All body fields any command could need; `toCommand` takes what its action uses. */
const bodies = fc.record({
  note: optionalText,
  reason: text,
  optionalReason: optionalText,
  legalBasis: optionalText,
  toUnitId: unitId,
  toBodyName: optionalText,
  guidance: text,
  filingReason: fc.constantFrom<FilingReason>(...FILING_REASONS),
  assigneeId: fc.constantFrom<string>(...USERS, '', ' '),
  summary: text,
  decisionNumber: optionalText,
  resolutionLapsed: fc.boolean(),
});
type Bodies = typeof bodies extends fc.Arbitrary<infer B> ? B : never;

function toCommand(action: PetitionAction, who: Actor, b: Bodies): PetitionCommand {
  switch (action) {
    case 'accept':
    case 'start-verification':
    case 'close':
      return { action, actor: who, note: b.note };
    case 'reject':
      return { action, actor: who, reason: b.reason, legalBasis: b.legalBasis };
    case 'transfer':
      return { action, actor: who, toUnitId: b.toUnitId, toBodyName: b.toBodyName, reason: b.reason };
    case 'guide':
      return { action, actor: who, guidance: b.guidance };
    case 'file':
      return { action, actor: who, reason: b.filingReason, note: b.note };
    case 'assign':
      return { action, actor: who, assigneeId: b.assigneeId, note: b.note };
    case 'report-verification':
      return { action, actor: who, findings: b.summary, peopleMet: [b.reason], documentsSeen: [], proposedConclusion: b.reason };
    case 'resolve':
      return { action, actor: who, summary: b.summary, decisionNumber: b.decisionNumber, legalBasis: b.legalBasis };
    case 'withdraw':
      return { action, actor: who, reason: b.optionalReason };
    case 'reopen':
      return { action, actor: who, reason: b.reason };
    case 'request-second-instance':
      return { action, actor: who, reason: b.reason, resolutionLapsed: b.resolutionLapsed };
  }
}

/**
 * One step. In `random` mode the action and actor are uniformly random. `steer` picks among the actions the
 * status allows, and `forward` among those that keep the case open, both usually as the head; without
 * them the generator rarely gets past intake. This only shapes the input: no assertion depends on it.
 */
const step = fc.record({
  mode: fc.oneof(
    { arbitrary: fc.constant('random' as const), weight: 2 },
    { arbitrary: fc.constant('steer' as const), weight: 1 },
    { arbitrary: fc.constant('forward' as const), weight: 4 },
  ),
  keepActor: fc.boolean(),
  pick: fc.nat(),
  action: fc.constantFrom(...PETITION_ACTIONS),
  actor,
  bodies,
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const scenario = fc.record({
  kind: fc.constantFrom(...PETITION_KINDS),
  channel: fc.constantFrom(...PETITION_CHANNELS),
  steps: fc.array(step, { maxLength: 60 }),
});

interface Trace {
  readonly initial: PetitionState;
  /** State after each step (refused steps repeat the previous state). */
  readonly states: PetitionState[];
  readonly decisions: Array<{ before: PetitionState; command: PetitionCommand; decision: Decision; snapshot: PetitionState }>;
  readonly log: PetitionEvent[];
}

function run(kind: PetitionKind, channel: (typeof PETITION_CHANNELS)[number], steps: readonly Step[]): Trace {
  const opened = receive(
    { petitionId: 'p-prop', kind, channel, receivingUnitId: UNIT, trackingCode: 'ABCD-EFGH-JKMN', actor: { userId: 'u1', role: 'desk' } },
    new Date(START_MS),
  );
  let state = opened.state;
  const log = [...opened.events];
  const states: PetitionState[] = [];
  const decisions: Trace['decisions'] = [];
  steps.forEach((s, i) => {
    const allowed = allowedActions(state);
    const onward = allowed.filter((a) => !ENDING_ACTIONS.includes(a));
    const choices = s.mode === 'random' ? [] : s.mode === 'forward' && onward.length > 0 ? onward : allowed;
    const action = choices.length > 0 ? choices[s.pick % choices.length]! : s.action;
    const who: Actor = s.mode === 'random' || s.keepActor ? s.actor : { userId: s.actor.userId, role: 'head' };
    const command = toCommand(action, who, s.bodies);
    const snapshot = structuredClone(state);
    const decision = decide(state, command, new Date(START_MS + (i + 1) * 60_000));
    decisions.push({ before: state, command, decision, snapshot });
    if (decision.ok) {
      state = decision.state;
      log.push(...decision.events);
    }
    states.push(state);
  });
  return { initial: opened.state, states, decisions, log };
}

/** Actions that end the case at this unit; `forward` steps avoid them. */
const ENDING_ACTIONS: readonly PetitionAction[] = ['reject', 'transfer', 'guide', 'file', 'withdraw'];

const everyState = (t: Trace): PetitionState[] => [t.initial, ...t.states];

describe('petition properties over random command sequences', () => {
  it('never throws and never leaves the known statuses', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        const t = run(kind, channel, steps);
        for (const s of everyState(t)) expect(PETITION_STATUSES).toContain(s.status);
      }),
      FC_PARAMS,
    );
  });

  it('does not mutate the state it decides on, so a refused command changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        const t = run(kind, channel, steps);
        for (const { before, snapshot } of t.decisions) expect(before).toEqual(snapshot);
      }),
      FC_PARAMS,
    );
  });

  it('replaying the event log rebuilds exactly the state reached by deciding, at every step', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        const t = run(kind, channel, steps);
        expect(replay(t.log)).toEqual(t.states.at(-1) ?? t.initial);
        // Every prefix of the log too: each committed version is reconstructible.
        for (const s of everyState(t)) expect(replay(t.log.slice(0, s.version))).toEqual(s);
      }),
      FC_PARAMS,
    );
  });

  it('keeps version equal to the number of events', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        const t = run(kind, channel, steps);
        const final = t.states.at(-1) ?? t.initial;
        expect(final.version).toBe(t.log.length);
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

  it('sets closedAt exactly in terminal statuses and closed, resolvedAt exactly when resolved or closed', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        for (const s of everyState(run(kind, channel, steps))) {
          expect(s.closedAt !== null).toBe(TERMINAL.includes(s.status) || s.status === 'closed');
          expect(s.resolvedAt !== null).toBe(RESOLVED.includes(s.status) || s.status === 'closed');
        }
      }),
      FC_PARAMS,
    );
  });

  it('keeps kind-specific facts: resolution status matches the kind, only feedback kinds reopen', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        const t = run(kind, channel, steps);
        for (const s of everyState(t)) {
          const kinds = RESOLUTION_KINDS[s.status];
          if (kinds) expect(kinds).toContain(s.kind);
          if (kind === 'complaint' || kind === 'denunciation') {
            expect(s.reopenCount).toBe(0);
            expect(s.status).not.toBe('reopened');
          }
          if (kind === 'complaint') expect(s.status).not.toBe('transferred');
          if (kind === 'denunciation') expect(s.status).not.toBe('guided');
          // Work statuses always have somebody on the case.
          if (s.status === 'assigned' || s.status === 'verifying') expect(s.assigneeId).not.toBeNull();
          // Identity and ownership never change within one unit's workflow.
          expect(s).toMatchObject({ id: 'p-prop', kind, channel, owningUnitId: UNIT, receivingUnitId: UNIT, escalationLevel: 0 });
        }
        const final = t.states.at(-1) ?? t.initial;
        expect(final.reopenCount).toBe(t.log.filter((e) => e.type === 'PetitionReopened').length);
      }),
      FC_PARAMS,
    );
  });

  it('complaints and denunciations are verified before they are resolved', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        const t = run(kind, channel, steps);
        if (kind !== 'complaint' && kind !== 'denunciation') return;
        const types = t.log.map((e) => e.type);
        const resolvedAt = types.indexOf('PetitionResolved');
        if (resolvedAt >= 0) expect(types.slice(0, resolvedAt)).toContain('VerificationStarted');
      }),
      FC_PARAMS,
    );
  });

  it('agrees with availableActions: an action the actor may take fails only on its body', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        for (const { before, command, decision } of run(kind, channel, steps).decisions) {
          // The facts a second instance depends on are the ones the command carries.
          const facts = command.action === 'request-second-instance' ? command : undefined;
          const available = availableActions(before, command.actor, facts).includes(command.action);
          if (available) {
            if (!decision.ok) expect(decision.refusal.code).toBe('invalid-command');
          } else {
            expect(decision.ok).toBe(false);
            if (!decision.ok && command.action !== 'request-second-instance') {
              expect(['role-not-allowed', 'transition-not-allowed', 'not-assignee']).toContain(decision.refusal.code);
            }
            // A second instance the table allows may still be withheld by a condition on the case (no third
            // instance, deadline not yet lapsed): refused on that fact, with the same refusal the guard gives.
            if (!decision.ok && command.action === 'request-second-instance' && !['role-not-allowed', 'transition-not-allowed'].includes(decision.refusal.code)) {
              expect(decision.refusal).toEqual(secondInstanceCondition(before, command));
            }
          }
          // board and admin never change anything.
          if (command.actor.role === 'board' || command.actor.role === 'admin') expect(decision.ok).toBe(false);
        }
      }),
      FC_PARAMS,
    );
  });

  it('emits events that describe who did what, when, and the effects that must follow', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        run(kind, channel, steps).decisions.forEach(({ before, command, decision }, i) => {
          if (!decision.ok) return;
          const event = decision.events[0]!;
          expect(event).toMatchObject({
            petitionId: before.id,
            at: new Date(START_MS + (i + 1) * 60_000).toISOString(),
            actorId: command.actor.userId,
            actorRole: command.actor.role,
          });
          expect(decision.state.updatedAt).toBe(event.at);
          if (command.action === 'assign') {
            expect(decision.effects).toEqual([{ type: 'notify-assignee', petitionId: before.id, assigneeId: command.assigneeId }]);
            expect(decision.state.assigneeId).toBe(command.assigneeId);
          } else if (command.action === 'transfer' && command.toUnitId !== undefined && command.toUnitId.trim() !== '') {
            expect(decision.effects).toEqual([{ type: 'open-transferred-petition', petitionId: before.id, toUnitId: command.toUnitId.trim() }]);
            expect(command.toUnitId.trim()).not.toBe(UNIT);
          } else if (command.action === 'request-second-instance') {
            expect(decision.effects).toEqual([{ type: 'open-second-instance-petition', petitionId: before.id }]);
            expect(decision.state.status).toBe(before.status);
          } else {
            expect(decision.effects).toEqual([]);
          }
        });
      }),
      FC_PARAMS,
    );
  });

  it('offers exactly what it accepts: every offered action, with a valid body, is never refused', () => {
    const facts = fc.record({
      resolutionLapsed: fc.boolean(),
      existingSecondInstance: fc.option(fc.constant({ petitionId: 'p-2', trackingCode: 'AAAA-BBBB-CCCC' }), { nil: undefined }),
      secondComplaintWindow: fc.option(
        fc.record({ open: fc.boolean(), lastDay: fc.constant('2026-12-23'), legalBasis: fc.constant('Luật Khiếu nại 2011 Điều 33') }),
        { nil: undefined },
      ),
    });
    const validBody = (action: PetitionAction, s: PetitionState, who: Actor, f: SecondInstanceFacts): PetitionCommand => {
      switch (action) {
        case 'accept':
        case 'start-verification':
        case 'close':
        case 'withdraw':
          return { action, actor: who };
        case 'reject':
        case 'reopen':
          return { action, actor: who, reason: 'lý do' };
        case 'transfer':
          return { action, actor: who, toUnitId: 'unit-b', reason: 'lý do' };
        case 'guide':
          return { action, actor: who, guidance: 'nộp tại UBND tỉnh' };
        case 'report-verification':
          return { action, actor: who, findings: 'kết quả', proposedConclusion: 'đề xuất' };
        case 'file':
          return { action, actor: who, reason: 'duplicate' };
        case 'assign':
          return { action, actor: who, assigneeId: USERS.find((u) => u !== s.assigneeId)! };
        case 'resolve':
          return { action, actor: who, summary: 'Giữ nguyên quyết định' };
        case 'request-second-instance':
          return { action, actor: who, reason: 'Không đồng ý', ...f };
      }
    };
    let offered = 0;
    fc.assert(
      fc.property(scenario, fc.array(fc.tuple(actor, facts), { minLength: 1, maxLength: 4 }), fc.constantFrom<1 | 2>(1, 2), ({ kind, channel, steps }, probes, instance) => {
        for (const base of everyState(run(kind, channel, steps))) {
          const s = { ...base, instance };
          for (const [who, f] of probes) {
            for (const action of availableActions(s, who, f)) {
              offered += 1;
              const d = decide(s, validBody(action, s, who, f), new Date(START_MS + 3_600_000));
              if (!d.ok) throw new Error(`${action} offered to ${who.role} in ${s.status} (${kind}) but refused: ${JSON.stringify(d.refusal)}`);
            }
          }
        }
      }),
      { ...FC_PARAMS, numRuns: 200 },
    );
    expect(offered).toBeGreaterThan(1000);
  });

  it('never offers a second instance twice, nor after the K6 window closed', () => {
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        for (const s of everyState(run(kind, channel, steps))) {
          const head: Actor = { userId: 'u1', role: 'head' };
          const linked = { resolutionLapsed: true, existingSecondInstance: { petitionId: 'p-2', trackingCode: 'AAAA-BBBB-CCCC' } };
          expect(availableActions(s, head, linked)).not.toContain('request-second-instance');
          const closed = { resolutionLapsed: true, secondComplaintWindow: { open: false, lastDay: '2026-12-23', legalBasis: 'LKN Art 33' } };
          if (kind === 'complaint' && !['received', 'accepted', 'assigned', 'verifying', 'reopened'].includes(s.status)) {
            expect(availableActions(s, head, closed)).not.toContain('request-second-instance');
          }
        }
      }),
      FC_PARAMS,
    );
  });

  it('reaches every status for some kind (the generator explores the whole machine)', () => {
    // Guards the properties above against a generator that never gets past intake.
    const seen = new Set<PetitionStatus>();
    fc.assert(
      fc.property(scenario, ({ kind, channel, steps }) => {
        for (const s of everyState(run(kind, channel, steps))) seen.add(s.status);
      }),
      FC_PARAMS,
    );
    expect([...seen].sort()).toEqual([...PETITION_STATUSES].sort());
  });
});
