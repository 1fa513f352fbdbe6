import type { Request } from 'express';
import { auditTargets } from './audit-targets';
import { auditedPatientRefs } from './audited-patients';
import type { AuditActor, AuditEntry } from './audit-trail.service';
import type { AuditSpec } from './audited.decorator';

/** One call as the audit trail describes it: never the concrete URL, its query values or the body. */
export function auditEntry(
  spec: AuditSpec,
  actor: AuditActor,
  request: Request,
  result?: unknown,
): AuditEntry {
  return {
    actor,
    action: spec.action,
    method: request.method,
    route: routeTemplateOf(request),
    patientRefs: auditedPatientRefs(request, result),
    ...auditTargets(spec, {
      params: request.params ?? {},
      query: (request.query ?? {}) as Record<string, unknown>,
      body: request.body as unknown,
      result,
    }),
  };
}

/** Express keeps the matched route as declared (`/api/journeys/:id`). */
function routeTemplateOf(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : 'unmatched';
}
