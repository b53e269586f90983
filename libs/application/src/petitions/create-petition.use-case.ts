import { type Clock, LABELS, type PetitionChannel, type PetitionKind } from '@app/domain';
import { type PersonRecord, UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { withIdempotencyKey } from '../shared/idempotency.js';
import { recordIntakeGrouping } from '../grouping/intake-grouping.js';
import type { RepresentativeInput } from '../grouping/representatives.use-case.js';
import { openPetition } from './petition-writer.js';
import { checkedArrivalDay } from './received-on.js';

export interface CreatePetitionInput {
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly title: string;
  readonly content: string;
  readonly receivingUnitId: string;
  readonly petitioner: PersonRecord;
  readonly coPetitioners?: PersonRecord[];
  readonly topic?: string;
  readonly location?: string;
  /** Grouping (issue 4): the decision the petition is about, and a group petition's representatives (K16). */
  readonly respondentDecisionRef?: string;
  readonly representatives?: readonly RepresentativeInput[];
  /** The local day the letter arrived (postmark or desk receipt), when before today; receipt clocks start from it. */
  readonly receivedOn?: string;
}

export interface CreatePetitionResult {
  readonly petitionId: string;
  /** True when an Idempotency-Key matched an earlier request and nothing new was created. */
  readonly replayed: boolean;
}


const trimOrNull = (s: string | undefined): string | null => (s === undefined || s.trim() === '' ? null : s.trim());

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
    const now = this.clock.now();
    const receivedOn = await checkedArrivalDay(em, input.receivedOn, now);
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
        petitioner: input.petitioner,
        coPetitioners: input.coPetitioners ?? [],
        parentPetitionId: null,
        createdBy: user.id,
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
        petitioner: input.petitioner,
        respondentDecisionRef: input.respondentDecisionRef,
        representatives: input.representatives,
      },
      user,
      now,
    );
    return state.id;
  }
}
