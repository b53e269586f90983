import { ROLES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { OptionalText, Page, PageSize, QueryBoolean } from '../http/dto-decorators.js';
import { BilingualText, UnitRef } from '../http/response-shapes.js';

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: (typeof ROLES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'Part of the full name; diacritics-insensitive' }) @OptionalText(200) q?: string;
  @ApiPropertyOptional({ description: 'true: active accounts only; false: deactivated only; absent: both' })
  @IsOptional() @QueryBoolean() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @PageSize() pageSize: number = 20;
}

export class DirectoryUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Trần Thị Bình' }) fullName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: BilingualText }) roleLabel: BilingualText;
  @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @ApiProperty() active: boolean;
}

export class UserDirectoryPageDto {
  @ApiProperty({ type: [DirectoryUserDto] }) items: DirectoryUserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
