import { PetitionQueries } from '@app/application';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard.js';
import { RateLimit } from '../throttling/rate-limit.guard.js';

/** Public: a citizen follows a petition by its code. Status and dates only, never personal data. */
@ApiTags('tracking')
@Controller('track')
export class TrackingController {
  constructor(private readonly queries: PetitionQueries) {}

  @Public()
  @RateLimit('public') // codes must not be enumerable
  @Get(':trackingCode')
  track(@Param('trackingCode') code: string) {
    return this.queries.track(code.slice(0, 40));
  }
}
