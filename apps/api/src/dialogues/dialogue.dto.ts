import {
  COMMITMENT_STATUSES,
  DIALOGUE_KINDS,
  DIALOGUE_REQUEST_SOURCES,
  DIALOGUE_STATUSES,
  PETITION_KINDS,
  PUBLICATION_CHANNELS,
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
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DATE_DETAIL_SHORT, Instant, IsLocalDate, OptionalText, Page, PageSize, QueryBoolean, Text } from '../http/dto-decorators.js';

function Channels(): PropertyDecorator {
  return (target, key) => [IsArray(), ArrayNotEmpty(), ArrayMaxSize(PUBLICATION_CHANNELS.length), IsIn(PUBLICATION_CHANNELS, { each: true })].forEach((d) => d(target, key));
}

// ---------------------------------------------------------------- dialogues

export class RequestDialogueDto {
  @ApiProperty({ enum: DIALOGUE_KINDS }) @IsIn(DIALOGUE_KINDS) kind: (typeof DIALOGUE_KINDS)[number];
  @ApiProperty({ format: 'uuid', description: 'The convening unit: a commune for a commune conference' }) @IsUUID() unitId: string;
  @ApiProperty({ enum: DIALOGUE_REQUEST_SOURCES, description: 'G1 plan, G2 voters (≥10%), the Fatherland Front, or necessity' })
  @IsIn(DIALOGUE_REQUEST_SOURCES)
  requestedBy: (typeof DIALOGUE_REQUEST_SOURCES)[number];
  @ApiPropertyOptional({ description: 'requestedBy=voters: how many voters asked' }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) voterCount?: number;
  @ApiPropertyOptional({ description: 'requestedBy=voters: the commune voter list size' }) @IsOptional() @IsInt() @Min(1) @Max(10_000_000) registeredVoters?: number;
  @ApiPropertyOptional({ enum: [1, 2], description: 'complaint_resolution only: first-time (K4) or second-time (K9) complaint' })
  @IsOptional() @IsIn([1, 2])
  complaintInstance?: 1 | 2;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Petitions the dialogue is about (required for complaint_resolution)' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true })
  petitionIds?: string[];
  @ApiPropertyOptional() @OptionalText() note?: string;
}

export class ListDialoguesQuery {
  @ApiPropertyOptional({ enum: DIALOGUE_KINDS }) @IsOptional() @IsIn(DIALOGUE_KINDS) kind?: (typeof DIALOGUE_KINDS)[number];
  @ApiPropertyOptional({ enum: DIALOGUE_STATUSES }) @IsOptional() @IsIn(DIALOGUE_STATUSES) status?: (typeof DIALOGUE_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Dialogues linked to this petition' }) @IsOptional() @IsUUID() petitionId?: string;
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @PageSize() pageSize: number = 20;
}

export class PlanBody {
  @ApiProperty({ format: 'date-time', example: '2027-03-10T08:00:00+07:00' }) @Instant() scheduledAt: string;
  @ApiProperty({ example: 'Hội trường UBND phường' }) @Text(500) venue: string;
  @ApiProperty({ type: [String], description: 'Topics; overdue commitments of the commune are added automatically (carriedOverCommitments)' })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(1000, { each: true })
  agenda: string[];
}
export class AnnounceBody {
  @ApiProperty({ enum: PUBLICATION_CHANNELS, isArray: true, description: 'G3: where the notice was published (≥7 days before)' }) @Channels() channels: string[];
}
export class RescheduleBody {
  @ApiProperty({ format: 'date-time' }) @Instant() scheduledAt: string;
  @ApiPropertyOptional() @OptionalText(500) venue?: string;
  @ApiProperty() @Text() reason: string;
}

export class NamedPresenceDto {
  @ApiProperty() @IsBoolean() present: boolean;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) names?: string[];
}
export class AttendeesDto {
  @ApiProperty({ description: 'Citizens present (headcount)' }) @IsInt() @Min(0) @Max(1_000_000) citizens: number;
  @ApiProperty({ type: NamedPresenceDto, description: 'UB MTTQ (co-organiser)' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => NamedPresenceDto)
  fatherlandFront: NamedPresenceDto;
  @ApiPropertyOptional({ type: [String], description: 'Mass organisations present' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true })
  unions?: string[];
  @ApiProperty({ type: NamedPresenceDto, description: 'HĐND standing committee (co-chair)' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => NamedPresenceDto)
  peoplesCouncil: NamedPresenceDto;
}
export class QuestionDto {
  @ApiProperty({ example: 'q1', description: 'Chosen by the recorder; unique within the minutes' }) @Text(50) id: string;
  @ApiProperty() @Text(4000) text: string;
  @ApiPropertyOptional({ description: 'Who asked, if recorded' }) @OptionalText(200) askedBy?: string;
}
export class MinutesDto {
  @ApiProperty({ type: AttendeesDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => AttendeesDto) attendees: AttendeesDto;
  @ApiProperty({ type: [QuestionDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => QuestionDto) questions: QuestionDto[];
  @ApiPropertyOptional() @OptionalText(20000) summary?: string;
}
export class HoldBody {
  @ApiProperty({ type: MinutesDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => MinutesDto) minutes: MinutesDto;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it took place, if recorded afterwards; default now' }) @IsOptional() @Instant() heldAt?: string;
}
export class PublishResultsBody {
  @ApiProperty({ enum: PUBLICATION_CHANNELS, isArray: true, description: 'G4: mass media, office board, hamlet heads' }) @Channels() channels: string[];
  @ApiProperty() @Text(20000) summary: string;
}
export class NoteBody {
  @ApiPropertyOptional() @OptionalText() note?: string;
}
export class CancelBody {
  @ApiProperty() @Text() reason: string;
}
export class LinkPetitionsBody {
  @ApiProperty({ type: [String], format: 'uuid' }) @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @IsUUID('all', { each: true }) petitionIds: string[];
}

const OUTCOME_KINDS = ['answered', 'to_petition', 'to_commitment'] as const;
export class QuestionOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS, description: 'answered; to_petition opens a petition (channel dialogue); to_commitment opens a commitment' })
  @IsIn(OUTCOME_KINDS)
  kind: (typeof OUTCOME_KINDS)[number];
  @ApiPropertyOptional({ description: 'kind=answered' }) @ValidateIf((o: QuestionOutcomeDto) => o.kind === 'answered') @Text(20000) answer?: string;
  @ApiPropertyOptional({ enum: PETITION_KINDS, description: 'kind=to_petition' })
  @ValidateIf((o: QuestionOutcomeDto) => o.kind === 'to_petition') @IsIn(PETITION_KINDS)
  petitionKind?: (typeof PETITION_KINDS)[number];
  @ApiPropertyOptional({ description: 'kind=to_commitment' }) @ValidateIf((o: QuestionOutcomeDto) => o.kind === 'to_commitment') @Text(500) title?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'kind=to_commitment' })
  @ValidateIf((o: QuestionOutcomeDto) => o.kind === 'to_commitment') @IsUUID()
  ownerUnitId?: string;
  @ApiPropertyOptional({ description: 'kind=to_commitment' }) @OptionalText(200) ownerPerson?: string;
  @ApiPropertyOptional({ example: '2027-04-30', description: 'kind=to_commitment; default: the commitment policy (30 days)' })
  @IsOptional() @IsLocalDate(DATE_DETAIL_SHORT)
  dueDate?: string;
}
export class ResolveQuestionBody {
  @ApiProperty({ example: 'q1' }) @Text(50) questionId: string;
  @ApiProperty({ type: QuestionOutcomeDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => QuestionOutcomeDto) outcome: QuestionOutcomeDto;
}

/** The body each dialogue action takes; the route validates against the class named by the URL. */
export const DIALOGUE_ACTION_BODIES = {
  plan: PlanBody,
  announce: AnnounceBody,
  reschedule: RescheduleBody,
  hold: HoldBody,
  'publish-results': PublishResultsBody,
  'start-follow-up': NoteBody,
  close: NoteBody,
  cancel: CancelBody,
  'link-petitions': LinkPetitionsBody,
  'resolve-question': ResolveQuestionBody,
} as const;

// ---------------------------------------------------------------- commitments

export class CreateCommitmentDto {
  @ApiProperty({ format: 'uuid', description: 'A held dialogue (held, results published or in follow-up)' }) @IsUUID() dialogueId: string;
  @ApiProperty() @Text(500) title: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() ownerUnitId: string;
  @ApiPropertyOptional() @OptionalText(200) ownerPerson?: string;
  @ApiPropertyOptional({ example: '2027-04-30', description: 'Default: the commitment policy (30 days)' }) @IsOptional() @IsLocalDate(DATE_DETAIL_SHORT) dueDate?: string;
}

export class ListCommitmentsQuery {
  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES }) @IsOptional() @IsIn(COMMITMENT_STATUSES) status?: (typeof COMMITMENT_STATUSES)[number];
  @ApiPropertyOptional({ description: 'true: marked overdue, or unfinished and past the due day' }) @IsOptional() @QueryBoolean() @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() ownerUnitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() dialogueId?: string;
  @ApiPropertyOptional({ default: 1 }) @Page() page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @PageSize() pageSize: number = 20;
}

export class EvidenceDto {
  @ApiProperty({ description: 'What was done' }) @Text(4000) note: string;
  @ApiPropertyOptional({ description: 'A document number, file id or link' }) @OptionalText(500) reference?: string;
}
export class AddEvidenceBody {
  @ApiProperty({ type: EvidenceDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => EvidenceDto) evidence: EvidenceDto;
}
export class CompleteBody {
  @ApiPropertyOptional({ type: EvidenceDto, description: 'Needed unless evidence was added before' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => EvidenceDto)
  evidence?: EvidenceDto;
}
export class TransferCommitmentBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing petition in your jurisdiction (or give petitionKind)' }) @IsOptional() @IsUUID() petitionId?: string;
  @ApiPropertyOptional({ enum: PETITION_KINDS, description: 'Open a new petition (channel dialogue) at the convening unit in the same step' })
  @IsOptional() @IsIn(PETITION_KINDS)
  petitionKind?: (typeof PETITION_KINDS)[number];
  @ApiPropertyOptional() @OptionalText() note?: string;
}
export class DropBody {
  @ApiProperty({ description: 'Why it will not be done' }) @Text() reason: string;
}

/** Person-facing commitment actions (mark-overdue belongs to the deadline engine). */
export const COMMITMENT_ACTION_BODIES = {
  start: NoteBody,
  'add-evidence': AddEvidenceBody,
  complete: CompleteBody,
  transfer: TransferCommitmentBody,
  drop: DropBody,
} as const;
