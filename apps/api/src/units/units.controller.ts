import { type CurrentUser, SetRemoteAreaUseCase, UnitQueries } from '@app/application';
import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { User } from '../auth/auth.guard.js';
import { UuidParam } from '../http/uuid-param.js';

const LEVELS = ['province', 'commune', 'department', 'hamlet'] as const;

export class ListUnitsQuery {
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) level?: (typeof LEVELS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() provinceId?: string;
  @ApiPropertyOptional({ description: 'Name, diacritics-insensitive' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page: number = 1;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize: number = 100;
}

export class SetRemoteAreaBody {
  @ApiProperty() @IsBoolean() remoteArea: boolean;
  @ApiPropertyOptional({ description: 'The Government decision that lists the commune' }) @IsOptional() @IsString() @MaxLength(300) remoteAreaRef?: string;
}

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitQueries,
    private readonly setRemote: SetRemoteAreaUseCase,
  ) {}

  /** Admin: mark a commune remote (longer statutory periods for clocks that start afterwards). */
  @Patch(':id/remote-area')
  setRemoteArea(@User() user: CurrentUser, @UuidParam('id') id: string, @Body() body: SetRemoteAreaBody) {
    return this.setRemote.execute(user, id, body.remoteArea, body.remoteAreaRef ?? null);
  }

  @Get()
  list(@Query() query: ListUnitsQuery) {
    return this.units.list(query);
  }
}
