import { ApiProperty } from '@nestjs/swagger';
import { BilingualText } from '../http/response-shapes.js';

// Response shapes of the notification routes and of the live stream's events, for the OpenAPI document.

export class NotificationViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'petition.assigned', description: 'petition.assigned, petition.reopened_by_citizen, commitment.assigned, deadline.alert, deadline.digest' })
  kind: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) petitionId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) commitmentId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) dialogueId: string | null;
  @ApiProperty({ type: BilingualText }) message: BilingualText;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'For deadline alerts: when the threshold was due' })
  dueAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'Shown from this instant (alerts raised out of office hours wait for the next working morning)' })
  deliverAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt: string | null;
}

export class NotificationListResponse {
  @ApiProperty({ type: [NotificationViewDto], description: 'Newest first, at most 200' }) items: NotificationViewDto[];
  @ApiProperty({ description: 'Unread notifications delivered so far (the bell)' }) unread: number;
}

/** The data of the stream's `unread` event. */
export class UnreadCountDto {
  @ApiProperty({ example: 3 }) count: number;
}

/** The data of the stream's `end` event, sent just before the server closes it. */
export class StreamEndDto {
  @ApiProperty({ enum: ['token-expired', 'account-inactive', 'shutdown'], description: 'token-expired: sign in again and reconnect; shutdown: reconnect (another instance answers)' })
  reason: 'token-expired' | 'account-inactive' | 'shutdown';
}

export class MarkAllReadResponse {
  @ApiProperty({ description: 'How many notifications were marked read' }) marked: number;
  @ApiProperty({ description: 'Unread count afterwards (alerts still waiting for office hours are not counted)' }) unread: number;
}

export class DigestItemDto {
  @ApiProperty({ enum: ['petition', 'commitment', 'dialogue'] }) subjectType: 'petition' | 'commitment' | 'dialogue';
  @ApiProperty({ format: 'uuid', description: 'The id of the petition, commitment or dialogue to link to' }) subjectId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Petitions only' }) trackingCode: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({
    enum: ['threshold', 'breached', 'overdue'],
    description: 'The clock at its latest alert: a share of the period used (see share), just past due, or still overdue (see reminder)',
  })
  clockState: 'threshold' | 'breached' | 'overdue';
  @ApiProperty({ nullable: true, type: String, example: '80%' }) share: string | null;
  @ApiProperty({ nullable: true, type: Number }) reminder: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ description: 'Alerts about this subject in the digest’s day' }) alerts: number;
  @ApiProperty({ format: 'uuid', description: 'The latest of those alerts (a notification id)' }) notificationId: string;
  @ApiProperty({ type: BilingualText }) message: BilingualText;
}

export class DigestResponse {
  @ApiProperty({ type: NotificationViewDto, nullable: true, description: 'The latest digest notification; null when there was none yet' })
  digest: NotificationViewDto | null;
  @ApiProperty({ type: [DigestItemDto], description: 'One per subject, soonest due first' }) items: DigestItemDto[];
}
