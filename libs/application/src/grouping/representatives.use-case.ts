import { checkRepresentatives, type Clock, REPRESENTATIVE_POLICY, type PersonFacts, type Representative, type RepresentativesAppointed } from '@app/domain';
import type { PetitionEntity } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { recordPetitionEvent } from '../petitions/petition-writer.js';
import { visiblePetition } from '../petitions/visible-petition.js';
import { AppError } from '../shared/app-error.js';
import { CLOCK } from '../shared/clock.provider.js';
import { representativeRefusalToError, requireGroupingWriter, signatories, upsertGrouping } from './grouping-support.js';

/** A representative as named by reception: one of the signatories, with a contact. */
export interface RepresentativeInput {
  readonly fullName: string;
  readonly idNumber?: string;
  readonly phone?: string;
}

export interface RepresentativesView {
  readonly petitionId: string;
  readonly petitionerCount: number;
  readonly groupPetition: boolean;
  readonly representatives: Representative[];
  readonly setAt: string | null;
  readonly version: number;
}

/**
 * Checks (K16) and records a group petition's representatives inside the caller's transaction: the list in
 * petition_grouping, and a RepresentativesAppointed event on the petition (its version moves on). Refusals
 * throw before anything is written.
 */
export async function appointRepresentatives(
  em: EntityManager,
  row: PetitionEntity,
  reps: readonly RepresentativeInput[],
  user: CurrentUser | null,
  now: Date,
): Promise<{ representatives: Representative[]; version: number }> {
  const people: PersonFacts[] = signatories(row.petitioner, row.coPetitioners);
  const check = checkRepresentatives(people, reps);
  if (!check.ok) throw representativeRefusalToError(check.refusal);
  const event: RepresentativesAppointed = {
    type: 'RepresentativesAppointed',
    petitionId: row.id,
    at: now.toISOString(),
    actorId: user?.id ?? null,
    actorRole: user?.role ?? null,
    legalBasis: REPRESENTATIVE_POLICY.legalBasis,
    petitionerIndexes: check.representatives.map((r) => r.petitionerIndex),
    petitionerCount: people.length,
  };
  const version = await recordPetitionEvent(em, row, event);
  await upsertGrouping(em, row.id, now, { representatives: check.representatives, representativesSetBy: user?.id ?? null });
  return { representatives: check.representatives, version };
}

/** `PUT /petitions/:id/representatives`: reception or the head replaces the list (K16 checked every time). */
@Injectable()
export class SetRepresentativesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: CurrentUser, petitionId: string, reps: readonly RepresentativeInput[], expectedVersion?: number): Promise<RepresentativesView> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT 1 FROM petitions WHERE id = $1 FOR NO KEY UPDATE`, [petitionId]);
      const { row } = await visiblePetition(em, user, petitionId);
      requireGroupingWriter(user);
      if (expectedVersion !== undefined && expectedVersion !== row.version) {
        throw new AppError('precondition-failed', 'petition.version_conflict', { version: row.version }, { currentVersion: row.version });
      }
      const now = this.clock.now();
      const { representatives, version } = await appointRepresentatives(em, row, reps, user, now);
      return {
        petitionId: row.id,
        petitionerCount: 1 + row.coPetitioners.length,
        groupPetition: true,
        representatives,
        setAt: now.toISOString(),
        version,
      };
    });
  }
}

/** Reads a petition's representatives (anyone who may see the petition and its petitioners). */
export async function loadRepresentatives(em: EntityManager, petitionId: string): Promise<{ representatives: Representative[]; setAt: string | null }> {
  const rows: { representatives: Representative[]; representatives_set_at: Date | null }[] = await em.query(
    `SELECT representatives, representatives_set_at FROM petition_grouping WHERE petition_id = $1`,
    [petitionId],
  );
  return { representatives: rows[0]?.representatives ?? [], setAt: rows[0]?.representatives_set_at?.toISOString() ?? null };
}
