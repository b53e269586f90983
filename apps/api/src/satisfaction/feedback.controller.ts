import { CitizenFeedbackUseCase } from '@app/application';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiGoneResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard.js';
import { RateLimit } from '../throttling/rate-limit.guard.js';
import { FeedbackDto, FeedbackPageView, FeedbackResultView } from './satisfaction.dto.js';

/** Longer than any real token: the use case answers anything else with the same 404 as an unknown token. */
const TOKEN_PARAM_MAX = 100;

/**
 * Public: the citizen's one-time satisfaction link (no login). The token is a bearer secret, so it is never
 * echoed back, logged (see pinoHttpOptions) or shown to staff.
 */
@ApiTags('feedback')
@RateLimit('public') // tokens must not be guessable by volume
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly feedback: CitizenFeedbackUseCase) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What the feedback link is about (public petition facts only) and what the citizen may do' })
  @ApiParam({ name: 'token', description: 'The one-time token from the citizen message' })
  @ApiOkResponse({ type: FeedbackPageView })
  @ApiNotFoundResponse({ description: 'Unknown or malformed token' })
  @ApiGoneResponse({ description: 'Expired, or superseded by a reopen or a new result' })
  view(@Param('token') token: string) {
    return this.feedback.view(token.slice(0, TOKEN_PARAM_MAX));
  }

  @Public()
  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record the rating once. Not satisfied: feedback and recommendations are reopened at the same unit; complaints and denunciations get their legal remedy explained',
  })
  @ApiParam({ name: 'token', description: 'The one-time token from the citizen message' })
  @ApiOkResponse({ type: FeedbackResultView })
  @ApiNotFoundResponse({ description: 'Unknown or malformed token' })
  @ApiConflictResponse({ description: 'The link was already used' })
  @ApiGoneResponse({ description: 'Expired, or superseded by a reopen or a new result' })
  submit(@Param('token') token: string, @Body() body: FeedbackDto) {
    return this.feedback.submit(token.slice(0, TOKEN_PARAM_MAX), body);
  }
}
