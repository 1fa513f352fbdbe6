import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A journey definition authored in the designer, with its draft: at most one, edited in place.
 * `revision` goes up with every change of the draft (a save, a publish) and guards against
 * overwriting someone else's edits.
 */
@Entity({ name: 'journey_definition' })
export class JourneyDefinitionRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  /** The draft's title, or the latest version's when there is no draft. */
  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'copied_from_id', type: 'text', nullable: true })
  copiedFromId!: string | null;

  @Column({ name: 'copied_from_version', type: 'integer', nullable: true })
  copiedFromVersion!: number | null;

  /** 0 until the first publish. */
  @Column({ name: 'latest_version', type: 'integer' })
  latestVersion!: number;

  @Column({ type: 'integer' })
  revision!: number;

  /** The draft as the designer saved it: well-formed, maybe with problems. */
  @Column({ type: 'jsonb', nullable: true })
  draft!: Record<string, unknown> | null;

  /** The version the draft was started from (0: from scratch or a copy). */
  @Column({ name: 'draft_based_on_version', type: 'integer', nullable: true })
  draftBasedOnVersion!: number | null;

  @Column({ name: 'draft_saved_by', type: 'text', nullable: true })
  draftSavedBy!: string | null;

  @Column({ name: 'draft_saved_at', type: 'timestamptz', nullable: true })
  draftSavedAt!: Date | null;
}
