import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UnitLevel = 'province' | 'commune' | 'department' | 'hamlet';

/** An administrative unit: province → commune (xã, phường, đặc khu) → department/office or hamlet. */
@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stable key: `P<province code>`, `C<ward code>` (official codes) or a generated one for departments. */
  @Column('text') code: string;
  @Column('text', { name: 'official_code', nullable: true }) officialCode: string | null;
  @Column('text') level: UnitLevel;
  /** Tỉnh, Thành phố, Xã, Phường, Đặc khu, Phòng, ... */
  @Column('text', { name: 'unit_type' }) unitType: string;
  @Column('text') name: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('uuid', { name: 'province_id', nullable: true }) provinceId: string | null;
  @Column('uuid', { name: 'commune_id', nullable: true }) communeId: string | null;
  /** Vùng sâu, vùng xa: longer statutory periods (LKN Art 28). A clock takes the flag in force when it starts. */
  @Column('boolean', { name: 'remote_area' }) remoteArea: boolean;
  @Column('text', { name: 'remote_area_ref', nullable: true }) remoteAreaRef: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
