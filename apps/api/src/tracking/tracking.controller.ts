import { PetitionQueries } from '@app/application';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.guard.js';

/** Public: a citizen follows a petition by its code. Status and dates only, never personal data. */
@ApiTags('tracking')
@Controller('track')
export class TrackingController {
  constructor(private readonly queries: PetitionQueries) {}

  @Public()
  @Get(':trackingCode')
  track(@Param('trackingCode') code: string) {
    return this.queries.track(code.slice(0, 40));
  }
}
