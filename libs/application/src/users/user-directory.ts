import { foldForSearch, LABELS, type Message, type Role } from '@app/domain';
import { userStore } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { accessScopeOf, scopeCondition } from '../auth/access-scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';

/**
 * Who may list staff: those who route work (the desk hands letters on, the head assigns them) and the admin.
 * Handlers work the cases they are given and the board oversees through figures, so neither needs the list.
 */
export const DIRECTORY_ROLES: readonly Role[] = ['desk', 'head', 'admin'];

export interface UserDirectoryQuery {
  readonly role?: Role;
  readonly unitId?: string;
  /** Part of the full name, diacritics-insensitive. */
  readonly q?: string;
  readonly active?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface DirectoryUserView {
  readonly id: string;
  readonly fullName: string;
  readonly role: Role;
  readonly roleLabel: Message;
  readonly unit: { readonly id: string; readonly name: string };
  readonly active: boolean;
}

export interface UserDirectoryPage {
  readonly items: DirectoryUserView[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/**
 * The staff directory (the head's assignee picker): the caller's jurisdiction only, the same access scope as
 * petitions, so everyone listed is someone a petition the caller sees could be assigned to or handed to. A
 * commune's desk and head see the commune and its departments; a province-level unit's, the province-level units.
 */
@Injectable()
export class UserDirectoryQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: CurrentUser, q: UserDirectoryQuery): Promise<UserDirectoryPage> {
    if (!DIRECTORY_ROLES.includes(user.role)) throw new AppError('forbidden', 'error.forbidden');
    const folded = q.q === undefined ? '' : foldForSearch(q.q);
    const { rows, total } = await userStore.directory(this.dataSource.manager, scopeCondition(accessScopeOf(user), 'u'), {
      role: q.role,
      unitId: q.unitId,
      active: q.active,
      foldedName: folded === '' ? undefined : folded,
      page: q.page,
      pageSize: q.pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        fullName: r.fullName,
        role: r.role,
        roleLabel: LABELS.role[r.role],
        unit: { id: r.unitId, name: r.unitName },
        active: r.active,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
