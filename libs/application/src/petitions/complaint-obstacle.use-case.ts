import { type Clock, type ComplaintObstacleReason, type ComplaintObstacleRecorded, LABELS, type LocalDate, toLocalDate } from '@app/domain';
import { petitionStore } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError, invalidCommand } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { complaintPathFacts, type ComplaintPathFacts } from './complaint-facts.js';
import { recordPetitionEvent } from './petition-writer.js';
import { visiblePetition } from './visible-petition.js';

export interface ComplaintObstacleInput {
  readonly fromDay: LocalDate;
  readonly toDay: LocalDate;
  readonly reason: ComplaintObstacleReason;
  readonly note: string | null;
}

/**
 * The desk or the head records a period in which the complainant could not act (LKN Art 9, Art 33): an event on
 * the trail, whose days the complainant's windows do not count. One transaction; the petition row is locked.
 */
@Injectable()
export class RecordComplaintObstacleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, petitionId: string, input: ComplaintObstacleInput): Promise<{ version: number; facts: ComplaintPathFacts }> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      await petitionStore.lockForUpdate(em, petitionId);
      const { row } = await visiblePetition(em, user, petitionId);
      if (user.role !== 'desk' && user.role !== 'head') {
        throw new AppError('forbidden', 'petition.role_not_allowed', { role: LABELS.role[user.role], action: LABELS.action['request-second-instance'] });
      }
      if (row.kind !== 'complaint') throw invalidCommand('reason', 'petition.obstacle_kind');
      if (input.toDay < input.fromDay || input.toDay > toLocalDate(now)) throw invalidCommand('toDay', 'petition.obstacle_range');
      const event: ComplaintObstacleRecorded = {
        type: 'ComplaintObstacleRecorded',
        petitionId: row.id,
        at: now.toISOString(),
        actorId: user.id,
        actorRole: user.role,
        legalBasis: 'Luật Khiếu nại 2011 Điều 9, Điều 33',
        fromDay: input.fromDay,
        toDay: input.toDay,
        reason: input.reason,
        note: input.note?.trim() || null,
      };
      const version = await recordPetitionEvent(em, row, event);
      const events = (await petitionStore.events(em, row.id)).map((e) => e.payload);
      return { version, facts: await complaintPathFacts(em, { ...row, version }, events, now) };
    });
  }
}
