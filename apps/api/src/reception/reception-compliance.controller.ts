import { type CurrentUser, ReceptionComplianceUseCase, ReceptionDutiesUseCase, ReceptionDutyRulesUseCase } from '@app/application';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { User } from '../auth/auth.guard.js';
import {
  AssignReceptionDutyDto,
  ListReceptionDutiesQuery,
  PublishDutyRuleDto,
  ReceptionComplianceDto,
  ReceptionComplianceQuery,
  ReceptionDutyRuleDto,
  ReceptionDutyViewDto,
} from './reception.dto.js';

/** Reception-duty compliance per head and month, on the board (board: its province; a commune head or desk: own commune). */
@ApiTags('board')
@ApiBearerAuth()
@Controller('board/reception-compliance')
export class ReceptionComplianceController {
  constructor(private readonly compliance: ReceptionComplianceUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Per head and month: position, days required by the rule in force over the part of the month the head held the duty, days held; in progress until the month is over, flagged when short' })
  @ApiOkResponse({ type: ReceptionComplianceDto })
  get(@User() user: CurrentUser, @Query() query: ReceptionComplianceQuery) {
    return this.compliance.execute(user, query);
  }
}

/** Who holds which reception position where (users carry only a role). */
@ApiTags('reception-days')
@ApiBearerAuth()
@Controller('reception-duties')
export class ReceptionDutiesController {
  constructor(private readonly duties: ReceptionDutiesUseCase) {}

  @Post()
  @ApiOperation({ summary: 'Record that a head holds a reception position in a unit from a date (head of that unit, or admin)' })
  @ApiCreatedResponse({ type: ReceptionDutyViewDto })
  assign(@User() user: CurrentUser, @Body() body: AssignReceptionDutyDto) {
    return this.duties.assign(user, body);
  }

  @Get()
  @ApiOkResponse({ type: [ReceptionDutyViewDto] })
  list(@User() user: CurrentUser, @Query() query: ListReceptionDutiesQuery) {
    return this.duties.list(user, query);
  }
}

/** The reception duty rules (R1, R1', R2, R4) as data, with legal reference and verification mark. */
@ApiTags('reception-days')
@ApiBearerAuth()
@Controller('reception-duty-rules')
export class ReceptionDutyRulesController {
  constructor(private readonly rules: ReceptionDutyRulesUseCase) {}

  @Get()
  @ApiOkResponse({ type: [ReceptionDutyRuleDto] })
  list() {
    return this.rules.list();
  }

  @Post()
  @ApiOperation({ summary: 'Admin: a new rule version for a position from a future date; the one in force ends the day before' })
  @ApiCreatedResponse({ type: [ReceptionDutyRuleDto] })
  publish(@User() user: CurrentUser, @Body() body: PublishDutyRuleDto) {
    return this.rules.publish(user, body);
  }
}
