import { foldForSearch, LABELS } from '@app/domain';
import type { CurrentUser } from '../auth/current-user.js';
import { AppError } from '../shared/app-error.js';
import { UnitEntity, type UnitLevel } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface UnitFilter {
  readonly level?: UnitLevel;
  readonly parentId?: string;
  readonly provinceId?: string;
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface UnitView {
  readonly id: string;
  readonly code: string;
  readonly officialCode: string | null;
  readonly level: UnitLevel;
  readonly unitType: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly provinceId: string | null;
  readonly communeId: string | null;
  readonly remoteArea: boolean;
  readonly remoteAreaRef: string | null;
}

/**
 * Marks a commune as remote (vùng sâu, vùng xa) or not, with the decision that says so (DOMAIN.md §8.7). Clocks
 * started afterwards take the remote variant; running clocks keep the variant that applied when they started.
 */
@Injectable()
export class SetRemoteAreaUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: CurrentUser, unitId: string, remoteArea: boolean, remoteAreaRef: string | null): Promise<UnitView> {
    if (user.role !== 'admin') throw new AppError('forbidden', 'error.forbidden');
    const repo = this.dataSource.getRepository(UnitEntity);
    const unit = await repo.findOne({ where: { id: unitId } });
    if (unit === null) throw new AppError('not-found', 'error.not_found', { what: LABELS.entity.resource });
    if (unit.level !== 'commune') {
      throw new AppError('unprocessable', 'error.validation', {}, {}, [{ field: 'unitId', messageKey: 'unit.remote_area_commune_only' }]);
    }
    await repo.update({ id: unitId }, { remoteArea, remoteAreaRef: remoteArea ? remoteAreaRef : null });
    return toUnitView({ ...unit, remoteArea, remoteAreaRef: remoteArea ? remoteAreaRef : null });
  }
}

/** The administrative map is public reference data; any signed-in user may browse it. */
@Injectable()
export class UnitQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(f: UnitFilter): Promise<{ items: UnitView[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(UnitEntity).createQueryBuilder('u');
    if (f.level) qb.andWhere('u.level = :level', { level: f.level });
    if (f.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: f.parentId });
    if (f.provinceId) qb.andWhere('u.province_id = :provinceId', { provinceId: f.provinceId });
    const rows = await qb.orderBy('u.level').addOrderBy('u.code').getMany();
    // Diacritics-insensitive name match in memory: the map is small (≈3,400 rows) and this avoids an extension.
    const needle = f.q ? foldForSearch(f.q) : '';
    const matched = needle ? rows.filter((u) => foldForSearch(u.name).includes(needle)) : rows;
    const items = matched.slice((f.page - 1) * f.pageSize, f.page * f.pageSize).map(toUnitView);
    return { items, total: matched.length, page: f.page, pageSize: f.pageSize };
  }
}

function toUnitView(u: UnitEntity): UnitView {
  return {
    id: u.id,
    code: u.code,
    officialCode: u.officialCode,
    level: u.level,
    unitType: u.unitType,
    name: u.name,
    parentId: u.parentId,
    provinceId: u.provinceId,
    communeId: u.communeId,
    remoteArea: u.remoteArea,
    remoteAreaRef: u.remoteAreaRef,
  };
}
