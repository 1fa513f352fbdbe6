import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One published version of a journey type's program settings; rows are never updated. */
@Entity({ name: 'program_settings_version' })
export class ProgramSettingsVersion {
  @PrimaryColumn({ name: 'journey_type', type: 'text' })
  journeyType!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  settings!: Record<string, unknown>;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
