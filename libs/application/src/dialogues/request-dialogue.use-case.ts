import { randomUUID } from 'node:crypto';
import { type Clock, type DialogueKind, type DialogueRequestSource, requestDialogue } from '@app/domain';
import { dialogueStore, UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { accessScopeOf, unitInScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { withIdempotencyKey } from '../shared/idempotency.js';
import { dialogueRefusalToError } from './dialogue-errors.js';
import { checkLinkablePetitions } from './dialogue-writer.js';

export interface RequestDialogueInput {
  readonly kind: DialogueKind;
  readonly unitId: string;
  readonly requestedBy: DialogueRequestSource;
  readonly voterCount?: number;
  readonly registeredVoters?: number;
  readonly complaintInstance?: 1 | 2;
  readonly petitionIds?: string[];
  readonly note?: string;
}

/** Records that a dialogue is due (G1 plan entry, G2 voters' request, a complaint's K4/K9 dialogue …): one transaction. */
@Injectable()
export class RequestDialogueUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, input: RequestDialogueInput, idempotencyKey?: string): Promise<{ id: string; replayed: boolean }> {
    return this.dataSource.transaction((em) =>
      withIdempotencyKey(em, { userId: user.id, key: idempotencyKey, resource: 'dialogue', body: input }, () => this.open(em, user, input)),
    );
  }

  private async open(em: EntityManager, user: CurrentUser, input: RequestDialogueInput): Promise<string> {
    const now = this.clock.now();
    const decision = requestDialogue({ ...input, dialogueId: randomUUID(), actor: { userId: user.id, role: user.role } }, now);
    if (!decision.ok) throw dialogueRefusalToError(decision.refusal);
    const scope = accessScopeOf(user);
    const unit = await em.findOne(UnitEntity, { where: { id: decision.state.unitId } });
    if (unit === null || !unitInScope(scope, unit)) {
      throw new AppError('unprocessable', 'dialogue.unit_invalid', {}, {}, [{ field: 'unitId', messageKey: 'dialogue.unit_invalid' }]);
    }
    // LTCCQĐP Art 43: the people's conference is the commune's (xã, phường, đặc khu), not a department's.
    if (decision.state.kind === 'commune_conference' && unit.level !== 'commune') {
      throw new AppError('unprocessable', 'dialogue.conference_unit_commune', {}, {}, [{ field: 'unitId', messageKey: 'dialogue.conference_unit_commune' }]);
    }
    await checkLinkablePetitions(em, decision.state.petitionIds, scope, decision.state, 'petitionIds');
    const note = decision.events[0]?.type === 'DialogueRequested' ? decision.events[0].note : null;
    await dialogueStore.insert(em, decision.state, { note, createdBy: user.id });
    await dialogueStore.appendEvents(em, decision.events, 1);
    return decision.state.id;
  }
}
