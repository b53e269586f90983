import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalText, Page, PageSize, QueryBoolean, Text } from '../http/dto-decorators.js';

/** A representative of a group petition (K16): one of the signatories, with a contact. */
export class RepresentativeDto {
  @ApiProperty({ example: 'Nguyễn Văn An', description: 'Must be one of the petitioner and co-petitioners' })
  @Text(200) fullName: string;
  @ApiPropertyOptional({ description: 'CCCD/ID number, 9 or 12 digits; decides which signatory is meant', example: '022090001234' })
  @IsOptional() @IsString() @Matches(/^(\d{9}|\d{12})$/) idNumber?: string;
  @ApiPropertyOptional({ description: 'How the unit reaches the representative', example: '0912345678' })
  @IsOptional() @IsString() @Matches(/^\+?[0-9 .-]{8,20}$/) phone?: string;
}

export class SetRepresentativesBody {
  @ApiProperty({ type: [RepresentativeDto], description: '5–10 signatories: 1–2 representatives; more than 10: 1–5 (NĐ 124/2020 Art 7)' })
  @IsDefined() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RepresentativeDto) representatives: RepresentativeDto[];
}

export class ClusterDraftBody {
  @ApiProperty({ example: 'Thu hồi đất ở thôn Đông Hạ' }) @Text(300) title: string;
  @ApiProperty() @Text(20000) content: string;
  @ApiPropertyOptional({ example: 'Thôn Đông Hạ' }) @OptionalText(500) place?: string;
  @ApiPropertyOptional({ example: '125/QĐ-UBND', description: 'The decision complained about or referred to' })
  @OptionalText(200) respondentDecisionRef?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() receivingUnitId: string;
}

export class CreateClusterBody {
  @ApiProperty({ example: 'Thu hồi đất thôn Đông Hạ' }) @Text(300) title: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The petitions about this matter (same jurisdiction, not in another cluster)' })
  @IsDefined() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @IsUUID('all', { each: true }) petitionIds: string[];
  @ApiPropertyOptional({ description: 'A short topic key, e.g. "thu-hoi-dat"' }) @OptionalText(200) topicKey?: string;
  @ApiPropertyOptional({ example: '125/QĐ-UBND' }) @OptionalText(200) respondentDecisionRef?: string;
  @ApiPropertyOptional({ example: 'Thôn Đông Hạ' }) @OptionalText(500) place?: string;
  @ApiPropertyOptional() @OptionalText() note?: string;
}

export class AddClusterMembersBody {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsDefined() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @IsUUID('all', { each: true }) petitionIds: string[];
  @ApiPropertyOptional() @OptionalText() note?: string;
}

export class CloseClusterBody {
  @ApiProperty({ description: 'Why the cluster is closed (the matter handled), for the trail of every member', example: 'Đã giải quyết chung bằng Quyết định 210/QĐ-UBND' })
  @Text(2000) reason: string;
}

export class RemoveClusterMemberQuery {
  @ApiPropertyOptional({ description: 'Why the petition leaves the cluster' }) @OptionalText() reason?: string;
}

export class ListClustersQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'] }) @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @PageSize() pageSize: number = 20;
}

export class ReturnToCommuneBody {
  @ApiProperty({ format: 'uuid', description: 'The competent commune (xã, phường, đặc khu) of the same province' }) @IsUUID() communeId: string;
  @ApiPropertyOptional({ description: 'Added to the transfer reason' }) @OptionalText() note?: string;
}

export class HotSpotsQuery {
  @ApiPropertyOptional({ default: 7, minimum: 1, maximum: 365, description: 'Growth window: members that joined in the last N days' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(365) days?: number;
  @ApiPropertyOptional({ default: false, description: 'Only the clusters flagged hot' })
  @IsOptional() @QueryBoolean() @IsBoolean() hotOnly?: boolean;
}
