import { UnitEntity, UserEntity } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../shared/app-error.js';
import type { CurrentUser } from './current-user.js';
import { hashPassword, verifyPassword } from './password.js';

/** Spent on unknown usernames too, so response time does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;

@Injectable()
export class AuthService {
  constructor(private readonly dataSource: DataSource) {}

  async login(username: string, password: string): Promise<CurrentUser> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    if (user === null || !user.active) {
      dummyHash ??= hashPassword('grassroots-timing-equaliser');
      await verifyPassword(await dummyHash, password);
      throw new AppError('unauthenticated', 'error.bad_credentials');
    }
    if (!(await verifyPassword(user.passwordHash, password))) throw new AppError('unauthenticated', 'error.bad_credentials');
    return this.toCurrentUser(user);
  }

  /** Re-reads the user on every request, so deactivation and role changes take effect at once. */
  async currentUser(userId: string): Promise<CurrentUser | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (user === null || !user.active) return null;
    return this.toCurrentUser(user);
  }

  private async toCurrentUser(user: UserEntity): Promise<CurrentUser> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOneOrFail({ where: { id: user.unitId } });
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      unitId: unit.id,
      unitName: unit.name,
      unitLevel: unit.level,
      provinceId: unit.provinceId,
      communeId: unit.communeId,
    };
  }
}
