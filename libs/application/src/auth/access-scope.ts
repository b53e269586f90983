import type { CurrentUser } from './current-user.js';

/**
 * Which petitions (by owning unit) a user may see and act on.
 * - admin: everything;
 * - board: its whole province (read-only; the domain gives it no actions);
 * - staff of a commune or of a department under it: that commune and its departments;
 * - staff of a province-level unit: province-level units of that province (not the communes' cases:
 *   competence stays at the commune).
 */
export type AccessScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'province'; readonly provinceId: string }
  | { readonly kind: 'commune'; readonly communeId: string }
  | { readonly kind: 'province-units'; readonly provinceId: string };

export function accessScopeOf(user: CurrentUser): AccessScope {
  if (user.role === 'admin') return { kind: 'all' };
  if (user.role === 'board' && user.communeId === null && user.provinceId !== null) return { kind: 'province', provinceId: user.provinceId };
  if (user.communeId !== null) return { kind: 'commune', communeId: user.communeId };
  if (user.provinceId !== null) return { kind: 'province-units', provinceId: user.provinceId };
  throw new Error(`User ${user.id} has a unit without a province`);
}

/** SQL condition on a `units` alias, with named parameters, for TypeORM query builders. */
export function scopeCondition(scope: AccessScope, unitAlias: string): { sql: string; params: Record<string, string> } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'province':
      return { sql: `${unitAlias}.province_id = :scopeProvinceId`, params: { scopeProvinceId: scope.provinceId } };
    case 'commune':
      return { sql: `${unitAlias}.commune_id = :scopeCommuneId`, params: { scopeCommuneId: scope.communeId } };
    case 'province-units':
      return {
        sql: `${unitAlias}.province_id = :scopeProvinceId AND ${unitAlias}.commune_id IS NULL`,
        params: { scopeProvinceId: scope.provinceId },
      };
  }
}

/** The same rule in memory, for a single unit already loaded. */
export function unitInScope(scope: AccessScope, unit: { provinceId: string | null; communeId: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'province':
      return unit.provinceId === scope.provinceId;
    case 'commune':
      return unit.communeId === scope.communeId;
    case 'province-units':
      return unit.provinceId === scope.provinceId && unit.communeId === null;
  }
}
