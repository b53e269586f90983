import { applyFlags, type CaseFlagsChanged, type Clock, OPEN_CLOCK_STATUSES, type PetitionClock } from '@app/domain';
import { clockStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { deadlineFactsOf, recordPetitionEvent } from '../petitions/petition-writer.js';
import { CLOCK } from '../shared/clock.provider.js';
import { lockPetitionForDeadlineAct } from './deadline-command.js';
import { deadlineContext, replanThresholds, ruleOf } from './deadline-engine.js';

export interface CaseFlagsInput {
  readonly complex?: boolean;
  /** LTC Art 30(3): two extensions. Setting it sets `complex`; clearing `complex` clears it. */
  readonly particularlyComplex?: boolean;
  readonly prolonged?: boolean;
  readonly reason: string;
}

/**
 * The head records a case as complex (longer statutory periods: LKN Art 28, 37; LTC Art 30) and/or prolonged
 * (earlier escalation: DOMAIN.md §4.4). One transaction: the petition's flags and version, the CaseFlagsChanged
 * event, each open clock's new variant (recorded on the clock), and every open clock's thresholds re-planned.
 * Setting the flags to what they already are changes nothing and records nothing.
 */
@Injectable()
export class SetCaseFlagsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, petitionId: string, input: CaseFlagsInput, expectedVersion?: number): Promise<{ version: number; changed: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const row = await lockPetitionForDeadlineAct(em, user, petitionId, expectedVersion);
      // A particularly complex case is a complex one (LTC Art 30(3) builds on 30(2)); a case no longer complex is
      // not particularly complex either.
      const particularlyComplex = input.complex === false ? false : (input.particularlyComplex ?? row.particularlyComplex);
      const complex = particularlyComplex ? true : (input.complex ?? row.complex);
      const prolonged = input.prolonged ?? row.prolonged;
      if (complex === row.complex && particularlyComplex === row.particularlyComplex && prolonged === row.prolonged) {
        return { version: row.version, changed: false };
      }

      const now = this.clock.now();
      const reason = input.reason.trim();
      const ctx = await deadlineContext(em, { ...deadlineFactsOf(row), complex, particularlyComplex, prolonged }, now);
      const open = (await clockStore.forPetition(em, row.id)).filter((c) => OPEN_CLOCK_STATUSES.includes(c.status));
      const next: PetitionClock[] = [];
      const changed: PetitionClock[] = [];
      for (const c of open) {
        const rule = ruleOf(ctx, c);
        const n = rule ? applyFlags(c, rule, ctx.flags, reason, ctx.calendar, now) : c;
        next.push(n);
        if (n !== c) changed.push(n);
      }

      const bases = [...new Set(changed.map((c) => c.legalBasis))];
      const event: CaseFlagsChanged = {
        type: 'CaseFlagsChanged',
        petitionId: row.id,
        at: now.toISOString(),
        actorId: user.id,
        actorRole: user.role,
        legalBasis: bases.length > 0 ? bases.join('; ') : null,
        complex,
        ...(particularlyComplex || row.particularlyComplex ? { particularlyComplex } : {}),
        prolonged,
        reason,
      };
      const version = await recordPetitionEvent(em, row, event);
      await em.query(`UPDATE petitions SET complex = $2, prolonged = $3, particularly_complex = $4 WHERE id = $1`, [row.id, complex, prolonged, particularlyComplex]);
      await clockStore.save(em, changed, now);
      // Every open clock: a variant may not have changed while the escalation rung did (prolonged, complex).
      for (const c of next) await replanThresholds(em, c, ctx, now);
      return { version, changed: true };
    });
  }
}
