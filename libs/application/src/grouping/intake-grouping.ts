import {
  assessOverLevel,
  communeInAddress,
  type CommuneRef,
  foldForSearch,
  normalizePhone,
  type PetitionChannel,
  type PetitionKind,
  repeatOf,
  type RepeatFinding,
  scoreMatter,
} from '@app/domain';
import { type PersonRecord, petitionStore, type UnitEntity } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user.js';
import { matterOf, OPEN_OR_RESOLVED, upsertGrouping } from './grouping-support.js';
import { appointRepresentatives, type RepresentativeInput } from './representatives.use-case.js';

/** What intake knows about a petition just inserted, plus the grouping fields of the create body. */
export interface IntakeGroupingInput {
  readonly petitionId: string;
  readonly receivingUnit: UnitEntity;
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  readonly title: string;
  readonly content: string;
  readonly location: string | null;
  readonly petitioner: PersonRecord;
  readonly respondentDecisionRef?: string;
  readonly representatives?: readonly RepresentativeInput[];
}

/** At most this many repeat links per new petition (the strongest), so one prolific writer cannot flood a case. */
const MAX_REPEAT_LINKS = 5;

/**
 * The grouping part of intake, in the creating transaction right after the petition is inserted:
 * the respondent decision it names, its representatives (K16: a refusal undoes the whole intake), the repeat
 * links to earlier petitions of the same person on the same matter, and the over-level flag. Repeats and
 * over-level only flag; they never block intake.
 */
export async function recordIntakeGrouping(em: EntityManager, input: IntakeGroupingInput, user: CurrentUser, now: Date): Promise<void> {
  const ref = input.respondentDecisionRef?.trim() ? input.respondentDecisionRef.trim() : null;
  if (ref !== null) await upsertGrouping(em, input.petitionId, now, { respondentDecisionRef: ref });
  if (input.representatives !== undefined && input.representatives.length > 0) {
    const row = await petitionStore.load(em, input.petitionId);
    await appointRepresentatives(em, row!, input.representatives, user, now);
  }
  await linkRepeats(em, input, ref, now);
  await flagOverLevel(em, input, ref, now);
}

interface CandidateRow {
  id: string;
  title: string;
  content: string;
  location: string | null;
  petitioner: PersonRecord;
  respondent_decision_ref: string | null;
}

async function linkRepeats(em: EntityManager, input: IntakeGroupingInput, ref: string | null, now: Date): Promise<void> {
  const p = input.petitioner;
  const idNumber = p.idNumber?.trim() || null;
  const phone = normalizePhone(p.phone);
  const name = foldForSearch(p.fullName).replace(/[^a-z0-9]+/g, ' ').trim() || null;
  const provinceId = input.receivingUnit.provinceId ?? input.receivingUnit.id;
  // Same person, loosely (any one key; the indexes of the grouping migration serve each), anywhere in the
  // province: writing to the province about a matter the commune already has is the classic repeat.
  // The domain then decides with the strongest evidence both records carry.
  const candidates: CandidateRow[] = await em.query(
    `SELECT p.id, p.title, p.content, p.location, p.petitioner, g.respondent_decision_ref
       FROM petitions p
       JOIN units u ON u.id = p.owning_unit_id
       LEFT JOIN petition_grouping g ON g.petition_id = p.id
      WHERE p.id <> $1 AND u.province_id = $2 AND p.status = ANY($3)
        AND (p.petitioner->>'idNumber' = $4
             OR grassroots_phone_key(p.petitioner->>'phone') = $5
             OR grassroots_fold(p.petitioner->>'fullName') = $6)
      ORDER BY p.created_at DESC
      LIMIT 200`,
    [input.petitionId, provinceId, OPEN_OR_RESOLVED, idNumber, phone, name],
  );
  const draft = { title: input.title, content: input.content, place: input.location, respondentDecisionRef: ref };
  const found: { id: string; finding: RepeatFinding }[] = [];
  for (const c of candidates) {
    const finding = repeatOf(p, c.petitioner, scoreMatter(draft, matterOf(c)));
    if (finding) found.push({ id: c.id, finding });
  }
  found.sort((a, b) => b.finding.score - a.finding.score);
  for (const { id, finding } of found.slice(0, MAX_REPEAT_LINKS)) {
    await em.query(
      `INSERT INTO petition_links (petition_id, related_petition_id, kind, reason, created_at)
       VALUES ($1, $2, 'repeat', $3::jsonb, $4) ON CONFLICT DO NOTHING`,
      [input.petitionId, id, JSON.stringify(finding), now],
    );
  }
}

async function flagOverLevel(em: EntityManager, input: IntakeGroupingInput, ref: string | null, now: Date): Promise<void> {
  const unit = input.receivingUnit;
  if (unit.communeId !== null || unit.provinceId === null) return;
  const communes: CommuneRef[] = await em.query(`SELECT id, name FROM units WHERE level = 'commune' AND province_id = $1`, [unit.provinceId]);
  const assessment = assessOverLevel({
    kind: input.kind,
    channel: input.channel,
    receivedAtProvinceLevel: true,
    parentPetitionId: null,
    instance: 1,
    respondentDecisionRef: ref,
    petitionerCommune: communeInAddress(input.petitioner.address, communes),
  });
  if (!assessment.overLevel) return;
  await upsertGrouping(em, input.petitionId, now, { overLevel: assessment, overLevelCommuneId: assessment.commune?.id ?? null });
}
