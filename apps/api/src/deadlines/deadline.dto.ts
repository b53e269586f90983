import {
  CALENDAR_FACTS,
  CALENDAR_YEAR_MAX,
  CALENDAR_YEAR_MIN,
  COMPLAINT_OBSTACLE_REASONS,
  type ComplaintObstacleReason,
  CLOCK_KINDS,
  type CalendarEntryKind,
  type CalendarFact,
  PAUSE_REASONS,
  PETITION_EVENT_TYPES,
  PETITION_KINDS,
  type AlertRecipient,
  type ClockKind,
  type DurationUnit,
  type PauseReason,
  type PetitionEventType,
  type PetitionKind,
  type Verification,
} from '@app/domain';
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
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DATE_DETAIL_SHORT, IsLocalDate, OptionalText, QueryBoolean, Text } from '../http/dto-decorators.js';

// ---------------------------------------------------------------- clock acts

export class PauseClockBody {
  @ApiProperty({ enum: PAUSE_REASONS, description: 'Typed reason; each rule allows some (K14: suspension, ...)' })
  @IsIn(PAUSE_REASONS)
  reason: PauseReason;
  @ApiPropertyOptional({ maxLength: 2000 }) @OptionalText() note?: string;
}

export class ExtendClockBody {
  @ApiProperty({ description: 'Why the case needs more time (LTC Art 30: complex, particularly complex)', maxLength: 2000 })
  @Text()
  reason: string;
  @ApiPropertyOptional({ example: '15/QĐ-UBND', description: 'The written extension decision' })
  @OptionalText(100)
  decisionRef?: string;
}

export class MeetClockBody {
  @ApiProperty({ example: 'CV 123/UBND-TTr ngày 25/11/2026', description: 'The document that meets the clock (e.g. the T3 notices)' })
  @Text(500)
  reference: string;
}

export class ComplaintObstacleBody {
  @ApiProperty({ example: '2026-12-01', description: 'First day the complainant could not act (Vietnam local date)' }) @IsDefined() @IsLocalDate() fromDay: string;
  @ApiProperty({ example: '2026-12-10', description: 'Last day, inclusive; not after today' }) @IsDefined() @IsLocalDate() toDay: string;
  @ApiProperty({ enum: COMPLAINT_OBSTACLE_REASONS, description: 'LKN Art 9: illness, natural disaster, war, work or study far away, other objective obstacle' })
  @IsIn(COMPLAINT_OBSTACLE_REASONS)
  reason: ComplaintObstacleReason;
  @ApiPropertyOptional({ maxLength: 2000, description: 'The evidence seen (e.g. a hospital certificate)' }) @OptionalText() note?: string;
}

export class CaseFlagsBody {
  @ApiPropertyOptional({ description: 'Complex case: longer statutory periods (LKN Art 28, 37); one extension (LTC Art 30(2))' }) @IsOptional() @IsBoolean() complex?: boolean;
  @ApiPropertyOptional({ description: 'Particularly complex case (implies complex): two extensions (LTC Art 30(3))' })
  @IsOptional() @IsBoolean() particularlyComplex?: boolean;
  @ApiPropertyOptional({ description: 'Prolonged case (kéo dài): earlier escalation (DOMAIN.md §4.4)' }) @IsOptional() @IsBoolean() prolonged?: boolean;
  @ApiProperty({ maxLength: 2000 }) @Text() reason: string;
}

// ---------------------------------------------------------------- policies

const VERIFICATIONS = ['verified', 'partial', 'unverified'] as const;
const UNITS = ['calendar_days', 'working_days'] as const;
const RECIPIENTS = ['assignee', 'unit_heads', 'commune_heads', 'province_board'] as const;

export class PeriodVariantsDto {
  @ApiProperty({ minimum: 1, example: 30 }) @IsInt() @Min(1) @Max(3650) standard: number;
  @ApiPropertyOptional({ minimum: 1, example: 45 }) @IsOptional() @IsInt() @Min(1) @Max(3650) complex?: number;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(3650) remote?: number;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(3650) remoteComplex?: number;
}

export class ExtensionsByComplexityDto {
  @ApiPropertyOptional({ minimum: 0, example: 0 }) @IsOptional() @IsInt() @Min(0) @Max(10) standard?: number;
  @ApiPropertyOptional({ minimum: 0, example: 1 }) @IsOptional() @IsInt() @Min(0) @Max(10) complex?: number;
  @ApiPropertyOptional({ minimum: 0, example: 2 }) @IsOptional() @IsInt() @Min(0) @Max(10) particularly_complex?: number;
}

export class ExtensionRuleDto {
  @ApiProperty({ minimum: 1, example: 2 }) @IsInt() @Min(1) @Max(10) maxCount: number;
  @ApiProperty({ minimum: 1, example: 30 }) @IsInt() @Min(1) @Max(3650) days: number;
  @ApiPropertyOptional({ type: ExtensionsByComplexityDto, description: 'The most extensions by the case’s recorded complexity (LTC Art 30)' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ExtensionsByComplexityDto)
  maxCountByComplexity?: ExtensionsByComplexityDto;
}

export class ClockRuleDto {
  @ApiProperty({ example: 'K3', description: 'DOMAIN.md row id; unique within the policy' })
  @IsString() @Matches(/^[A-Z][A-Za-z0-9_-]{0,19}$/)
  ruleId: string;
  @ApiProperty({ enum: CLOCK_KINDS }) @IsIn(CLOCK_KINDS) clockKind: ClockKind;
  @ApiProperty({ enum: PETITION_KINDS, isArray: true })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(10) @IsIn(PETITION_KINDS, { each: true })
  petitionKinds: PetitionKind[];
  @ApiProperty({ enum: [1, 2] }) @IsIn([1, 2]) instance: 1 | 2;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() addressedToPartyHead?: boolean;
  @ApiProperty({ example: 'Luật Khiếu nại 2011 Điều 28' }) @Text(500) legalBasis: string;
  @ApiProperty({ enum: VERIFICATIONS }) @IsIn(VERIFICATIONS) verification: Verification;
  @ApiProperty({ enum: UNITS }) @IsIn(UNITS) unit: DurationUnit;
  @ApiProperty({ type: PeriodVariantsDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PeriodVariantsDto)
  days: PeriodVariantsDto;
  @ApiProperty({ enum: PETITION_EVENT_TYPES }) @IsIn(PETITION_EVENT_TYPES) startsOn: PetitionEventType;
  @ApiProperty({ enum: PETITION_EVENT_TYPES, isArray: true, description: 'Empty: met by hand (POST …/met)' })
  @IsArray() @ArrayMaxSize(30) @IsIn(PETITION_EVENT_TYPES, { each: true })
  metOn: PetitionEventType[];
  @ApiProperty({ enum: PETITION_EVENT_TYPES, isArray: true })
  @IsArray() @ArrayMaxSize(30) @IsIn(PETITION_EVENT_TYPES, { each: true })
  cancelledOn: PetitionEventType[];
  @ApiPropertyOptional({ description: 'Also met by POST …/met with the notice’s reference (R5: the written notice of receipt or transfer)' })
  @IsOptional() @IsBoolean() metByNotice?: boolean;
  @ApiPropertyOptional({ description: 'Does not apply to anonymous letters (LTC Art 25(2))' }) @IsOptional() @IsBoolean() skipAnonymous?: boolean;
  @ApiPropertyOptional({ description: 'False: the clock alerts but never raises the escalation level (T2, a duty only if outside competence)' })
  @IsOptional() @IsBoolean() escalates?: boolean;
  @ApiPropertyOptional({ enum: PETITION_EVENT_TYPES, isArray: true, description: 'Events that start the clock again once the earlier one stopped (a reopen)' })
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsIn(PETITION_EVENT_TYPES, { each: true })
  restartsOn?: PetitionEventType[];
  @ApiPropertyOptional({ type: ExtensionRuleDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ExtensionRuleDto)
  extension?: ExtensionRuleDto;
  @ApiProperty({ enum: PAUSE_REASONS, isArray: true })
  @IsArray() @ArrayMaxSize(10) @IsIn(PAUSE_REASONS, { each: true })
  pauseReasons: PauseReason[];
}

export class AlertStepDto {
  @ApiProperty({ example: '80', description: "'100' is the due rung; 'overdue' the repeat" }) @IsString() @Matches(/^[a-z0-9]{1,20}$/) key: string;
  @ApiPropertyOptional({ example: 0.8, description: 'Share of the period used (0 < share ≤ 1)' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  share?: number;
  @ApiPropertyOptional({ example: 10 }) @IsOptional() @IsInt() @Min(1) @Max(365) everyWorkingDaysOverdue?: number;
  @ApiProperty({ enum: RECIPIENTS, isArray: true })
  @IsArray() @ArrayMaxSize(10) @IsIn(RECIPIENTS, { each: true })
  notify: AlertRecipient[];
  @ApiProperty() @IsBoolean() escalate: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() informCitizenOfRights?: boolean;
}

export class EarlyEscalationDto {
  @ApiProperty({ example: 5, minimum: 1 }) @IsInt() @Min(1) @Max(100000) groupSize: number;
  @ApiProperty({ example: 0.8 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) atShare: number;
}

export class WorkingHoursDto {
  @ApiProperty({ example: 7 }) @IsInt() @Min(0) @Max(23) startHour: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(0) @Max(59) startMinute: number;
  @ApiProperty({ example: 17 }) @IsInt() @Min(0) @Max(23) endHour: number;
  @ApiProperty({ example: 0 }) @IsInt() @Min(0) @Max(59) endMinute: number;
}

export class SubjectClockRuleDto {
  @ApiProperty({ example: 'CM' }) @IsString() @Matches(/^[A-Z][A-Za-z0-9_-]{0,19}$/) ruleId: string;
  @ApiProperty({ example: 'Theo dõi thực hiện cam kết sau đối thoại' }) @Text(500) legalBasis: string;
  @ApiProperty({ enum: VERIFICATIONS }) @IsIn(VERIFICATIONS) verification: Verification;
  @ApiProperty({ enum: UNITS }) @IsIn(UNITS) unit: DurationUnit;
  @ApiProperty({ example: 30, description: 'The period; for a commitment, the default when the dialogue set no due date' })
  @IsInt() @Min(1) @Max(3650)
  days: number;
}

export class SubjectClocksDto {
  @ApiProperty({ type: SubjectClockRuleDto, description: 'Commitments made at dialogues (counted in calendar days to their due date)' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SubjectClockRuleDto)
  commitment: SubjectClockRuleDto;
  @ApiProperty({ type: SubjectClockRuleDto, description: "G4: publishing a commune conference's results" })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => SubjectClockRuleDto)
  resultsPublication: SubjectClockRuleDto;
}

export class ComplaintPeriodDaysDto {
  @ApiProperty({ minimum: 1, example: 30 }) @IsInt() @Min(1) @Max(3650) standard: number;
  @ApiPropertyOptional({ minimum: 1, example: 45 }) @IsOptional() @IsInt() @Min(1) @Max(3650) remote?: number;
}

export class ComplaintPeriodRuleDto {
  @ApiProperty({ example: 'K6' }) @IsString() @Matches(/^[A-Z][A-Za-z0-9_-]{0,19}$/) ruleId: string;
  @ApiProperty({ example: 'Luật Khiếu nại 2011 Điều 33' }) @Text(500) legalBasis: string;
  @ApiProperty({ enum: VERIFICATIONS }) @IsIn(VERIFICATIONS) verification: Verification;
  @ApiProperty({ enum: UNITS }) @IsIn(UNITS) unit: DurationUnit;
  @ApiProperty({ type: ComplaintPeriodDaysDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => ComplaintPeriodDaysDto) days: ComplaintPeriodDaysDto;
}

export class ComplaintPeriodsDto {
  @ApiProperty({ type: ComplaintPeriodRuleDto, description: 'K1: filing limit (LKN Art 9)' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ComplaintPeriodRuleDto)
  filing: ComplaintPeriodRuleDto;
  @ApiProperty({ type: ComplaintPeriodRuleDto, description: 'K6: second-time complaint window (LKN Art 33)' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ComplaintPeriodRuleDto)
  secondComplaint: ComplaintPeriodRuleDto;
  @ApiProperty({ type: ComplaintPeriodRuleDto, description: 'K10: first decision takes legal effect (LKN Art 44)' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ComplaintPeriodRuleDto)
  firstDecisionEffect: ComplaintPeriodRuleDto;
  @ApiProperty({ type: ComplaintPeriodRuleDto, description: 'K11: second decision takes legal effect (LKN Art 44)' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ComplaintPeriodRuleDto)
  secondDecisionEffect: ComplaintPeriodRuleDto;
}

export class OutsideBodyDto {
  @ApiProperty() @Text(300) name: string;
  @ApiProperty() @Text(500) address: string;
  @ApiProperty() @Text(500) legalBasis: string;
  @ApiProperty({ enum: VERIFICATIONS }) @IsIn(VERIFICATIONS) verification: Verification;
}

export class OutsideSectorBodyDto extends OutsideBodyDto {
  @ApiProperty({ type: [String], example: ['đất đai'] }) @IsArray() @ArrayNotEmpty() @ArrayMaxSize(50) @IsString({ each: true }) keywords: string[];
}

export class OutsideSecondInstanceDto {
  @ApiProperty({ type: [OutsideSectorBodyDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => OutsideSectorBodyDto) bySector: OutsideSectorBodyDto[];
  @ApiProperty({ type: OutsideBodyDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => OutsideBodyDto) fallback: OutsideBodyDto;
}

export class PublishDeadlinePolicyBody {
  @ApiProperty({ example: '2026-12-01', description: 'Local date, today or later; clocks started from then on use this version' })
  @IsString() @IsLocalDate(DATE_DETAIL_SHORT)
  effectiveFrom: string;
  @ApiProperty({ example: 'Luật Khiếu nại 2011; Luật Tố cáo 2018; QĐ 06/2018 (Ninh Bình)' })
  @Text()
  legalReference: string;
  @ApiProperty({ type: [ClockRuleDto] })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ClockRuleDto)
  rules: ClockRuleDto[];
  @ApiProperty({ type: [AlertStepDto] })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AlertStepDto)
  alertLadder: AlertStepDto[];
  @ApiProperty({ type: EarlyEscalationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => EarlyEscalationDto)
  earlyEscalation: EarlyEscalationDto;
  @ApiProperty({ type: WorkingHoursDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => WorkingHoursDto)
  workingHours: WorkingHoursDto;
  @ApiProperty({ example: 7 }) @IsInt() @Min(0) @Max(23) digestHour: number;
  @ApiPropertyOptional({ type: SubjectClocksDto, description: 'Clocks of commitments and dialogue results; the built-in defaults when absent' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SubjectClocksDto)
  subjectClocks?: SubjectClocksDto;
  @ApiPropertyOptional({ type: ComplaintPeriodsDto, description: "The complainant's periods (K1, K6, K10, K11); the built-in defaults when absent" })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ComplaintPeriodsDto)
  complaintPeriods?: ComplaintPeriodsDto;
  @ApiPropertyOptional({ type: OutsideSecondInstanceDto, description: 'Where complainants are guided when the second instance is outside the system' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => OutsideSecondInstanceDto)
  outsideSecondInstance?: OutsideSecondInstanceDto;
  @ApiPropertyOptional({ example: 30, description: 'How many days back a letter’s arrival day may be entered at intake' })
  @IsOptional() @IsInt() @Min(0) @Max(365) receivedOnMaxDaysBack?: number;
}

export class RecomputeScopeDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Petitions owned in this unit's subtree (a commune, or a whole province)" })
  @IsOptional() @IsUUID()
  unitId?: string;
  @ApiPropertyOptional({ example: 'P1' }) @OptionalText(20) ruleId?: string;
}

export class RecomputeBody {
  @ApiProperty({ type: RecomputeScopeDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => RecomputeScopeDto)
  scope: RecomputeScopeDto;
  @ApiProperty({ description: 'true: report what would change, write nothing' }) @IsBoolean() dryRun: boolean;
}

// ---------------------------------------------------------------- calendar

const ENTRY_KINDS: readonly CalendarEntryKind[] = ['holiday', 'compensatory', 'swap_off', 'swap_work'];

export class CalendarYearQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(CALENDAR_YEAR_MIN) @Max(CALENDAR_YEAR_MAX) year: number;
  @ApiPropertyOptional({ default: false }) @IsOptional() @QueryBoolean() @IsBoolean() includeWeekends: boolean = false;
}

export class DryRunQuery {
  @ApiPropertyOptional({ default: false, description: 'true: report the clocks that would move, write nothing' })
  @IsOptional() @QueryBoolean() @IsBoolean()
  dryRun: boolean = false;
}

export class CalendarEntryBody {
  @ApiProperty({ example: '2026-12-24' }) @IsString() @IsLocalDate(DATE_DETAIL_SHORT) date: string;
  @ApiProperty({ enum: ENTRY_KINDS }) @IsIn(ENTRY_KINDS) kind: CalendarEntryKind;
  @ApiProperty({ example: 'Nghỉ bù Quốc khánh' }) @Text(200) name: string;
  @ApiPropertyOptional({ example: 'Thông báo 9441/TB-BNV' }) @OptionalText(500) legalRef?: string;
}

export class CalendarFactBody {
  @ApiProperty({ example: 2027, description: 'The year of the announcement (for Tết: the year lunar New Year falls in)' })
  @IsInt() @Min(2000) @Max(2100)
  year: number;
  @ApiProperty({ enum: CALENDAR_FACTS, description: 'tet: the Tết span; national_day: the day next to 02/09; swaps: the year\'s swapped days' })
  @IsIn(CALENDAR_FACTS)
  fact: CalendarFact;
  @ApiProperty({ example: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ' }) @Text(500) reference: string;
  @ApiProperty({ enum: VERIFICATIONS, description: 'verified: checked against the notice itself; partial: against reports of it' })
  @IsIn(VERIFICATIONS)
  verification: Verification;
  @ApiPropertyOptional({ maxLength: 1000 }) @OptionalText(1000) note?: string;
}
