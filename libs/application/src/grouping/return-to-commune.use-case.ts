import { type Clock, type Representative, renderMessage } from '@app/domain';
import { petitionStore, UnitEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { PerformPetitionActionUseCase } from '../petitions/perform-petition-action.use-case.js';
import { visiblePetition } from '../petitions/visible-petition.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { upsertGrouping } from './grouping-support.js';
import { appointRepresentatives } from './representatives.use-case.js';

export interface ReturnToCommuneInput {
  readonly communeId: string;
  readonly note?: string;
}

export interface ReturnToCommuneResult {
  readonly petitionId: string;
  /** The linked petition opened at the commune by the transfer. */
  readonly returnedPetitionId: string;
  readonly watcherUnitId: string;
}

/**
 * An over-level petition goes back to the competent commune (DOMAIN.md §4.4): one transaction that performs the
 * ordinary transfer (the domain's rules and roles; a linked petition opens at the commune with its own clocks)
 * and makes the province-level unit a watcher of that linked petition, so it keeps oversight without competence.
 */
@Injectable()
export class ReturnToCommuneUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly act: PerformPetitionActionUseCase,
  ) {}

  async execute(user: CurrentUser, petitionId: string, input: ReturnToCommuneInput, expectedVersion?: number): Promise<ReturnToCommuneResult> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT 1 FROM petitions WHERE id = $1 FOR NO KEY UPDATE`, [petitionId]);
      const { row, owningUnit } = await visiblePetition(em, user, petitionId);
      if (owningUnit.communeId !== null) throw new AppError('conflict', 'grouping.return_not_province_level');
      const commune = await em.findOne(UnitEntity, { where: { id: input.communeId } });
      if (commune === null || commune.level !== 'commune' || commune.provinceId !== owningUnit.provinceId) {
        throw new AppError('unprocessable', 'error.validation', {}, {}, [{ field: 'communeId', messageKey: 'grouping.return_commune_invalid' }]);
      }
      // Complaints are guided, never transferred (TRANSITIONS); say so with the commune's name instead of a bare 409.
      if (row.kind === 'complaint') throw new AppError('conflict', 'grouping.return_complaint_guide', { commune: commune.name }, { allowedActions: ['guide'] });

      const note = input.note?.trim();
      const reason = `${renderMessage('grouping.return_reason', { commune: commune.name }).vi}${note ? ` ${note}` : ''}`;
      // The ordinary transfer, in this transaction: role and status rules, If-Match, events, clocks, linked petition.
      await this.act.executeIn(em, user, petitionId, { action: 'transfer', toUnitId: commune.id, reason }, expectedVersion);
      const [child]: { id: string }[] = await em.query(
        `SELECT id FROM petitions WHERE parent_petition_id = $1 AND owning_unit_id = $2 AND channel = 'transferred_in' ORDER BY created_at DESC, id LIMIT 1`,
        [petitionId, commune.id],
      );
      const now = this.clock.now();
      await em.query(`INSERT INTO petition_watchers (petition_id, unit_id, reason, since) VALUES ($1, $2, 'over_level_return', $3) ON CONFLICT DO NOTHING`, [
        child!.id,
        owningUnit.id,
        now,
      ]);
      // The matter travels with the case: its decision reference and representatives hold at the commune too.
      // The representatives are appointed on the commune's petition as on any other (K16 checked, a
      // RepresentativesAppointed event on its trail), in this transaction.
      const facts: { respondent_decision_ref: string | null; representatives: Representative[] }[] = await em.query(
        `SELECT respondent_decision_ref, representatives FROM petition_grouping WHERE petition_id = $1`,
        [petitionId],
      );
      if (facts[0] && facts[0].respondent_decision_ref !== null) {
        await upsertGrouping(em, child!.id, now, { respondentDecisionRef: facts[0].respondent_decision_ref });
      }
      if (facts[0] && facts[0].representatives.length > 0) {
        const childRow = await petitionStore.load(em, child!.id);
        const reps = facts[0].representatives.map((r) => ({ fullName: r.fullName, idNumber: r.idNumber ?? undefined, phone: r.phone ?? undefined }));
        await appointRepresentatives(em, childRow!, reps, user, now);
      }
      await upsertGrouping(em, petitionId, now, { returnedPetitionId: child!.id });
      return { petitionId, returnedPetitionId: child!.id, watcherUnitId: owningUnit.id };
    });
  }
}
