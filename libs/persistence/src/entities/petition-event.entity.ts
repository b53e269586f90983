import type { PetitionEvent } from '@app/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One audit-trail entry (append-only; a trigger refuses UPDATE and DELETE). */
@Entity('petition_events')
export class PetitionEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'petition_id' }) petitionId: string;
  /** The petition's version after this event. */
  @Column('integer') sequence: number;
  @Column('text') type: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole: string | null;
  @Column('text', { name: 'legal_basis', nullable: true }) legalBasis: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('jsonb') payload: PetitionEvent;
}
