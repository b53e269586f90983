import type { Role } from '@app/domain';
import { accessScopeOf, type AccessScope } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';

/** Who may read the board (overdue list and statistics): oversight, competent heads, reception, administrators. */
export const BOARD_READER_ROLES: readonly Role[] = ['board', 'head', 'admin', 'desk'];

/** The caller's jurisdiction for board reads; a handler (or any other role) is refused. */
export function boardScopeOf(user: CurrentUser): AccessScope {
  if (!BOARD_READER_ROLES.includes(user.role)) throw new AppError('forbidden', 'error.forbidden');
  return accessScopeOf(user);
}

/** A statement and its positional parameters (builders return these so that tests can EXPLAIN what runs). */
export interface SqlQuery {
  readonly sql: string;
  readonly params: unknown[];
}

/** Positional parameters for raw SQL: `p(value)` appends the value and returns its placeholder (`$3`). */
export class SqlParams {
  readonly values: unknown[] = [];
  p(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The jurisdiction rule of `scopeCondition` (auth/access-scope.ts) as a condition on a `units` alias, with
 * positional parameters for raw SQL. Kept identical: admin everything; board at a province its whole province;
 * commune staff their commune and its departments; province-level staff the province-level units.
 */
export function scopeSql(scope: AccessScope, unitAlias: string, params: SqlParams): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'province':
      return `${unitAlias}.province_id = ${params.p(scope.provinceId)}`;
    case 'commune':
      return `${unitAlias}.commune_id = ${params.p(scope.communeId)}`;
    case 'province-units':
      return `(${unitAlias}.province_id = ${params.p(scope.provinceId)} AND ${unitAlias}.commune_id IS NULL)`;
  }
}
