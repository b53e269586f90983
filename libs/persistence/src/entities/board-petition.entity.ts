import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The board's read model, one row per petition, fed by the projection consumer. */
@Entity('board_petitions')
export class BoardPetitionEntity {
  @PrimaryColumn('uuid', { name: 'petition_id' }) petitionId: string;
  @Column('uuid', { name: 'province_id', nullable: true }) provinceId: string | null;
  @Column('uuid', { name: 'commune_id', nullable: true }) communeId: string | null;
  @Column('uuid', { name: 'owning_unit_id' }) owningUnitId: string;
  @Column('text') kind: string;
  @Column('text') status: string;
  @Column('integer', { name: 'escalation_level' }) escalationLevel: number;
  @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('integer', { name: 'last_sequence' }) lastSequence: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
