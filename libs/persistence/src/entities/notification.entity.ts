import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification. `sourceKey` is unique, which makes the producing handler idempotent. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId: string;
  @Column('uuid', { name: 'petition_id', nullable: true }) petitionId: string | null;
  /** Alerts of a commitment's or a dialogue's clock name it instead of a petition. */
  @Column('uuid', { name: 'commitment_id', nullable: true }) commitmentId: string | null;
  @Column('uuid', { name: 'dialogue_id', nullable: true }) dialogueId: string | null;
  @Column('text') kind: string;
  @Column('text', { name: 'message_key' }) messageKey: string;
  @Column('jsonb') params: Record<string, string | number>;
  @Column('text', { name: 'source_key' }) sourceKey: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** For alerts: when the threshold was due (alerts are back-dated to it). */
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt: Date | null;
  /** Shown from this instant: alerts raised out of office hours wait for the next working morning. */
  @Column('timestamptz', { name: 'deliver_at' }) deliverAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
}
