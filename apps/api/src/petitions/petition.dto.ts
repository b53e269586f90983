import { PETITION_LIST_SCOPES, PETITION_LIST_SORTS } from '@app/application';
import { CLOCK_KINDS, DEADLINE_BADGE_STATES, FILING_REASONS, INTAKE_CHANNELS, PETITION_CHANNELS, PETITION_KINDS, PETITION_STATUSES, REJECTION_GROUNDS } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  IsBoolean,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RepresentativeDto } from '../grouping/grouping.dto.js';
import { IsLocalDate, OptionalText, Page, PageSize, QueryBoolean, Text } from '../http/dto-decorators.js';
import { BilingualText } from '../http/response-shapes.js';

export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Văn An' }) @Text(200) fullName: string;
  @ApiPropertyOptional({ description: 'CCCD/ID number, 9 or 12 digits', example: '022090001234' })
  @IsOptional() @IsString() @Matches(/^(\d{9}|\d{12})$/) idNumber?: string;
  @ApiPropertyOptional({ example: '0912345678' }) @IsOptional() @IsString() @Matches(/^\+?[0-9 .-]{8,20}$/) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional() @OptionalText(500) address?: string;
}

export class CreatePetitionDto {
  @ApiProperty({ enum: PETITION_KINDS }) @IsIn(PETITION_KINDS) kind: (typeof PETITION_KINDS)[number];
  @ApiProperty({ enum: INTAKE_CHANNELS }) @IsIn(INTAKE_CHANNELS) channel: (typeof INTAKE_CHANNELS)[number];
  @ApiProperty({ example: 'Đường thôn Đồng Mát ngập sau mưa' }) @Text(300) title: string;
  @ApiProperty() @Text(20000) content: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() receivingUnitId: string;
  @ApiPropertyOptional({ type: PersonDto, description: 'Required unless the letter is anonymous' })
  @ValidateIf((o: CreatePetitionDto) => o.anonymous !== true)
  @IsDefined() @IsObject() @ValidateNested() @Type(() => PersonDto) petitioner?: PersonDto;
  @ApiPropertyOptional({ default: false, description: 'A denunciation with no name (LTC Art 25(2)); give no petitioner' })
  @IsOptional() @IsBoolean() anonymous?: boolean;
  @ApiPropertyOptional({ default: false, description: 'Addressed to the Party committee head: the R5 written-reply clock (QĐ 11-QĐi/TW)' })
  @IsOptional() @IsBoolean() addressedToPartyHead?: boolean;
  @ApiPropertyOptional({ type: [PersonDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => PersonDto) coPetitioners?: PersonDto[];
  @ApiPropertyOptional() @OptionalText(200) topic?: string;
  @ApiPropertyOptional() @OptionalText(500) location?: string;
  // Grouping (issue 4): the decision the petition is about (cluster matching), and a group petition's representatives (K16).
  @ApiPropertyOptional({ example: '125/QĐ-UBND', description: 'The decision complained about or referred to' })
  @OptionalText(200) respondentDecisionRef?: string;
  @ApiPropertyOptional({ type: [RepresentativeDto], description: 'Group petitions (K16): 5–10 signatories → 1–2; more than 10 → at most 5' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => RepresentativeDto) representatives?: RepresentativeDto[];
  @ApiPropertyOptional({ example: '2026-08-20', description: 'Complaints (K1, LKN Art 9): the local date the complainant received or learnt of the decision; past 90 days the response warns' })
  @IsOptional() @IsLocalDate() decisionKnownOn?: string;
  // Issue 7 §7: a letter entered after it arrived; the receipt clocks (R7 …) start from this day.
  @ApiPropertyOptional({ example: '2026-11-20', description: 'Local day the letter arrived (postmark or desk receipt); not after today, at most the policy’s days back' })
  @IsOptional() @IsLocalDate() receivedOn?: string;
}

export class ListPetitionsQuery {
  @ApiPropertyOptional({ enum: PETITION_STATUSES }) @IsOptional() @IsIn(PETITION_STATUSES) status?: (typeof PETITION_STATUSES)[number];
  @ApiPropertyOptional({ enum: PETITION_KINDS }) @IsOptional() @IsIn(PETITION_KINDS) kind?: (typeof PETITION_KINDS)[number];
  @ApiPropertyOptional({ enum: PETITION_CHANNELS, description: 'How the petition came in' })
  @IsOptional() @IsIn(PETITION_CHANNELS) channel?: (typeof PETITION_CHANNELS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ enum: PETITION_LIST_SCOPES, description: "The inbox: mine = assigned to me; unit = owned by my unit" })
  @IsOptional() @IsIn(PETITION_LIST_SCOPES) scope?: (typeof PETITION_LIST_SCOPES)[number];
  @ApiPropertyOptional({ description: 'true: only petitions not in a final state (rejected, transferred, guided, filed, withdrawn, closed)' })
  @IsOptional() @QueryBoolean() @IsBoolean() open?: boolean;
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Reception log: received on or after this day (Vietnam local date, inclusive)' })
  @IsOptional() @IsLocalDate() receivedFrom?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Reception log: received on or before this day (Vietnam local date, inclusive)' })
  @IsOptional() @IsLocalDate() receivedTo?: string;
  @ApiPropertyOptional({
    enum: PETITION_LIST_SORTS,
    description:
      'created: newest first (default); received: by the day received, oldest first (default with receivedFrom, receivedTo or channel); time_left: the running clock due soonest first, petitions without one last',
  })
  @IsOptional() @IsIn(PETITION_LIST_SORTS) sort?: (typeof PETITION_LIST_SORTS)[number];
  @ApiPropertyOptional({
    description:
      "Free text, diacritics-insensitive: title, topic, place, content; the tracking code with or without dashes; the petitioner's name, phone or ID number where you may see who petitioned",
  })
  @OptionalText(200) q?: string;
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @PageSize() pageSize: number = 20;
}

// Response shapes of the list, for the OpenAPI document (the web client is generated from it).

export class DeadlineBadgeView {
  @ApiProperty({ format: 'uuid' }) clockId: string;
  @ApiProperty({ example: 'K3' }) rule: string;
  @ApiProperty({ enum: CLOCK_KINDS }) clockKind: string;
  @ApiProperty({ enum: ['calendar_days', 'working_days'] }) unit: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Null while paused' }) dueAt: string | null;
  @ApiProperty({ example: '2026-12-23', description: 'Last day of the period, Vietnam local date (while paused: if resumed today)' }) dueOn: string;
  @ApiProperty({ enum: DEADLINE_BADGE_STATES, description: 'half and late80 from when the 50 % and 80 % alerts are due' }) state: string;
  @ApiProperty({ description: 'Share of the period used, paused days not counted, in percent; above 100 when overdue' }) percentElapsed: number;
  @ApiProperty({ nullable: true, type: Number, description: "Days of the clock's unit left, today included; null when overdue" }) daysLeft: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Calendar days past the last day; null unless overdue' }) daysOverdue: number | null;
  @ApiProperty({ type: BilingualText, example: { vi: 'Còn 3 ngày', en: '3 days left' } }) label: BilingualText;
}

export class PetitionListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7DM-93XA-2FQP' }) trackingCode: string;
  @ApiProperty({ enum: PETITION_KINDS }) kind: string;
  @ApiProperty({ type: BilingualText }) kindLabel: BilingualText;
  @ApiProperty({ enum: PETITION_CHANNELS }) channel: string;
  @ApiProperty({ enum: PETITION_STATUSES }) status: string;
  @ApiProperty({ type: BilingualText }) statusLabel: BilingualText;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) topic: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Reception log only (receivedFrom or receivedTo given), else null; null also where you may not see who petitioned (identityWithheld), or for an anonymous letter' })
  petitionerName: string | null;
  @ApiProperty() identityWithheld: boolean;
  @ApiProperty() anonymous: boolean;
  @ApiProperty({ format: 'uuid' }) receivingUnitId: string;
  @ApiProperty({ format: 'uuid' }) owningUnitId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty() escalationLevel: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentPetitionId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: '2026-11-20', description: 'Vietnam local day the letter arrived' }) receivedOn: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ type: DeadlineBadgeView, nullable: true, description: 'The most urgent open clock: the running one due soonest, else a paused one' })
  deadline: DeadlineBadgeView | null;
}

export class PetitionListPageView {
  @ApiProperty({ type: [PetitionListItem] }) items: PetitionListItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

function Required(max = 2000): PropertyDecorator {
  return (target, key) => [IsString(), IsNotEmpty(), MaxLength(max)].forEach((d) => d(target, key));
}

export class AcceptBody {
  @ApiPropertyOptional() @OptionalText() note?: string;
}
export class RejectBody {
  @ApiProperty({ description: 'Grounds for not accepting (LKN Art 11)' }) @Required() reason: string;
  @ApiPropertyOptional() @OptionalText(500) legalBasis?: string;
  @ApiPropertyOptional({ enum: REJECTION_GROUNDS, description: 'A typed LKN Art 11 ground: filing_time_limit_expired (K1)' })
  @IsOptional() @IsIn(REJECTION_GROUNDS) ground?: (typeof REJECTION_GROUNDS)[number];
}
export class TransferBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'A unit in the system; a linked petition opens there' })
  @IsOptional() @IsUUID() toUnitId?: string;
  @ApiPropertyOptional({ description: 'An outside body, by name' }) @OptionalText(300) toBodyName?: string;
  @ApiProperty() @Required() reason: string;
}
export class GuideBody {
  @ApiProperty({ description: 'Where and how the citizen should file' }) @Required(4000) guidance: string;
}
export class FileBody {
  @ApiProperty({ enum: FILING_REASONS }) @IsIn(FILING_REASONS) reason: (typeof FILING_REASONS)[number];
  @ApiPropertyOptional() @OptionalText() note?: string;
}
export class AssignBody {
  @ApiProperty({ format: 'uuid' }) @IsUUID() assigneeId: string;
  @ApiPropertyOptional() @OptionalText() note?: string;
}
export class StartVerificationBody {
  @ApiPropertyOptional() @OptionalText() note?: string;
}
/** The assignee's verification report (báo cáo kết quả xác minh); sending it again revises it. */
export class ReportVerificationBody {
  // Trimmed here, so a blank report is a 400 on its field rather than a refusal from the workflow.
  @ApiProperty({ description: 'What the verification found' }) @Text(20000) findings: string;
  @ApiPropertyOptional({ type: [String], description: 'People met during verification (names and roles, as the report records them)' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true }) peopleMet?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Documents and evidence seen' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(500, { each: true }) documentsSeen?: string[];
  @ApiProperty({ description: 'The conclusion the handler proposes to the head' }) @Text(4000) proposedConclusion: string;
}
export class ResolveBody {
  @ApiProperty({ description: 'The decision, conclusion or answer' }) @Required(20000) summary: string;
  @ApiPropertyOptional({ example: '125/QĐ-UBND' }) @OptionalText(100) decisionNumber?: string;
  @ApiPropertyOptional() @OptionalText(500) legalBasis?: string;
  @ApiPropertyOptional({ description: 'The result as the citizen reads it on the public tracking page; no personal data' })
  @OptionalText(2000) citizenSummary?: string;
}
export class CloseBody {
  @ApiPropertyOptional() @OptionalText() note?: string;
}
export class WithdrawBody {
  @ApiPropertyOptional() @OptionalText() reason?: string;
}
export class ReopenBody {
  @ApiProperty({ description: "The citizen's reason for coming back" }) @Required() reason: string;
}

export class RequestSecondInstanceBody {
  @ApiProperty({ description: "The citizen's grounds (disagreement with the decision, or no decision in time)" }) @Required(4000) reason: string;
  @ApiPropertyOptional({ enum: INTAKE_CHANNELS, default: 'in_person', description: 'How the citizen lodged it' })
  @IsOptional() @IsIn(INTAKE_CHANNELS) channel?: (typeof INTAKE_CHANNELS)[number];
}

/** The body each action takes; the route validates against the class for the action named in the URL. */
export const ACTION_BODIES = {
  accept: AcceptBody,
  reject: RejectBody,
  transfer: TransferBody,
  guide: GuideBody,
  file: FileBody,
  assign: AssignBody,
  'start-verification': StartVerificationBody,
  'report-verification': ReportVerificationBody,
  resolve: ResolveBody,
  close: CloseBody,
  withdraw: WithdrawBody,
  reopen: ReopenBody,
  'request-second-instance': RequestSecondInstanceBody,
} as const;
