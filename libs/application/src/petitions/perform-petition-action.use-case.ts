import {
  type Clock,
  decide,
  DEFAULT_OUTSIDE_SECOND_INSTANCE,
  foldForSearch,
  formatLocalDate,
  isLocalDate,
  isMessageKey,
  LABELS,
  outsideSecondInstanceOf,
  type PetitionChannel,
  type PetitionCommand,
  policyInForce,
  type Refusal,
  type SecondInstanceFacts,
  toLocalDate,
} from '@app/domain';
import { type PetitionEntity, petitionStore, toPetitionState, UnitEntity, UserEntity } from '@app/persistence';
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
import { loadPolicies } from '../deadlines/deadline-sources.js';
import { complaintPathFacts } from './complaint-facts.js';

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
    case 'condition-not-met':
      // Dates go into the text as people write them (23/12/2026); the extensions keep them ISO.
      return new AppError('conflict', isMessageKey(r.messageKey) ? r.messageKey : 'error.validation', Object.fromEntries(Object.entries(r.params ?? {}).map(([k, v]) => [k, isLocalDate(v) ? formatLocalDate(v) : v])), {
        ...(r.legalBasis !== undefined ? { legalBasis: r.legalBasis } : {}),
        ...r.details,
      });
  }
}


/**
 * The direct superior in the system for a second instance: a commune's units go to the province (inferred after
 * the 2025 reform: the district level is gone); a province-level department to the provincial chair (LKN Art
 * 21). A province itself has none in the system (null).
 */
export function superiorUnitOf(unit: Pick<UnitEntity, 'id' | 'level' | 'communeId' | 'provinceId'>): string | null {
  if (unit.provinceId === null || unit.provinceId === unit.id || unit.level === 'province') return null;
  return unit.provinceId;
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
        ? {
            action: input.action,
            reason: input.reason,
            actor,
            ...(await this.secondInstanceFacts(em, row, now)),
            superiorOutside: await this.superiorOutside(em, row, owningUnit, now),
          }
        : input.action === 'accept'
          ? { ...input, actor, filingLimitExceeded: await this.filingLimitExceeded(em, row.id) }
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
          const superiorId = superiorUnitOf(owningUnit);
          if (superiorId === null) throw new AppError('unprocessable', 'petition.no_superior_unit');
          await openPetition(
            em,
            {
              kind: row.kind,
              channel: (input as { channel?: PetitionChannel }).channel ?? 'in_person',
              title: row.title,
              content: row.content,
              topic: row.topic,
              location: row.location,
              receivingUnitId: superiorId,
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

  /**
   * Above a provincial chair the second instance is the minister of the sector, outside the system (LKN Art 21,
   * 25): the complainant is guided to the body the policy names for the petition's topic, and no case opens.
   */
  private async superiorOutside(em: EntityManager, row: PetitionEntity, owningUnit: UnitEntity, now: Date): Promise<SecondInstanceFacts['superiorOutside']> {
    if (superiorUnitOf(owningUnit) !== null) return null;
    const policy = policyInForce(await loadPolicies(em), toLocalDate(now));
    const outside = policy ? outsideSecondInstanceOf(policy) : DEFAULT_OUTSIDE_SECOND_INSTANCE;
    const text = foldForSearch(`${row.topic ?? ''} ${row.title}`);
    const body = outside.bySector.find((b) => b.keywords.some((k) => text.includes(foldForSearch(k)))) ?? outside.fallback;
    return { name: body.name, address: body.address, legalBasis: body.legalBasis, verification: body.verification };
  }

  /** K1: whether intake found the complaint past the filing limit (recorded on its PetitionReceived event). */
  private async filingLimitExceeded(em: EntityManager, petitionId: string): Promise<boolean> {
    const first = (await petitionStore.events(em, petitionId))[0]?.payload;
    return first?.type === 'PetitionReceived' && first.filingLimit?.exceeded === true;
  }

  /** The facts the second-instance conditions depend on (the same the petition view offers actions on). */
  private async secondInstanceFacts(em: EntityManager, row: PetitionEntity, now: Date): Promise<SecondInstanceFacts> {
    const events = (await petitionStore.events(em, row.id)).map((e) => e.payload);
    return (await complaintPathFacts(em, row, events, now)).secondInstance;
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
