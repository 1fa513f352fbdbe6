import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENTRY_OUTCOMES, type EntryOutcomeKind } from '../../../shared/ehr-inbound/entry-outcome';

export class JourneyResultView {
  @ApiProperty({ description: 'Opaque journey id (the Temporal workflow id).' }) id!: string;
  @ApiProperty() journey!: string;
  @ApiProperty({ enum: ['started', 'already-started', 'already-running', 'applied', 'refused', 'ended'] })
  result!: string;
  @ApiPropertyOptional({ description: 'The journey event type sent.' }) event?: string;
  @ApiPropertyOptional({ description: 'Why the journey did not take it.' }) reason?: string;
}

export class EntryOutcomeView {
  @ApiProperty({ description: 'Position of the entry in the request (notification events in order).' })
  entry!: number;
  @ApiPropertyOptional() eventNumber?: number;
  @ApiPropertyOptional({
    description: '`Type/id` of the resource, or the reference read for id-only events.',
  })
  resource?: string;
  @ApiProperty({
    enum: ENTRY_OUTCOMES,
    description:
      'applied: a journey took it; started: it enrolled the patient; ignored: nothing to do (see reason); ' +
      'duplicate: received before, nothing changed; failed: stored but not applied yet, send it again.',
  })
  outcome!: EntryOutcomeKind;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ description: 'The routing rule that matched.' }) rule?: string;
  @ApiPropertyOptional({ type: [JourneyResultView] }) journeys?: JourneyResultView[];
}

export class NotificationView {
  @ApiProperty({ enum: ['handshake', 'heartbeat', 'event-notification', 'query-status', 'query-event'] })
  type!: string;
  @ApiProperty() subscription!: string;
  @ApiPropertyOptional() topic?: string;
  @ApiProperty({ enum: ['empty', 'id-only', 'full-resource'] }) payload!: string;
  @ApiPropertyOptional() eventsSinceSubscriptionStart?: number;
}

export class EventGapView {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty() detectedAt!: string;
}

export class InboundResultView {
  @ApiPropertyOptional({ type: NotificationView }) notification?: NotificationView;
  @ApiProperty({ type: [EntryOutcomeView] }) entries!: EntryOutcomeView[];
  @ApiPropertyOptional({
    type: [EventGapView],
    description: "Event numbers of this subscription never received: recover them with the EHR's $events.",
  })
  gaps?: EventGapView[];
  @ApiPropertyOptional({
    description: 'Set when some entries failed: the answer is then 503, send them again.',
  })
  message?: string;
}
