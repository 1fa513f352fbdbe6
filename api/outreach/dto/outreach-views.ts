import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { deliveryChannels } from '../../../contracts/delivery-channels';

export class DeliveryEventView {
  @ApiProperty({ example: 'delivered' }) status!: string;
  @ApiProperty({ enum: ['delivery', 'provider', 'patient'] }) source!: string;
  @ApiProperty({ type: String, nullable: true }) detail!: string | null;
  @ApiProperty() occurredAt!: string;
}

export class OutreachMessageView {
  @ApiProperty() id!: string;
  @ApiProperty() journeyId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The journey step the message belongs to.' })
  step!: string | null;
  @ApiProperty({ enum: deliveryChannels }) channel!: string;
  @ApiProperty({ example: 'preventive-outreach.reminder' }) template!: string;
  @ApiProperty({ type: String, nullable: true, example: 'preventive-outreach/reminder.en.plain.sms.hbs' })
  templateFile!: string | null;
  @ApiProperty({ type: String, nullable: true }) language!: string | null;
  @ApiProperty({ type: String, nullable: true }) readingLevel!: string | null;
  @ApiProperty({ description: 'Urgent clinical messages are exempt from the daily cap.' }) urgent!: boolean;
  @ApiProperty({ enum: ['sending', 'sent', 'delivered', 'read', 'uncertain', 'rejected', 'failed'] })
  status!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorReason!: string | null;
  @ApiProperty({ description: "The journey's clock when it asked for the send." }) plannedAt!: string;
  @ApiProperty({ type: String, nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: [DeliveryEventView] }) events!: DeliveryEventView[];
}
