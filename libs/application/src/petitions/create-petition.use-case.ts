import {
  type Clock,
  complaintPeriodsOf,
  DEFAULT_COMPLAINT_PERIODS,
  filingLimitCheck,
  LABELS,
  type LocalDate,
  type PetitionChannel,
  type PetitionKind,
  policyInForce,
  toLocalDate,
} from '@app/domain';
import { type PersonRecord, UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError, invalidCommand } from '../shared/app-error.js';
import { loadPolicies } from '../deadlines/deadline-sources.js';
import { CLOCK } from '../shared/clock.provider.js';
import { withIdempotencyKey } from '../shared/idempotency.js';
import { recordIntakeGrouping } from '../grouping/intake-grouping.js';
import type { RepresentativeInput } from '../grouping/representatives.use-case.js';
import { type NewPetition, openPetition } from './petition-writer.js';
import { checkedArrivalDay } from './received-on.js';

export interface CreatePetitionInput {
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly title: string;
  readonly content: string;
  readonly receivingUnitId: string;
  /** Absent only for an anonymous denunciation. */
  readonly petitioner?: PersonRecord;
  readonly coPetitioners?: PersonRecord[];
  /** A denunciation with no name (LTC Art 25(2)): nobody to notify, link as a repeat or ask for feedback. */
  readonly anonymous?: boolean;
  /** Addressed to the Party committee head (R5, QĐ 11-QĐi/TW). */
  readonly addressedToPartyHead?: boolean;
  readonly topic?: string;
  readonly location?: string;
  /** Grouping (issue 4): the decision the petition is about, and a group petition's representatives (K16). */
  readonly respondentDecisionRef?: string;
  readonly representatives?: readonly RepresentativeInput[];
  /** K1 (complaints only): the local date the complainant received or learnt of the decision or act. */
  readonly decisionKnownOn?: string;
  /** The local day the letter arrived (postmark or desk receipt), when before today; receipt clocks start from it. */
  readonly receivedOn?: string;
}

export interface CreatePetitionResult {
  readonly petitionId: string;
  /** True when an Idempotency-Key matched an earlier request and nothing new was created. */
  readonly replayed: boolean;
}


const trimOrNull = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s.trim());

/** An anonymous letter is stored with an empty person record: there is no one to identify, reach or match. */
const NOBODY: PersonRecord = { fullName: '' };

/**
 * Who the petition is from. Only a denunciation may come with no name (LTC Art 25(2)); a complaint must name
 * its complainant (LKN Art 8). An anonymous letter names nobody at all: no petitioner, co-signers or representatives.
 */
function intakePetitioner(input: CreatePetitionInput): PersonRecord {
  const refuse = (field: string, key: 'petition.anonymous_kind' | 'petition.anonymous_with_person' | 'validation.required') =>
    new AppError('unprocessable', key, {}, {}, [{ field, messageKey: key }]);
  if (input.anonymous !== true) {
    if (input.petitioner === undefined) throw refuse('petitioner', 'validation.required');
    return input.petitioner;
  }
  if (input.kind !== 'denunciation') throw refuse('anonymous', 'petition.anonymous_kind');
  if (input.petitioner !== undefined) throw refuse('petitioner', 'petition.anonymous_with_person');
  if ((input.coPetitioners ?? []).length > 0) throw refuse('coPetitioners', 'petition.anonymous_with_person');
  if ((input.representatives ?? []).length > 0) throw refuse('representatives', 'petition.anonymous_with_person');
  return NOBODY;
}

@Injectable()
export class CreatePetitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, input: CreatePetitionInput, idempotencyKey?: string): Promise<CreatePetitionResult> {
    if (user.role !== 'desk' && user.role !== 'head') {
      throw new AppError('forbidden', 'petition.role_not_allowed', { role: LABELS.role[user.role], action: LABELS.action.create });
    }
    return this.dataSource.transaction(async (em) => {
      const { id, replayed } = await withIdempotencyKey(em, { userId: user.id, key: idempotencyKey, resource: 'petition', body: input }, () =>
        this.open(em, user, input),
      );
      return { petitionId: id, replayed };
    });
  }

  private async open(em: EntityManager, user: CurrentUser, input: CreatePetitionInput): Promise<string> {
    const unit = await em.findOne(UnitEntity, { where: { id: input.receivingUnitId } });
    if (unit === null || !unitInScope(accessScopeOf(user), unit)) {
      throw new AppError('unprocessable', 'petition.unit_invalid', {}, {}, [{ field: 'receivingUnitId', messageKey: 'petition.unit_invalid' }]);
    }
    const anonymous = input.anonymous === true;
    const petitioner = intakePetitioner(input);
    const now = this.clock.now();
    const receivedOn = await checkedArrivalDay(em, input.receivedOn, now);
    // A complaint is filed the day the letter arrived, not the day it was entered (K1 counts to that day).
    const filing = await this.filingLimit(em, input, receivedOn ?? toLocalDate(now), now);
    const state = await openPetition(
      em,
      {
        kind: input.kind,
        channel: input.channel,
        title: input.title.trim(),
        content: input.content.trim(),
        topic: trimOrNull(input.topic),
        location: trimOrNull(input.location),
        receivingUnitId: unit.id,
        petitioner,
        coPetitioners: input.coPetitioners ?? [],
        parentPetitionId: null,
        createdBy: user.id,
        ...filing,
        anonymous,
        addressedToPartyHead: input.addressedToPartyHead === true,
        receivedOn,
      },
      { userId: user.id, role: user.role },
      now,
    );
    // Grouping (issue 4): representatives (a K16 refusal undoes the intake), repeat links and the
    // over-level flag, in this transaction; repeats and over-level only flag, they never block intake.
    await recordIntakeGrouping(
      em,
      {
        petitionId: state.id,
        receivingUnit: unit,
        kind: input.kind,
        channel: input.channel,
        title: input.title.trim(),
        content: input.content.trim(),
        location: trimOrNull(input.location),
        petitioner,
        anonymous,
        respondentDecisionRef: input.respondentDecisionRef,
        representatives: input.representatives,
      },
      user,
      now,
    );
    return state.id;
  }

  /** K1 at intake (LKN Art 9): checked against the policy in force today; past the limit it warns, never refuses. */
  private async filingLimit(
    em: EntityManager,
    input: CreatePetitionInput,
    filedOn: LocalDate,
    now: Date,
  ): Promise<Pick<NewPetition, 'decisionKnownOn' | 'filingLimit'>> {
    const knownOn = input.decisionKnownOn;
    if (knownOn === undefined) return {};
    if (input.kind !== 'complaint') throw invalidCommand('decisionKnownOn', 'petition.decision_known_on_kind');
    if (knownOn > filedOn) throw invalidCommand('decisionKnownOn', 'petition.decision_known_on_future');
    const policy = policyInForce(await loadPolicies(em), toLocalDate(now));
    const c = filingLimitCheck(policy ? complaintPeriodsOf(policy) : DEFAULT_COMPLAINT_PERIODS, knownOn, filedOn);
    return { decisionKnownOn: knownOn, filingLimit: { ruleId: c.ruleId, limitDays: c.limitDays, elapsedDays: c.elapsedDays, exceeded: c.exceeded } };
  }
}
