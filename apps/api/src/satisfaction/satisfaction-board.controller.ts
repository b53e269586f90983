import { type CurrentUser, SatisfactionBoardUseCase } from '@app/application';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { User } from '../auth/auth.guard.js';
import { SatisfactionBoardQuery, SatisfactionBoardResponse } from './satisfaction.dto.js';

/** Citizens' satisfaction on the board: same readers and jurisdiction as the other board views. */
@ApiTags('board')
@ApiBearerAuth()
@Controller('board')
export class SatisfactionBoardController {
  constructor(private readonly board: SatisfactionBoardUseCase) {}

  @Get('satisfaction')
  @ApiOperation({ summary: 'Citizen ratings per unit and per handler over a period of Vietnam local dates, with definitions' })
  @ApiOkResponse({ type: SatisfactionBoardResponse })
  figures(@User() user: CurrentUser, @Query() query: SatisfactionBoardQuery) {
    return this.board.execute(user, query);
  }
}
