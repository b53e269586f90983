import type { Role } from '@app/domain';
import type { EntityManager } from 'typeorm';
import { UnitEntity } from '../entities/unit.entity.js';
import { UserEntity } from '../entities/user.entity.js';

export interface UserDirectoryFilter {
  readonly role?: Role;
  readonly unitId?: string;
  /** Already folded for search (foldForSearch): lower case, no diacritics. */
  readonly foldedName?: string;
  readonly active?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

/** One staff member as the directory lists them: never the username or the password hash. */
export interface UserDirectoryRow {
  readonly id: string;
  readonly fullName: string;
  readonly role: Role;
  readonly unitId: string;
  readonly unitName: string;
  readonly active: boolean;
}

/**
 * The same folding as foldForSearch, in SQL: NFD splits tone and vowel marks off, the marks are removed, đ/Đ
 * (no decomposition) become d. Lower-casing last, on what is then ASCII, works under any database collation.
 */
const COMBINING_MARKS = '[\u0300-\u036f]';
const FOLDED_NAME = `lower(translate(regexp_replace(normalize(usr.full_name, NFD), :marks, '', 'g'), 'đĐ', 'dD'))`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const userStore = {
  /**
   * Staff whose unit satisfies `scope` (a condition on the `u` units alias, from the application's access
   * scope), by name. The directory is small per jurisdiction, so the name is folded at query time.
   */
  async directory(
    em: EntityManager,
    scope: { readonly sql: string; readonly params: Record<string, string> },
    f: UserDirectoryFilter,
  ): Promise<{ rows: UserDirectoryRow[]; total: number }> {
    const qb = em
      .getRepository(UserEntity)
      .createQueryBuilder('usr')
      .innerJoin(UnitEntity, 'u', 'u.id = usr.unit_id')
      .where(scope.sql, scope.params);
    if (f.role) qb.andWhere('usr.role = :role', { role: f.role });
    if (f.unitId) qb.andWhere('usr.unit_id = :unitId', { unitId: f.unitId });
    if (f.active !== undefined) qb.andWhere('usr.active = :active', { active: f.active });
    if (f.foldedName) qb.andWhere(`${FOLDED_NAME} LIKE :name ESCAPE '\\'`, { marks: COMBINING_MARKS, name: `%${escapeLike(f.foldedName)}%` });
    const total = await qb.getCount();
    const rows: { id: string; full_name: string; role: Role; unit_id: string; unit_name: string; active: boolean }[] = await qb
      .select(['usr.id AS id', 'usr.full_name AS full_name', 'usr.role AS role', 'usr.unit_id AS unit_id', 'u.name AS unit_name', 'usr.active AS active'])
      .orderBy('usr.full_name', 'ASC')
      .addOrderBy('usr.id', 'ASC')
      .offset((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .getRawMany();
    return {
      rows: rows.map((r) => ({ id: r.id, fullName: r.full_name, role: r.role, unitId: r.unit_id, unitName: r.unit_name, active: r.active })),
      total,
    };
  },

  /** Full names by id, for showing who did something (authors of reports). */
  async names(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; full_name: string }[] = await em.query(`SELECT id, full_name FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.full_name]));
  },
};
