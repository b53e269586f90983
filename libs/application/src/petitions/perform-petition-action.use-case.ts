import { type Clock, decide, LABELS, type PetitionChannel, type PetitionCommand, type Refusal } from '@app/domain';
import { petitionStore, toPetitionState, UnitEntity, UserEntity } from '@app/persistence';
import { JobName, outboxMessage } from '@app/queue';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError, invalidCommand, transitionRefused } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { FEEDBACK_LINK_KEY } from '../satisfaction/satisfaction-tokens.js';
import { followWorkflowEvents, openPetition, storePetitionChange } from './petition-writer.js';
import { visiblePetition } from './visible-petition.js';
import { assertSecondComplaintMayBeDecided } from '../dialogues/second-complaint-gate.js';

/** The command as it arrives from an adapter: the actor is added from the authenticated user. */
export type PetitionCommandInput = PetitionCommand extends infer C ? (C extends PetitionCommand ? Omit<C, 'actor'> : never) : never;

export function refusalToError(r: Refusal): AppError {
  switch (r.code) {
    case 'transition-not-allowed':
      return transitionRefused('petition.transition_not_allowed', { action: LABELS.action[r.action], status: LABELS.status[r.status] }, r.status, r.allowedActions);
    case 'role-not-allowed':
      return new AppError('forbidden', 'petition.role_not_allowed', { role: LABELS.role[r.role], action: LABELS.action[r.action] });
    case 'not-assignee':
      return new AppError('forbidden', 'petition.not_assignee');
    case 'invalid-command':
      return invalidCommand(r.field, r.messageKey);
  }
}


/**
 * Runs one workflow action as one transaction: load → pure decision → compare-and-set save → append the
 * audit events and outbox rows. Nothing is published here; the worker's relay does that after commit.
 */
@Injectable()
export class PerformPetitionActionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FEEDBACK_LINK_KEY) private readonly feedbackLinkKey: Buffer,
  ) {}

  async execute(user: CurrentUser, petitionId: string, input: PetitionCommandInput, expectedVersion?: number): Promise<void> {
    await this.dataSource.transaction((em) => this.executeIn(em, user, petitionId, input, expectedVersion));
  }

  /**
   * The same command inside the caller's transaction, for use cases that add their own rows atomically
   * (grouping, issue 4: returning an over-level petition to its commune transfers it and adds a watcher).
   */
  async executeIn(em: EntityManager, user: CurrentUser, petitionId: string, input: PetitionCommandInput, expectedVersion?: number): Promise<void> {
    // One instant for the whole command: events, new cases and clocks all carry the same time.
    const now = this.clock.now();
    const { row, owningUnit } = await visiblePetition(em, user, petitionId);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError('precondition-failed', 'petition.version_conflict', { version: row.version }, { currentVersion: row.version });
    }
    const actor = { userId: user.id, role: user.role };
    const command = (
      input.action === 'request-second-instance'
        ? { action: input.action, reason: input.reason, actor, resolutionLapsed: await this.resolutionLapsed(em, row.id, now) }
        : { ...input, actor }
    ) as PetitionCommand;
    const state = toPetitionState(row);
    const decision = decide(state, command, now);
    if (!decision.ok) throw refusalToError(decision.refusal);
    // Facts the pure domain cannot see (other rows) are checked only once the transition itself is allowed.
    await this.checkReferences(em, command, owningUnit);
    // K9 (dialogues, issue 4): a second-time complaint is decided only after a dialogue on it was held.
    if (command.action === 'resolve') await assertSecondComplaintMayBeDecided(em, row);

    const notify = decision.effects.flatMap((effect) =>
      effect.type === 'notify-assignee'
        ? [outboxMessage(JobName.NotifyAssignee, { petitionId, assigneeId: effect.assigneeId, sequence: decision.state.version })]
        : [],
    );
    if (!(await storePetitionChange(em, state.version, decision.state, decision.events, notify))) {
      const current = await petitionStore.load(em, petitionId);
      throw new AppError('conflict', 'petition.version_conflict', { version: current?.version ?? -1 }, { currentVersion: current?.version });
    }
    for (const effect of decision.effects) {
      switch (effect.type) {
        case 'notify-assignee':
          break; // announced with the events above
        case 'open-second-instance-petition': {
          // Only the citizen escalates legally: a new case at the direct superior, with its own clocks; the
          // first case keeps its history and status (DOMAIN.md §4.2).
          if (owningUnit.communeId === null || owningUnit.provinceId === null) {
            throw new AppError('unprocessable', 'petition.no_superior_unit');
          }
          await openPetition(
            em,
            {
              kind: row.kind,
              channel: (input as { channel?: PetitionChannel }).channel ?? 'in_person',
              title: row.title,
              content: row.content,
              topic: row.topic,
              location: row.location,
              receivingUnitId: owningUnit.provinceId,
              petitioner: row.petitioner,
              coPetitioners: row.coPetitioners,
              parentPetitionId: row.id,
              createdBy: user.id,
              instance: 2,
              addressedToPartyHead: false,
            },
            actor,
            now,
          );
          break;
        }
        case 'open-transferred-petition':
          // Opening the linked petition at the competent unit is part of the same transaction: a transfer
          // that commits always has its receiving case.
          await openPetition(
            em,
            {
              kind: row.kind,
              channel: 'transferred_in',
              title: row.title,
              content: row.content,
              topic: row.topic,
              location: row.location,
              receivingUnitId: effect.toUnitId,
              petitioner: row.petitioner,
              coPetitioners: row.coPetitioners,
              parentPetitionId: row.id,
              createdBy: null,
              // An anonymous letter stays anonymous where it is sent (LTC Art 25(2)).
              anonymous: row.anonymous,
            },
            null,
            now,
          );
          break;
        default: {
          const unhandled: never = effect;
          throw new Error(`Unhandled petition effect ${JSON.stringify(unhandled)}`);
        }
      }
    }
    await followWorkflowEvents(em, row, decision.state, decision.events, now, this.feedbackLinkKey);
  }

  /** Whether the petition's resolution clock has run out (breached, or past due and not yet swept). */
  private async resolutionLapsed(em: EntityManager, petitionId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM petition_clocks
        WHERE petition_id = $1 AND kind = 'resolution'
          AND (status = 'breached' OR (status = 'running' AND due_at <= $2))
        LIMIT 1`,
      [petitionId, now],
    );
    return rows.length > 0;
  }

  private async checkReferences(em: EntityManager, command: PetitionCommand, owningUnit: UnitEntity): Promise<void> {
    if (command.action === 'assign') {
      const assignee = await em.findOne(UserEntity, { where: { id: command.assigneeId } });
      const assigneeUnit = assignee ? await em.findOne(UnitEntity, { where: { id: assignee.unitId } }) : null;
      const sameJurisdiction =
        assigneeUnit !== null &&
        (owningUnit.communeId !== null
          ? assigneeUnit.communeId === owningUnit.communeId
          : assigneeUnit.provinceId === owningUnit.provinceId && assigneeUnit.communeId === null);
      if (!assignee || !assignee.active || (assignee.role !== 'handler' && assignee.role !== 'head') || !sameJurisdiction) {
        throw new AppError('unprocessable', 'petition.assignee_invalid', {}, {}, [{ field: 'assigneeId', messageKey: 'petition.assignee_invalid' }]);
      }
    }
    if (command.action === 'transfer' && command.toUnitId) {
      const target = await em.findOne(UnitEntity, { where: { id: command.toUnitId } });
      if (target === null) {
        throw new AppError('unprocessable', 'petition.unit_invalid', {}, {}, [{ field: 'toUnitId', messageKey: 'petition.unit_invalid' }]);
      }
    }
  }
}
