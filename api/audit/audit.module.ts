import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditEventsController } from './audit-events.controller';
import { AuditEvents } from './audit-events.service';
import { AuditInterceptor } from './audit.interceptor';
import { AuditTrail } from './audit-trail.service';
import { EarlyRefusals } from './early-refusals';

/** The audit trail: written around every @AuditedAs route, read by the auditor role. */
@Module({
  controllers: [AuditEventsController],
  providers: [
    AuditTrail,
    AuditEvents,
    EarlyRefusals,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  // The global API key guard records refusals it makes before any interceptor runs.
  exports: [EarlyRefusals],
})
export class AuditModule {}
