import { APP_CONFIG, type AppConfig } from '@app/config';
import { type Clock, systemClock } from '@app/domain';
import { Module, type Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from './auth/login.use-case.js';
import { NotificationQueries } from './notifications/notification-queries.js';
import { NotifyAssigneeUseCase } from './notifications/notify-assignee.use-case.js';
import { NotifyFollowersUseCase } from './notifications/notify-followers.use-case.js';
import { CreatePetitionUseCase } from './petitions/create-petition.use-case.js';
import { PerformPetitionActionUseCase } from './petitions/perform-petition-action.use-case.js';
import { PetitionQueries } from './petitions/petition-queries.js';
import { ProjectBoardUseCase } from './projections/project-board.use-case.js';
import { CLOCK } from './shared/clock.provider.js';
import { type SharedTestClock, startSharedTestClock, TEST_CLOCK } from './shared/shared-test-clock.js';
import { SetRemoteAreaUseCase, UnitQueries } from './units/unit-queries.js';
import { EscalatePetitionUseCase } from './deadlines/escalate-petition.use-case.js';
import { FireDueThresholdsUseCase } from './deadlines/fire-due-thresholds.use-case.js';
import { DailyDigestUseCase } from './deadlines/daily-digest.use-case.js';
import { ReconcileEscalationsUseCase } from './deadlines/reconcile-escalations.use-case.js';
import { MarkCommitmentOverdueUseCase } from './deadlines/mark-commitment-overdue.use-case.js';
import { OverdueBoardUseCase } from './board/overdue-board.use-case.js';
import { BoardStatsUseCase } from './board/board-stats.use-case.js';
import { OverdueCommitmentsUseCase } from './board/overdue-commitments.use-case.js';
import { DeadlineQueries } from './deadlines/deadline-queries.js';
import { ClockActsUseCase } from './deadlines/clock-acts.use-case.js';
import { SetCaseFlagsUseCase } from './deadlines/case-flags.use-case.js';
import { RecordComplaintObstacleUseCase } from './petitions/complaint-obstacle.use-case.js';
import { DeadlinePolicyAdminUseCase } from './deadlines/policy-admin.use-case.js';
import { CalendarAdminUseCase } from './deadlines/calendar-admin.use-case.js';
import { DIALOGUE_USE_CASES } from './dialogues/index.js';
import { RECEPTION_USE_CASES } from './reception/index.js';
import { SATISFACTION_USE_CASES } from './satisfaction/index.js';
import { GROUPING_USE_CASES } from './grouping/index.js';
import { PUBLIC_BASE_URL } from './shared/public-urls.js';
import { UserDirectoryQueries } from './users/user-directory.js';
import { PetitionReceiptQuery } from './petitions/petition-receipt.js';

const USE_CASES = [
  AuthService,
  CreatePetitionUseCase,
  PerformPetitionActionUseCase,
  PetitionQueries,
  UserDirectoryQueries,
  PetitionReceiptQuery,
  UnitQueries,
  SetRemoteAreaUseCase,
  NotificationQueries,
  NotifyAssigneeUseCase,
  NotifyFollowersUseCase,
  ProjectBoardUseCase,
  FireDueThresholdsUseCase,
  EscalatePetitionUseCase,
  DailyDigestUseCase,
  ReconcileEscalationsUseCase,
  MarkCommitmentOverdueUseCase,
  OverdueBoardUseCase,
  BoardStatsUseCase,
  OverdueCommitmentsUseCase,
  DeadlineQueries,
  ClockActsUseCase,
  SetCaseFlagsUseCase,
  RecordComplaintObstacleUseCase,
  DeadlinePolicyAdminUseCase,
  CalendarAdminUseCase,
  ...DIALOGUE_USE_CASES,
  ...RECEPTION_USE_CASES,
  ...SATISFACTION_USE_CASES,
  ...GROUPING_USE_CASES,
];

/**
 * Time: CLOCK is what every consumer injects. With GRASSROOTS_TEST_CLOCK on it is the started SharedTestClock
 * (also under TEST_CLOCK, for whoever moves it or reacts to moves); otherwise the system clock and TEST_CLOCK is null.
 */
const CLOCK_PROVIDERS: Provider[] = [
  {
    provide: TEST_CLOCK,
    inject: [APP_CONFIG, DataSource],
    useFactory: async (config: AppConfig, dataSource: DataSource): Promise<SharedTestClock | null> =>
      config.testClock ? startSharedTestClock(dataSource, config.databaseUrl) : null,
  },
  {
    provide: CLOCK,
    inject: [TEST_CLOCK],
    useFactory: (testClock: SharedTestClock | null): Clock => testClock ?? systemClock,
  },
];

/** Use cases shared by the API and the worker. Needs a TypeORM DataSource and the ConfigModule from the importing app. */
const PUBLIC_URL_PROVIDERS: Provider[] = [{ provide: PUBLIC_BASE_URL, inject: [APP_CONFIG], useFactory: (config: AppConfig) => config.publicBaseUrl }];

@Module({
  providers: [...CLOCK_PROVIDERS, ...PUBLIC_URL_PROVIDERS, ...USE_CASES],
  exports: [CLOCK, TEST_CLOCK, PUBLIC_BASE_URL, ...USE_CASES],
})
export class ApplicationModule {}
