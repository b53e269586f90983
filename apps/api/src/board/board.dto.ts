import { BOARD_STATES, DEFAULT_NEAR_SHARE, STATS_GROUPINGS } from '@app/application';
import { CLOCK_KINDS, PETITION_KINDS } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsLocalDate, IsShare, Page, PageSize, ToNumber } from '../http/dto-decorators.js';
import { BilingualText, ReportPeriod, UnitRef } from '../http/response-shapes.js';

export class OverdueBoardQuery {
  @ApiPropertyOptional({
    default: DEFAULT_NEAR_SHARE,
    minimum: 0,
    maximum: 1,
    description: 'Near breach from this share of the period used, (now − start) / (due − start) in calendar time',
  })
  @IsOptional() @ToNumber() @IsShare() nearShare?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Owning unit, or a unit above it (a commune includes its departments); must be in your jurisdiction' })
  @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: PETITION_KINDS, description: 'Petition kind' }) @IsOptional() @IsIn(PETITION_KINDS) kind?: (typeof PETITION_KINDS)[number];
  @ApiPropertyOptional({ enum: CLOCK_KINDS, description: 'Clock kind' }) @IsOptional() @IsIn(CLOCK_KINDS) clockKind?: (typeof CLOCK_KINDS)[number];
  @ApiPropertyOptional({ enum: BOARD_STATES }) @IsOptional() @IsIn(BOARD_STATES) state?: (typeof BOARD_STATES)[number];
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @PageSize() pageSize: number = 20;
}

export class OverdueCommitmentsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Owner unit, or a unit above it; must be in your jurisdiction' })
  @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @PageSize() pageSize: number = 20;
}

export class BoardStatsQuery {
  @ApiProperty({ example: '2026-11-01', description: 'First day, Vietnam local date (UTC+7), inclusive' }) @IsDefined() @IsLocalDate() from: string;
  @ApiProperty({ example: '2026-11-30', description: 'Last day, Vietnam local date (UTC+7), inclusive' }) @IsDefined() @IsLocalDate() to: string;
  @ApiPropertyOptional({ enum: STATS_GROUPINGS, default: 'commune', description: 'unit: the owning unit; commune: its commune (province-level units under the province)' })
  @IsOptional() @IsIn(STATS_GROUPINGS) groupBy: (typeof STATS_GROUPINGS)[number] = 'commune';
}

// Response shapes, for the OpenAPI document.

class OverduePetition {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: PETITION_KINDS }) kind: string;
  @ApiProperty() status: string;
  @ApiProperty() title: string;
  @ApiProperty() escalationLevel: number;
  @ApiProperty({ type: UnitRef }) owningUnit: UnitRef;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId: string | null;
}

class OverdueClock {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CLOCK_KINDS }) kind: string;
  @ApiProperty({ example: 'K3' }) ruleId: string;
  @ApiProperty({ enum: ['running', 'breached'] }) status: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class OverdueBoardItemView {
  @ApiProperty({ enum: BOARD_STATES }) state: string;
  @ApiProperty({ nullable: true, type: String, example: 'P2DT9H', description: 'ISO 8601 duration past due (overdue only)' }) lateBy: string | null;
  @ApiProperty({ nullable: true, type: Number }) lateByMs: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'PT15H', description: 'ISO 8601 duration left (near breach only)' }) remaining: string | null;
  @ApiProperty({ nullable: true, type: Number }) remainingMs: number | null;
  @ApiProperty({ description: '(now − start) / (due − start), calendar time' }) shareUsed: number;
  @ApiProperty({ type: OverduePetition }) petition: OverduePetition;
  @ApiProperty({ type: OverdueClock }) clock: OverdueClock;
}

class OverdueDefinitions {
  @ApiProperty({ type: BilingualText }) overdue: BilingualText;
  @ApiProperty({ type: BilingualText }) nearBreach: BilingualText;
  @ApiProperty({ type: BilingualText }) order: BilingualText;
}

export class OverdueBoardView {
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty() nearShare: number;
  @ApiProperty({ type: [OverdueBoardItemView] }) items: OverdueBoardItemView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: OverdueDefinitions }) definitions: OverdueDefinitions;
}

class RateView {
  @ApiProperty({ nullable: true, type: Number, description: 'count / n; null when n = 0' }) value: number | null;
  @ApiProperty({ description: 'Numerator' }) count: number;
  @ApiProperty({ description: 'Denominator' }) n: number;
}

class StatsCountsView {
  @ApiProperty() received: number;
  @ApiProperty() resolved: number;
  @ApiProperty() resolvedOnTime: number;
  @ApiProperty() resolvedLate: number;
  @ApiProperty() overdueNow: number;
  @ApiProperty() escalated: number;
  @ApiProperty() transferredOut: number;
  @ApiProperty({ type: RateView }) onTimeRate: RateView;
  @ApiProperty({ type: RateView, description: 'Grassroots resolution rate (tỷ lệ giải quyết tại cơ sở): see definitions' }) grassrootsRate: RateView;
}

class StatsUnitRef extends UnitRef {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['province', 'commune', 'department', 'hamlet'] }) level: string;
}

class StatsRowView extends StatsCountsView {
  @ApiProperty({ type: StatsUnitRef }) unit: StatsUnitRef;
}

export class BoardStatsView {
  @ApiProperty({ type: ReportPeriod }) period: ReportPeriod;
  @ApiProperty({ enum: STATS_GROUPINGS }) groupBy: string;
  @ApiProperty({ format: 'date-time', description: 'When overdueNow was measured' }) asOf: string;
  @ApiProperty({ type: [StatsRowView] }) rows: StatsRowView[];
  @ApiProperty({ type: StatsCountsView }) totals: StatsCountsView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/BilingualText' },
    description: 'period, received, resolved, resolvedOnTime, overdueNow, escalated, transferredOut, onTimeRate, grassrootsRate',
  })
  definitions: Record<string, BilingualText>;
}

class OverdueCommitmentDialogue {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) heldAt: string | null;
}

class OverdueCommitmentItemView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['overdue', 'open', 'in_progress'] }) status: string;
  @ApiProperty({ example: '2026-12-23' }) dueDate: string;
  @ApiProperty() daysOverdue: number;
  @ApiProperty({ type: UnitRef }) ownerUnit: UnitRef;
  @ApiProperty({ nullable: true, type: String }) ownerPerson: string | null;
  @ApiProperty({ type: OverdueCommitmentDialogue }) dialogue: OverdueCommitmentDialogue;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) clockDueAt: string | null;
}

export class OverdueCommitmentsView {
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [OverdueCommitmentItemView] }) items: OverdueCommitmentItemView[];
}
