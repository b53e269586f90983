import { BoardStatsUseCase, type CurrentUser, OverdueBoardUseCase, OverdueCommitmentsUseCase } from '@app/application';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { User } from '../auth/auth.guard.js';
import { BoardStatsQuery, BoardStatsView, OverdueBoardQuery, OverdueBoardView, OverdueCommitmentsQuery, OverdueCommitmentsView } from './board.dto.js';

/**
 * The mass-mobilization board's read-only views, within the caller's jurisdiction: the overdue worklist and
 * figures by unit. Readable by board, head, desk and admin; a handler gets 403.
 */
@ApiTags('board')
@ApiBearerAuth()
@ApiExtraModels(BoardStatsView, OverdueBoardView, OverdueCommitmentsView)
@Controller('board')
export class BoardController {
  constructor(
    private readonly overdue: OverdueBoardUseCase,
    private readonly stats: BoardStatsUseCase,
    private readonly overdueCommitments: OverdueCommitmentsUseCase,
  ) {}

  @Get('overdue')
  @ApiOperation({ summary: 'Overdue and near-breach petitions (one row per open clock), most overdue first, then nearest to breach' })
  @ApiOkResponse({ type: OverdueBoardView })
  list(@User() user: CurrentUser, @Query() query: OverdueBoardQuery) {
    return this.overdue.execute(user, query);
  }

  @Get('overdue-commitments')
  @ApiOperation({ summary: 'Commitments made at dialogues and not kept in time, oldest due date first (they are also carried into the next conference agenda)' })
  @ApiOkResponse({ type: OverdueCommitmentsView })
  commitments(@User() user: CurrentUser, @Query() query: OverdueCommitmentsQuery) {
    return this.overdueCommitments.execute(user, query);
  }

  @Get('stats')
  @ApiOperation({ summary: 'Figures by unit over a period of Vietnam local dates, with the grassroots resolution rate and its definitions' })
  @ApiOkResponse({ type: BoardStatsView })
  figures(@User() user: CurrentUser, @Query() query: BoardStatsQuery) {
    return this.stats.execute(user, query);
  }
}
