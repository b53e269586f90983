import { COMPLIANCE_STATUSES, RECEPTION_DAY_STATUSES, RECEPTION_POSITIONS } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsLocalDate, IsYearMonth, OptionalText, Page, PageSize, Text } from '../http/dto-decorators.js';
import { BilingualText, PersonRef, UnitRef } from '../http/response-shapes.js';

type Position = (typeof RECEPTION_POSITIONS)[number];

export class PlanReceptionDayDto {
  @ApiProperty({ format: 'uuid', description: 'The commune (commune positions) or province (provincial positions) the head receives citizens for' })
  @IsUUID() unitId: string;
  @ApiProperty({ format: 'uuid', description: 'The head who receives citizens in person; must hold the position there on that date (see /api/reception-duties)' })
  @IsUUID() hostUserId: string;
  @ApiProperty({ enum: RECEPTION_POSITIONS }) @IsIn(RECEPTION_POSITIONS) position: Position;
  @ApiProperty({ example: '2026-12-03', description: 'Vietnam local date (UTC+7); today or later' }) @IsDefined() @IsLocalDate() date: string;
  @ApiProperty({ example: 'Trụ sở tiếp công dân phường' }) @Text(300) venue: string;
  @ApiPropertyOptional() @OptionalText() note?: string;
}

export class ListReceptionDaysQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() hostUserId?: string;
  @ApiPropertyOptional({ example: '2026-12', description: 'Days whose Vietnam local date is in this month' }) @IsOptional() @IsYearMonth() month?: string;
  @ApiPropertyOptional({ enum: RECEPTION_DAY_STATUSES }) @IsOptional() @IsIn(RECEPTION_DAY_STATUSES) status?: (typeof RECEPTION_DAY_STATUSES)[number];
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 50 }) @PageSize(200) pageSize: number = 50;
}

export class HoldReceptionDayBody {
  @ApiPropertyOptional({ description: 'How many citizens came; defaults to the number of names given' })
  @IsOptional() @IsInt() @Min(0) @Max(100000) attendeeCount?: number;
  @ApiPropertyOptional({ type: [String], description: 'Names of citizens who agreed to give them' })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(200, { each: true }) attendeeNames?: string[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Petitions taken (existing and in your jurisdiction; log new ones with POST /api/petitions, channel in_person)' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) petitionIds?: string[];
  @ApiPropertyOptional() @OptionalText(4000) note?: string;
}

export class CancelReceptionDayBody {
  @ApiProperty({ example: 'Lãnh đạo đi công tác đột xuất' }) @Text() reason: string;
}

export class LinkReceptionPetitionsBody {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Petitions received that day, logged after it was recorded' })
  @IsDefined() @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @IsUUID('all', { each: true }) petitionIds: string[];
}

/** The body each action takes; the route validates against the class for the action named in the URL. */
export const RECEPTION_ACTION_BODIES = {
  hold: HoldReceptionDayBody,
  cancel: CancelReceptionDayBody,
  'link-petitions': LinkReceptionPetitionsBody,
} as const;

export class ReceptionComplianceQuery {
  @ApiProperty({ example: '2026-12', description: 'Month, Vietnam local dates' }) @IsDefined() @IsYearMonth() month: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'One commune or province in your jurisdiction' }) @IsOptional() @IsUUID() unitId?: string;
}

export class AssignReceptionDutyDto {
  @ApiProperty({ format: 'uuid', description: 'An active head of that unit' }) @IsUUID() userId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ enum: RECEPTION_POSITIONS }) @IsIn(RECEPTION_POSITIONS) position: Position;
  @ApiPropertyOptional({ example: '2026-07-01', description: 'Default: today (Vietnam)' }) @IsOptional() @IsLocalDate() effectiveFrom?: string;
  @ApiPropertyOptional({ description: 'Last day held (inclusive); open-ended when absent' }) @IsOptional() @IsLocalDate() effectiveTo?: string;
}

export class ListReceptionDutiesQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: RECEPTION_POSITIONS }) @IsOptional() @IsIn(RECEPTION_POSITIONS) position?: Position;
}

export class PublishDutyRuleDto {
  @ApiProperty({ example: "R1'", description: 'DOMAIN.md row id' }) @Text(20) ruleId: string;
  @ApiProperty({ enum: RECEPTION_POSITIONS }) @IsIn(RECEPTION_POSITIONS) position: Position;
  @ApiPropertyOptional({ description: 'Exactly one of minDaysPerMonth and minDaysPerWeek' }) @IsOptional() @IsInt() @Min(1) @Max(31) minDaysPerMonth?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(7) minDaysPerWeek?: number;
  @ApiProperty() @Text(500) legalReference: string;
  @ApiProperty({ enum: ['verified', 'partial', 'unverified'] }) @IsIn(['verified', 'partial', 'unverified']) verification: 'verified' | 'partial' | 'unverified';
  @ApiPropertyOptional() @OptionalText() note?: string;
  @ApiProperty({ example: '2027-01-01', description: 'Today or later; ends the rule in force the day before' }) @IsDefined() @IsLocalDate() effectiveFrom: string;
}

// Response shapes, for the OpenAPI document.

class ReceptionLinkedPetition {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() trackingCode: string;
  @ApiProperty() kind: string;
  @ApiProperty() status: string;
  @ApiProperty() title: string;
}
class ReceptionDayEventView {
  @ApiProperty() sequence: number;
  @ApiProperty({ enum: ['ReceptionDayPlanned', 'ReceptionDayHeld', 'ReceptionDayCancelled', 'ReceptionPetitionsLinked'] }) type: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
}

export class ReceptionDayViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @ApiProperty({ type: PersonRef }) host: PersonRef;
  @ApiProperty({ enum: RECEPTION_POSITIONS }) position: string;
  @ApiProperty({ type: BilingualText }) positionLabel: BilingualText;
  @ApiProperty({ example: '2026-12-03' }) date: string;
  @ApiProperty() venue: string;
  @ApiProperty({ enum: RECEPTION_DAY_STATUSES }) status: string;
  @ApiProperty({ type: BilingualText }) statusLabel: BilingualText;
  @ApiProperty({ nullable: true, type: String, description: 'Legal reference of the duty rule in force on the date' }) legalBasis: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: Number }) attendeeCount: number | null;
  @ApiProperty({ nullable: true, type: [String], description: 'Only for reception desks, heads and administrators; null for handlers and the board (DOMAIN.md §7)' }) attendeeNames: string[] | null;
  @ApiProperty({ type: [ReceptionLinkedPetition] }) petitions: ReceptionLinkedPetition[];
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) heldRecordedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt: string | null;
}

export class ReceptionDayDetailDto extends ReceptionDayViewDto {
  @ApiProperty({ type: [String], enum: ['hold', 'cancel', 'link-petitions'] }) availableActions: string[];
  @ApiProperty({ type: [ReceptionDayEventView], description: 'Append-only audit trail' }) events: ReceptionDayEventView[];
}

export class ReceptionDayPageDto {
  @ApiProperty({ type: [ReceptionDayViewDto] }) items: ReceptionDayViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ReceptionDutyRuleDto {
  @ApiProperty() ruleId: string;
  @ApiProperty({ enum: RECEPTION_POSITIONS }) position: string;
  @ApiProperty({ nullable: true, type: Number }) minDaysPerMonth: number | null;
  @ApiProperty({ nullable: true, type: Number }) minDaysPerWeek: number | null;
  @ApiProperty() legalReference: string;
  @ApiProperty({ enum: ['verified', 'partial', 'unverified'] }) verification: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo: string | null;
}

export class ReceptionDutyViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PersonRef }) user: PersonRef;
  @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @ApiProperty({ enum: RECEPTION_POSITIONS }) position: string;
  @ApiProperty({ type: BilingualText }) positionLabel: BilingualText;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo: string | null;
}

class ReceptionShortWeek {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() held: number;
}

class ReceptionComplianceRowDto {
  @ApiProperty({ type: PersonRef }) host: PersonRef;
  @ApiProperty({ type: UnitRef }) unit: UnitRef;
  @ApiProperty({ enum: RECEPTION_POSITIONS }) position: string;
  @ApiProperty({ type: BilingualText }) positionLabel: BilingualText;
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty() required: number;
  @ApiProperty() held: number;
  @ApiProperty({ type: [String] }) heldDates: string[];
  @ApiProperty() planned: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({ type: [ReceptionShortWeek], description: 'Weekly rules only: weeks of the duty that are over (or can no longer be met) and short' }) shortWeeks: ReceptionShortWeek[];
  @ApiProperty({ enum: COMPLIANCE_STATUSES, description: 'in_progress: the month is not over and the requirement can still be met' }) status: string;
  @ApiProperty({ description: 'status = short' }) flagged: boolean;
  @ApiProperty({ type: ReceptionDutyRuleDto, nullable: true }) rule: ReceptionDutyRuleDto | null;
}

class ReceptionComplianceTotals {
  @ApiProperty() heads: number;
  @ApiProperty() flagged: number;
  @ApiProperty() inProgress: number;
}

class ReceptionComplianceDefinitions {
  @ApiProperty({ type: BilingualText }) required: BilingualText;
  @ApiProperty({ type: BilingualText }) held: BilingualText;
  @ApiProperty({ type: BilingualText }) flagged: BilingualText;
  @ApiProperty({ type: BilingualText }) inProgress: BilingualText;
}

export class ReceptionComplianceDto {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: [ReceptionComplianceRowDto] }) rows: ReceptionComplianceRowDto[];
  @ApiProperty({ type: ReceptionComplianceTotals }) totals: ReceptionComplianceTotals;
  @ApiProperty({ type: ReceptionComplianceDefinitions }) definitions: ReceptionComplianceDefinitions;
}
