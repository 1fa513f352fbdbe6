import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One published version of a journey definition; rows are never updated (a trigger refuses it). */
@Entity({ name: 'journey_definition_version' })
export class JourneyDefinitionVersionRow {
  @PrimaryColumn({ name: 'definition_id', type: 'text' })
  definitionId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** The definition as published, its `version` field equal to the row's. */
  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  /** What `checkDefinition` found when it was published (no problems, or it would not be). */
  @Column({ type: 'jsonb' })
  validation!: { valid: boolean; problems: unknown[] };
}
