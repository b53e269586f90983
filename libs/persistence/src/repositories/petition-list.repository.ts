import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { PetitionEntity } from '../entities/petition.entity.js';

/** Which owning units a caller may list (the same shape as the application's access scope). */
export type ListUnitScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'province'; readonly provinceId: string }
  | { readonly kind: 'commune'; readonly communeId: string }
  | { readonly kind: 'province-units'; readonly provinceId: string };

export type PetitionListOrder = 'created' | 'received' | 'time_left';

/** What `q` was read as: each part is already normalised the way its column is. */
export interface PetitionSearchTerms {
  /** Folded like `search_text` (foldForSearch), matched anywhere in title, topic, location, content and code. */
  readonly text: string;
  /** A tracking code or a part of it, upper case without dashes; null when `q` cannot be one. */
  readonly code: string | null;
  /** Folded like grassroots_fold(), matched at the start of a word of a petitioner's name; null if nothing is left. */
  readonly name: string | null;
  /** Digits only (phones as grassroots_phone_key writes them), matched in phone and ID numbers; null unless `q` is a number. */
  readonly digits: string | null;
  /**
   * The kinds whose petitioners the caller may see (maySeeIdentity): name, phone and ID number are matched
   * only on those, so a search cannot reveal who stands behind a case the caller may not know about.
   */
  readonly identityKinds: readonly string[];
}

export interface PetitionListQuery {
  readonly scope: ListUnitScope;
  readonly status?: string;
  readonly kind?: string;
  readonly channel?: string;
  readonly unitId?: string;
  readonly assigneeId?: string;
  /** The inbox's scope: assigned to this user, or owned by this unit (on top of the other filters). */
  readonly assignedTo?: string;
  readonly ownedByUnitId?: string;
  /** Only petitions whose status is not one of these (the final ones). */
  readonly excludeStatuses?: readonly string[];
  /** Vietnam local dates, inclusive, on the day the letter arrived. */
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly search?: PetitionSearchTerms;
  readonly order: PetitionListOrder;
  readonly page: number;
  readonly pageSize: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

class Params {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function scopeSql(scope: ListUnitScope, params: Params): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'province':
      return `u.province_id = ${params.p(scope.provinceId)}`;
    case 'commune':
      return `u.commune_id = ${params.p(scope.communeId)}`;
    case 'province-units':
      return `u.province_id = ${params.p(scope.provinceId)} AND u.commune_id IS NULL`;
  }
}

/** A person record (`p.petitioner`, or an element of `co_petitioners`) matching the name or number terms. */
function personMatch(person: string, s: PetitionSearchTerms, params: Params): string[] {
  const out: string[] = [];
  if (s.name !== null) out.push(`(' ' || grassroots_fold(${person}->>'fullName')) LIKE ${params.p(`% ${escapeLike(s.name)}%`)} ESCAPE '\\'`);
  if (s.digits !== null) {
    const digits = params.p(`%${s.digits}%`);
    out.push(`grassroots_phone_key(${person}->>'phone') LIKE ${digits}`, `(${person}->>'idNumber') LIKE ${digits}`);
  }
  return out;
}

function searchSql(s: PetitionSearchTerms, params: Params): string {
  const any = [`p.search_text LIKE ${params.p(`%${escapeLike(s.text)}%`)} ESCAPE '\\'`];
  if (s.code !== null) {
    // A whole code is looked up as stored (its unique index); a part of one anywhere in it, dashes ignored.
    any.push(
      s.code.length === 12
        ? `p.tracking_code = ${params.p(`${s.code.slice(0, 4)}-${s.code.slice(4, 8)}-${s.code.slice(8)}`)}`
        : `replace(p.tracking_code, '-', '') LIKE ${params.p(`%${s.code}%`)}`,
    );
  }
  // Built only when used: every pushed parameter must appear in the statement.
  if ((s.name !== null || s.digits !== null) && s.identityKinds.length > 0) {
    const own = personMatch('p.petitioner', s, params);
    const co = personMatch('cp.person', s, params);
    any.push(
      `(p.kind = ANY(${params.p(s.identityKinds)}::text[]) AND NOT p.anonymous AND (${own.join(' OR ')}
         OR EXISTS (SELECT 1 FROM jsonb_array_elements(p.co_petitioners) AS cp(person) WHERE ${co.join(' OR ')})))`,
    );
  }
  return `(${any.join(' OR ')})`;
}

/**
 * The petition list (GET /api/petitions): one statement for the page, in the order asked, and one for the total.
 * `time_left` orders by the soonest due instant of the petition's running clocks (read from the partial index
 * petition_clocks_open_petition, index only), petitions without one last.
 */
export const petitionListStore = {
  async page(em: EntityManager, f: PetitionListQuery): Promise<{ rows: PetitionEntity[]; total: number }> {
    const params = new Params();
    const where = [scopeSql(f.scope, params)];
    if (f.status) where.push(`p.status = ${params.p(f.status)}`);
    if (f.kind) where.push(`p.kind = ${params.p(f.kind)}`);
    if (f.channel) where.push(`p.channel = ${params.p(f.channel)}`);
    if (f.unitId) where.push(`p.owning_unit_id = ${params.p(f.unitId)}`);
    if (f.assigneeId) where.push(`p.assignee_id = ${params.p(f.assigneeId)}`);
    if (f.assignedTo) where.push(`p.assignee_id = ${params.p(f.assignedTo)}`);
    if (f.ownedByUnitId) where.push(`p.owning_unit_id = ${params.p(f.ownedByUnitId)}`);
    if (f.excludeStatuses && f.excludeStatuses.length > 0) where.push(`p.status <> ALL(${params.p(f.excludeStatuses)}::text[])`);
    if (f.receivedFrom) where.push(`p.received_on >= ${params.p(f.receivedFrom)}::date`);
    if (f.receivedTo) where.push(`p.received_on <= ${params.p(f.receivedTo)}::date`);
    if (f.search) where.push(searchSql(f.search, params));
    const from = `FROM petitions p JOIN units u ON u.id = p.owning_unit_id WHERE ${where.join(' AND ')}`;

    const [{ total }]: { total: number }[] = await em.query(`SELECT count(*)::int AS total ${from}`, [...params.values]);
    if (total === 0) return { rows: [], total };

    const order =
      f.order === 'time_left'
        ? `(SELECT min(c.due_at) FROM petition_clocks c
             WHERE c.petition_id = p.id AND c.status IN ('running', 'breached') AND c.due_at IS NOT NULL) ASC NULLS LAST, p.created_at DESC, p.id DESC`
        : f.order === 'received'
          ? `p.received_on ASC NULLS LAST, p.created_at ASC, p.id ASC`
          : `p.created_at DESC, p.id DESC`;
    const limit = params.p(f.pageSize);
    const offset = params.p((f.page - 1) * f.pageSize);
    const ids: { id: string }[] = await em.query(`SELECT p.id ${from} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`, params.values);
    if (ids.length === 0) return { rows: [], total };
    const rows = await em.find(PetitionEntity, { where: { id: In(ids.map((r) => r.id)) } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { rows: ids.map((r) => byId.get(r.id)!), total };
  },
};
