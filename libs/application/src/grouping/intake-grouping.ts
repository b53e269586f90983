import {
  assessOverLevel,
  communeInAddress,
  type CommuneRef,
  foldForSearch,
  normalizePhone,
  type PetitionChannel,
  type PetitionKind,
  prepareMatter,
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
  /** An anonymous letter has no identity to find again: it is never linked as a repeat by an empty one. */
  readonly anonymous?: boolean;
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
  if (input.anonymous !== true) await linkRepeats(em, input, ref, now);
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

/** How many candidates each lookup reads at most (the newest first). */
const CANDIDATES_PER_LOOKUP = 200;

/** The keys a petitioner can be found again by, as the SQL functions of the grouping migration compute them. */
export interface PersonKeys {
  readonly idNumber: string | null;
  readonly phone: string | null;
  /** Folded full name and address: used only when the person gave neither an ID number nor a phone. */
  readonly nameAddress: { readonly name: string; readonly address: string } | null;
}

const foldKey = (s: string | null | undefined): string | null => (s ? foldForSearch(s).replace(/[^a-z0-9]+/g, ' ').trim() || null : null);

export function personKeys(p: { idNumber?: string | null; phone?: string | null; fullName: string; address?: string | null }): PersonKeys {
  const idNumber = p.idNumber?.trim() || null;
  const phone = normalizePhone(p.phone);
  const name = foldKey(p.fullName);
  const address = foldKey(p.address);
  return { idNumber, phone, nameAddress: idNumber === null && phone === null && name !== null && address !== null ? { name, address } : null };
}

/** What the repeat lookups filter on besides the person: same province, still handled or answered, same confidentiality class. */
export interface RepeatScope {
  readonly petitionId: string;
  readonly provinceId: string;
  /** Denunciations are linked only to denunciations, everything else only to non-denunciations (DOMAIN.md §7). */
  readonly denunciation: boolean;
}

/**
 * The repeat candidate lookups, one statement per key so each is served by its own index (exported so that
 * tests can EXPLAIN them): by ID number and by phone; by folded name and address only when the new petitioner
 * has neither. Never a name-only match across the province: common names would crowd out the real one.
 */
export function repeatLookups(keys: PersonKeys, scope: RepeatScope): { sql: string; params: unknown[] }[] {
  const lookup = (personSql: string, personParams: unknown[]) => ({
    sql: `SELECT p.id, p.title, p.content, p.location, p.petitioner, g.respondent_decision_ref
            FROM petitions p
            JOIN units u ON u.id = p.owning_unit_id
            LEFT JOIN petition_grouping g ON g.petition_id = p.id
           WHERE ${personSql}
             AND p.id <> $1 AND u.province_id = $2 AND p.status = ANY($3) AND (p.kind = 'denunciation') = $4
           ORDER BY p.created_at DESC
           LIMIT ${CANDIDATES_PER_LOOKUP}`,
    params: [scope.petitionId, scope.provinceId, OPEN_OR_RESOLVED, scope.denunciation, ...personParams],
  });
  const out: { sql: string; params: unknown[] }[] = [];
  if (keys.idNumber !== null) out.push(lookup(`p.petitioner->>'idNumber' = $5`, [keys.idNumber]));
  if (keys.phone !== null) out.push(lookup(`grassroots_phone_key(p.petitioner->>'phone') = $5`, [keys.phone]));
  if (keys.nameAddress !== null) {
    out.push(
      lookup(`grassroots_fold(p.petitioner->>'fullName') = $5 AND grassroots_fold(p.petitioner->>'address') = $6`, [keys.nameAddress.name, keys.nameAddress.address]),
    );
  }
  return out;
}

async function linkRepeats(em: EntityManager, input: IntakeGroupingInput, ref: string | null, now: Date): Promise<void> {
  const p = input.petitioner;
  // Same person anywhere in the province: writing to the province about a matter the commune already has is
  // the classic repeat. The domain then decides with the strongest evidence both records carry.
  const scope: RepeatScope = {
    petitionId: input.petitionId,
    provinceId: input.receivingUnit.provinceId ?? input.receivingUnit.id,
    denunciation: input.kind === 'denunciation',
  };
  const seen = new Set<string>();
  const candidates: CandidateRow[] = [];
  for (const q of repeatLookups(personKeys(p), scope)) {
    for (const row of (await em.query(q.sql, q.params)) as CandidateRow[]) {
      if (!seen.has(row.id)) {
        seen.add(row.id);
        candidates.push(row);
      }
    }
  }
  if (candidates.length === 0) return;
  const draft = prepareMatter({ title: input.title, content: input.content, place: input.location, respondentDecisionRef: ref });
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
