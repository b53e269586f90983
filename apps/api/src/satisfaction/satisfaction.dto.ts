import { FEEDBACK_COMMENT_MAX, FEEDBACK_OUTCOMES, PETITION_KINDS, PETITION_STATUSES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '../http/dto-decorators.js';
import { BilingualText, PersonRef, ReportPeriod, UnitRef } from '../http/response-shapes.js';

/** The citizen's rating. `satisfied` must be a real boolean: "false" as a string is refused, not read as true. */
export class FeedbackDto {
  @ApiProperty({ description: 'true: satisfied with the result; false: not satisfied' })
  @IsDefined() @IsBoolean() satisfied: boolean;
  @ApiPropertyOptional({ maxLength: FEEDBACK_COMMENT_MAX, description: 'Optional comment (at most 2,000 characters)' })
  @IsOptional() @IsString() @MaxLength(FEEDBACK_COMMENT_MAX) comment?: string;
}

export class SatisfactionBoardQuery {
  @ApiProperty({ example: '2026-11-01', description: 'First day, Vietnam local date (UTC+7), inclusive' }) @IsDefined() @IsLocalDate() from: string;
  @ApiProperty({ example: '2026-11-30', description: 'Last day, Vietnam local date (UTC+7), inclusive' }) @IsDefined() @IsLocalDate() to: string;
}

// Response shapes, for the OpenAPI document.

class FeedbackPetitionView {
  @ApiProperty() trackingCode: string;
  @ApiProperty({ enum: PETITION_KINDS }) kind: string;
  @ApiProperty({ type: BilingualText }) kindLabel: BilingualText;
  @ApiProperty({ enum: PETITION_STATUSES }) status: string;
  @ApiProperty({ type: BilingualText }) statusLabel: BilingualText;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty() unitName: string;
  @ApiProperty({ example: '/api/track/ABCD-EFGH-JKMN' }) trackingLink: string;
}

class FeedbackLinkView {
  @ApiProperty({ enum: ['active', 'used'] }) status: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) usedAt: string | null;
}

class IfNotSatisfiedView {
  @ApiProperty({ enum: FEEDBACK_OUTCOMES }) outcome: string;
  @ApiProperty({ type: BilingualText }) message: BilingualText;
}

class GivenRatingView {
  @ApiProperty() satisfied: boolean;
  @ApiProperty({ enum: FEEDBACK_OUTCOMES }) outcome: string;
  @ApiProperty({ format: 'date-time' }) ratedAt: string;
}

export class FeedbackPageView {
  @ApiProperty({ type: FeedbackPetitionView, description: 'Public facts only: no personal data, no content' }) petition: FeedbackPetitionView;
  @ApiProperty({ type: FeedbackLinkView }) link: FeedbackLinkView;
  @ApiProperty() canRate: boolean;
  @ApiProperty({ type: BilingualText }) instructions: BilingualText;
  @ApiProperty({ type: IfNotSatisfiedView }) ifNotSatisfied: IfNotSatisfiedView;
  @ApiProperty({ type: GivenRatingView, nullable: true }) rating: GivenRatingView | null;
}

class RemedyResponse {
  @ApiProperty({ enum: ['second_complaint', 'lawsuit', 're_denunciation'] }) right: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Second-time complaint window in days (30; 45 in remote areas)' }) windowDays: number | null;
  @ApiProperty() remoteArea: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-23' }) decidedOn: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-23' }) lastDay: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) until: string | null;
  @ApiProperty({ nullable: true, type: BilingualText }) fileWith: BilingualText | null;
}

export class FeedbackResultView {
  @ApiProperty({ enum: FEEDBACK_OUTCOMES }) outcome: string;
  @ApiProperty() satisfied: boolean;
  @ApiProperty() reopened: boolean;
  @ApiProperty({ type: FeedbackPetitionView }) petition: FeedbackPetitionView;
  @ApiProperty({ type: BilingualText }) message: BilingualText;
  @ApiProperty({ type: RemedyResponse, nullable: true }) remedy: RemedyResponse | null;
}

class FiguresView {
  @ApiProperty() rated: number;
  @ApiProperty() satisfied: number;
  @ApiProperty({ nullable: true, type: Number, description: 'satisfied / rated; null when rated = 0' }) satisfiedShare: number | null;
}

class SatisfactionUnitRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() level: string;
}

class SatisfactionUnitRowView extends FiguresView {
  @ApiProperty({ type: SatisfactionUnitRef }) unit: SatisfactionUnitRef;
}

class SatisfactionHandlerRowView extends FiguresView {
  @ApiProperty({ type: PersonRef, nullable: true, description: 'null: resolved without an assignee' }) handler: PersonRef | null;
  @ApiProperty({ type: UnitRef }) unit: UnitRef;
}

export class SatisfactionBoardResponse {
  @ApiProperty({ type: ReportPeriod }) period: ReportPeriod;
  @ApiProperty({ type: [SatisfactionUnitRowView] }) units: SatisfactionUnitRowView[];
  @ApiProperty({ type: [SatisfactionHandlerRowView] }) handlers: SatisfactionHandlerRowView[];
  @ApiProperty({ type: FiguresView }) totals: FiguresView;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description: 'period, rated, satisfied, satisfiedShare, unit, handler (vi, en)' })
  definitions: Record<string, BilingualText>;
}
