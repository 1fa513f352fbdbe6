import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLES, type Role } from '../../config/api-keys';
import { WEBHOOK_SIGNATURE_HEADER, signWebhookBody } from '../../api/fhir/inbound/webhook-signature';
import { DEMO_KEYS, startApiStack, type ApiStack } from '../helpers/api-stack';

/**
 * Every route of the OpenAPI document, with every role and with no credential, against the table
 * below. A route the table does not classify (or a classified route that is gone) fails the test,
 * so nobody adds a route without deciding who may use it.
 */

type Access =
  | { kind: 'public' }
  /** The global API key guard: 401 without a valid key, 403 for a role not listed. */
  | { kind: 'roles'; roles: readonly Role[] }
  /** Authenticated by the route itself (a signature or these roles' keys): any other caller is 401. */
  | { kind: 'signed'; roles: readonly Role[] };

const PUBLIC: Access = { kind: 'public' };
const only = (...roles: Role[]): Access => ({ kind: 'roles', roles });
const signedOr = (...roles: Role[]): Access => ({ kind: 'signed', roles });

const ACCESS: Record<string, Access> = {
  'GET /api/health': PUBLIC,
  'GET /api/journey-types': only('designer', 'operator', 'integration', 'auditor'),
  'GET /api/journey-types/{journeyType}/stats': only('designer', 'operator', 'auditor'),
  'GET /api/journey-definitions/schema': only('designer', 'operator', 'auditor'),
  // Definitions hold no patient data: designers author them; operators and auditors read them.
  'GET /api/journey-definitions': only('designer', 'operator', 'auditor'),
  'POST /api/journey-definitions': only('designer'),
  'GET /api/journey-definitions/{id}': only('designer', 'operator', 'auditor'),
  'GET /api/journey-definitions/{id}/draft': only('designer', 'operator', 'auditor'),
  'PUT /api/journey-definitions/{id}/draft': only('designer'),
  'DELETE /api/journey-definitions/{id}/draft': only('designer'),
  'POST /api/journey-definitions/{id}/draft/validate': only('designer'),
  'POST /api/journey-definitions/{id}/publish': only('designer'),
  'GET /api/journey-definitions/{id}/versions': only('designer', 'operator', 'auditor'),
  'GET /api/journey-definitions/{id}/versions/{version}': only('designer', 'operator', 'auditor'),
  'GET /api/journey-definitions/{id}/diff': only('designer', 'operator', 'auditor'),
  'POST /api/journey-definitions/{id}/migrations/dry-run': only('designer', 'operator'),
  'POST /api/journey-definitions/{id}/migrations': only('designer'),
  'GET /api/journey-definitions/{id}/draft/scenario-changes': only('designer', 'operator', 'auditor'),
  'POST /api/journey-definitions/{id}/draft/scenarios': only('designer'),
  'DELETE /api/journey-definitions/{id}/draft/scenarios/{name}': only('designer'),
  'GET /api/journey-definitions/{id}/draft/settings-fit': only('designer', 'operator', 'auditor'),
  'GET /api/session': only('designer', 'operator', 'integration', 'auditor'),
  'POST /api/journeys': only('operator', 'integration'),
  // Designers see programs, maps, counts and settings, not patients (minimum necessary).
  'GET /api/journeys': only('operator', 'auditor'),
  'GET /api/journeys/{id}': only('operator', 'auditor'),
  'POST /api/journeys/{id}/events': only('operator', 'integration'),
  'POST /api/journeys/{id}/events/preview': only('operator'),
  'POST /api/journeys/{id}/pause': only('operator'),
  'POST /api/journeys/{id}/resume': only('operator'),
  'POST /api/journeys/{id}/cancel': only('operator'),
  'GET /api/journeys/{id}/messages': only('operator', 'auditor'),
  'GET /api/programs/{journeyType}/settings': only('designer', 'operator', 'auditor'),
  'POST /api/programs/{journeyType}/settings': only('designer'),
  'GET /api/programs/{journeyType}/settings/versions': only('designer', 'operator', 'auditor'),
  'GET /api/programs/{journeyType}/settings/versions/{version}': only('designer', 'operator', 'auditor'),
  'POST /api/programs/{journeyType}/settings/validate': only('designer'),
  'POST /api/programs/{journeyType}/settings/preview': only('designer'),
  'GET /api/patients/{patientId}/contact': only('operator', 'integration', 'auditor'),
  'PUT /api/patients/{patientId}/contact': only('operator', 'integration'),
  'PUT /api/patients/{patientId}/consents/{channel}': only('operator', 'integration'),
  'GET /api/patients/{patientId}/messages': only('operator', 'auditor'),
  'GET /api/patients/{patientId}/inbox': only('integration'),
  'POST /api/patients/{patientId}/inbox/{messageId}/read': only('integration'),
  'GET /api/staff-tasks': only('operator', 'auditor'),
  'POST /api/staff-tasks/{id}/claim': only('operator'),
  'POST /api/staff-tasks/{id}/complete': only('operator'),
  'POST /api/fhir': signedOr('integration'),
  'GET /api/audit-events': only('auditor'),
  // The codec server shows patients' data in clear: operators only (a key or a codec session).
  'POST /api/codec/decode': only('operator'),
  'POST /api/codec/encode': only('operator'),
  'POST /api/codec/session': only('operator'),
  'DELETE /api/codec/session': only('operator'),
};

type Method = 'get' | 'post' | 'put' | 'delete';

const WEBHOOK_SECRET = 'role-matrix-webhook-secret-0123456789';

describe('every route with every role', () => {
  let stack: ApiStack;
  let documented: string[];

  beforeAll(async () => {
    stack = await startApiStack({ FHIR_WEBHOOK_SECRET: WEBHOOK_SECRET });
    const document = await request(stack.http).get('/api/openapi.json').expect(200);
    documented = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => stack?.close());

  test('the table classifies exactly the routes of the OpenAPI document', () => {
    expect({
      unclassified: documented.filter((route) => !(route in ACCESS)),
      notInDocument: Object.keys(ACCESS).filter((route) => !documented.includes(route)),
    }).toEqual({ unclassified: [], notInDocument: [] });
  });

  test.each(Object.entries(ACCESS))('%s', async (route, access) => {
    const [method, template] = route.split(' ') as [string, string];
    const call = (authorization?: string) => {
      const pending = request(stack.http)[method.toLowerCase() as Method](harmlessPath(template));
      if (authorization) pending.set('Authorization', authorization);
      // Invalid bodies: an allowed call ends in a 4xx and changes nothing.
      return method === 'GET' ? pending : pending.send({ notAField: true });
    };

    const anonymous = await call();
    if (access.kind === 'public') {
      expect(anonymous.status).toBe(200);
      return;
    }
    expect(anonymous.status).toBe(401);
    expect((await call('Bearer not-a-key')).status).toBe(401);

    for (const role of ROLES) {
      const { status } = await call(DEMO_KEYS[role]);
      const expected = access.roles.includes(role) ? 'allowed' : access.kind === 'signed' ? 401 : 403;
      expect({
        role,
        status: expected === 'allowed' && ![401, 403].includes(status) ? 'allowed' : status,
      }).toEqual({ role, status: expected });
    }
    if (access.kind === 'signed') {
      const signed = (signature: string) =>
        request(stack.http)
          [method.toLowerCase() as Method](harmlessPath(template))
          .set(WEBHOOK_SIGNATURE_HEADER, signature)
          .set('Content-Type', 'application/fhir+json')
          .send('{}');
      expect((await signed(signWebhookBody('{"x":1}', WEBHOOK_SECRET))).status).toBe(401);
      expect((await signed(`sha256=${'0'.repeat(64)}`)).status).toBe(401);
      // A valid signature is let through (to the 400 of an empty resource).
      expect((await signed(signWebhookBody('{}', WEBHOOK_SECRET))).status).toBe(400);
    }
  });
});

/** Path parameters that name nothing that exists: fresh ids every time. */
function harmlessPath(template: string): string {
  const isStaffTask = template.startsWith('/api/staff-tasks/');
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case 'id':
        return isStaffTask ? randomUUID() : `appointment-reminder-${randomBytes(16).toString('hex')}`;
      case 'patientId':
        return `pat-matrix-${randomBytes(4).toString('hex')}`;
      case 'messageId':
        return randomUUID();
      case 'channel':
        return 'sms';
      case 'journeyType':
        return 'appointment-reminder';
      case 'version':
        return '0';
      case 'name':
        return `scenario-${randomBytes(4).toString('hex')}`;
      default:
        throw new Error(`No harmless value for {${name}} in ${template}: add one.`);
    }
  });
}
