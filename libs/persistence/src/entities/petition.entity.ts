import type { PetitionChannel, PetitionKind, PetitionStatus } from '@app/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface PersonRecord {
  fullName: string;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/** Current state of a petition. Its history is `petition_events`; `version` is the compare-and-set token. */
@Entity('petitions')
export class PetitionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'tracking_code' }) trackingCode: string;
  @Column('text') kind: PetitionKind;
  @Column('text') channel: PetitionChannel;
  @Column('text') status: PetitionStatus;
  @Column('integer') version: number;
  @Column('text') title: string;
  @Column('text') content: string;
  @Column('text', { nullable: true }) topic: string | null;
  @Column('text', { nullable: true }) location: string | null;
  @Column('jsonb') petitioner: PersonRecord;
  @Column('jsonb', { name: 'co_petitioners' }) coPetitioners: PersonRecord[];
  /** Lower-case, diacritics-free title/content/topic/code, for the `q` filter. */
  @Column('text', { name: 'search_text', select: false }) searchText: string;
  @Column('uuid', { name: 'receiving_unit_id' }) receivingUnitId: string;
  @Column('uuid', { name: 'owning_unit_id' }) owningUnitId: string;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('integer', { name: 'escalation_level' }) escalationLevel: number;
  @Column('uuid', { name: 'parent_petition_id', nullable: true }) parentPetitionId: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('integer', { name: 'reopen_count' }) reopenCount: number;
  /** 1 = first-time (and every non-complaint), 2 = second-time complaint or re-denunciation. */
  @Column('smallint') instance: 1 | 2;
  /** Flags that choose longer statutory periods (LKN Art 28) or earlier escalation (DOMAIN.md §4.4). */
  @Column('boolean') complex: boolean;
  @Column('boolean') prolonged: boolean;
  /** LTC Art 30(3): particularly complex (always also complex): a denunciation may be extended twice. */
  @Column('boolean', { name: 'particularly_complex' }) particularlyComplex: boolean;
  /** A letter with no name (LTC Art 25(2)): nobody to notify, link as a repeat or send a feedback link to. */
  @Column('boolean') anonymous: boolean;
  @Column('boolean', { name: 'addressed_to_party_head' }) addressedToPartyHead: boolean;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  /** The local day the letter arrived (postmark or desk receipt); the receipt clocks count from it. */
  @Column('date', { name: 'received_on', nullable: true }) receivedOn?: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
}
