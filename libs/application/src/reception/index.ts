import type { Provider } from '@nestjs/common';
import { ReceptionComplianceUseCase } from './reception-compliance.use-case.js';
import { PlanReceptionDayUseCase, ReceptionDayActionUseCase, ReceptionDayQueries } from './reception-days.use-case.js';
import { ReceptionDutiesUseCase, ReceptionDutyRulesUseCase } from './reception-duties.use-case.js';

export * from './reception-compliance.use-case.js';
export * from './reception-days.use-case.js';
export * from './reception-duties.use-case.js';

/** Use cases for citizen-reception days; registered and exported by ApplicationModule. */
export const RECEPTION_USE_CASES: Provider[] = [
  PlanReceptionDayUseCase,
  ReceptionDayActionUseCase,
  ReceptionDayQueries,
  ReceptionDutiesUseCase,
  ReceptionDutyRulesUseCase,
  ReceptionComplianceUseCase,
];
