import {
  type Clock,
  type ClockActDecision,
  complexityOf,
  extendClock,
  LABELS,
  meetClock,
  pauseClock,
  type PauseReason,
  type PetitionClock,
  type PetitionEvent,
  resumeClock,
} from '@app/domain';
import { clockStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { deadlineFactsOf, recordPetitionEvent } from '../petitions/petition-writer.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { clockRefusalToError, lockPetitionForDeadlineAct } from './deadline-command.js';
import { deadlineContext, replanThresholds, ruleOf } from './deadline-engine.js';

/** The legal acts on one clock (DOMAIN.md §2: suspension, LTC Art 30 extensions, LTC Art 29 notices). */
export type ClockActInput =
  | { readonly act: 'pause'; readonly reason: PauseReason; readonly note?: string | null }
  | { readonly act: 'resume' }
  | { readonly act: 'extend'; readonly reason: string; readonly decisionRef?: string | null }
  | { readonly act: 'met'; readonly reference: string };

const orNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

/**
 * Pause, resume, extend or meet a clock as one transaction: lock the petition and its clocks → the pure clock
 * decision → compare-and-set the petition's version → append the audit event (actor, legal basis) and its
 * outbox row → store the clock and re-plan its thresholds.
 */
@Injectable()
export class ClockActsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, petitionId: string, clockId: string, input: ClockActInput, expectedVersion?: number): Promise<{ version: number }> {
    return this.dataSource.transaction(async (em) => {
      const row = await lockPetitionForDeadlineAct(em, user, petitionId, expectedVersion);
      const now = this.clock.now();
      const clocks = await clockStore.forPetition(em, row.id);
      const clock = clocks.find((c) => c.id === clockId);
      if (!clock) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.clock });
      const ctx = await deadlineContext(em, deadlineFactsOf(row), now);
      const rule = ruleOf(ctx, clock);
      if (!rule) throw new AppError('conflict', 'deadline.rule_missing', { rule: clock.ruleId, version: clock.policyVersion });

      let decision: ClockActDecision;
      switch (input.act) {
        case 'pause':
          decision = pauseClock(clock, rule, input.reason, orNull(input.note), now);
          break;
        case 'resume':
          decision = resumeClock(clock, ctx.calendar, now);
          break;
        case 'extend':
          decision = extendClock(clock, rule, input.reason.trim(), orNull(input.decisionRef), ctx.calendar, now, complexityOf(ctx.flags));
          break;
        case 'met':
          decision = meetClock(clock, rule, now);
          break;
      }
      if (!decision.ok) throw clockRefusalToError(decision.refusal, rule, input.act === 'pause' ? { reason: input.reason } : {});

      const next = decision.clock;
      const version = await recordPetitionEvent(em, row, this.eventFor(input, next, { userId: user.id, role: user.role, legalBasis: rule.legalBasis, now }));
      await clockStore.save(em, [next], now);
      await replanThresholds(em, next, ctx, now);
      return { version };
    });
  }

  private eventFor(
    input: ClockActInput,
    clock: PetitionClock,
    by: { userId: string; role: CurrentUser['role']; legalBasis: string; now: Date },
  ): PetitionEvent {
    const base = {
      petitionId: clock.petitionId,
      at: by.now.toISOString(),
      actorId: by.userId,
      actorRole: by.role,
      legalBasis: by.legalBasis,
      clockId: clock.id,
      ruleId: clock.ruleId,
    };
    switch (input.act) {
      case 'pause':
        return { ...base, type: 'DeadlinePaused', reason: input.reason, note: orNull(input.note) };
      case 'resume':
        return { ...base, type: 'DeadlineResumed', dueAt: clock.dueAt };
      case 'extend': {
        const last = clock.extensions[clock.extensions.length - 1]!;
        return { ...base, type: 'DeadlineExtended', days: last.days, reason: last.reason, decisionRef: last.decisionRef, dueAt: clock.dueAt };
      }
      case 'met':
        return { ...base, type: 'DeadlineMet', reference: input.reference.trim() };
    }
  }
}
