import type { DataSourceOptions } from 'typeorm';
import { SafeSqlLogger } from './sql-logging.js';
import { BoardPetitionEntity } from './entities/board-petition.entity.js';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity.js';
import { NotificationEntity } from './entities/notification.entity.js';
import { OutboxMessageEntity } from './entities/outbox-message.entity.js';
import { PetitionEventEntity } from './entities/petition-event.entity.js';
import { PetitionEntity } from './entities/petition.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.js';
import { StatutoryClocks1763900000000 } from './migrations/1763900000000-statutory-clocks.js';
import { EscalationHandling1764100000000 } from './migrations/1764100000000-escalation-handling.js';
import { BoardIndexes1764000000000 } from './migrations/1764000000000-board-indexes.js';
import { Dialogues1764200000000 } from './migrations/1764200000000-dialogues.js';
import { ReceptionDays1764210000000 } from './migrations/1764210000000-reception-days.js';
import { Satisfaction1764220000000 } from './migrations/1764220000000-satisfaction.js';
import { Grouping1764230000000 } from './migrations/1764230000000-grouping.js';
import { SubjectClocks1764240000000 } from './migrations/1764240000000-subject-clocks.js';
import { CalendarFacts1764304000000 } from './migrations/1764304000000-calendar-facts.js';
import { DenunciationRules1764306000000 } from './migrations/1764306000000-denunciation-rules.js';
import { TrustworthyNumbers1764307000000 } from './migrations/1764307000000-trustworthy-numbers.js';
import { PolicyCorrections1764308000000 } from './migrations/1764308000000-policy-corrections.js';
import { PetitionLists1764401000000 } from './migrations/1764401000000-petition-lists.js';
import { NotificationSignals1764402000000 } from './migrations/1764402000000-notification-signals.js';

export const ENTITIES = [
  UnitEntity,
  UserEntity,
  PetitionEntity,
  PetitionEventEntity,
  OutboxMessageEntity,
  IdempotencyKeyEntity,
  NotificationEntity,
  BoardPetitionEntity,
];

/** Classes, not globs: the same list works in dist/, ts-jest and scripts (ESM). */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  StatutoryClocks1763900000000,
  BoardIndexes1764000000000,
  EscalationHandling1764100000000,
  Dialogues1764200000000,
  ReceptionDays1764210000000,
  Satisfaction1764220000000,
  Grouping1764230000000,
  SubjectClocks1764240000000,
  CalendarFacts1764304000000,
  DenunciationRules1764306000000,
  TrustworthyNumbers1764307000000,
  PolicyCorrections1764308000000,
  PetitionLists1764401000000,
  NotificationSignals1764402000000,
];

/** Schema changes only ever come from migrations; nothing synchronizes or migrates implicitly. */
export function dataSourceOptions(databaseUrl: string, extra: { poolSize?: number; applicationName?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Failed statements are logged by code and table, never with their parameters (personal data).
    logger: new SafeSqlLogger(),
    poolSize: extra.poolSize ?? 10,
    applicationName: extra.applicationName ?? 'grassroots',
  };
}
