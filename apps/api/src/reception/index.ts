import type { Type } from '@nestjs/common';
import { ReceptionComplianceController, ReceptionDutiesController, ReceptionDutyRulesController } from './reception-compliance.controller.js';
import { ReceptionDaysController } from './reception-days.controller.js';

/** Controllers for citizen-reception days; registered by ApiModule. */
export const RECEPTION_CONTROLLERS: Type[] = [ReceptionDaysController, ReceptionDutiesController, ReceptionDutyRulesController, ReceptionComplianceController];
