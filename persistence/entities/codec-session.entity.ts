import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A codec session an operator opened for the Temporal Web UI. The browser's cookie names only
 * this row: who opened it comes from here (written from the key registry), and closing it revokes
 * it for good, whatever copies of the cookie exist.
 */
@Entity({ name: 'codec_session' })
export class CodecSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The operator key's name, as the key registry had it when the session was opened. */
  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
