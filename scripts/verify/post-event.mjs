#!/usr/bin/env node
// Posts one FHIR resource (JSON file or '-' for stdin) to Carepath's /api/fhir wrapped in a
// Subscriptions Backport (STU 1.1) full-resource event-notification bundle, as an EHR would.
// Usage: node scripts/verify/post-event.mjs <topic> <resource.json|-> 
// Event numbers count per topic in $VERIFY_COUNTERS (default /tmp/verify-counters.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
const [topic, file] = process.argv.slice(2);
const API = process.env.API ?? 'http://localhost:3000';
const KEY = process.env.CAREPATH_API_KEY ?? 'dev-integration-key';
const EHR = process.env.FHIR_BASE_URL ?? 'http://127.0.0.1:8103/fhir/R4';
const counterFile = process.env.VERIFY_COUNTERS ?? '/tmp/verify-counters.json';
const resource = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
let counters = {};
try { counters = JSON.parse(readFileSync(counterFile, 'utf8')); } catch {}
const subscription = `${EHR}/Subscription/verify-${topic}`;
const n = (counters[subscription] ?? 0) + 1;
const now = new Date().toISOString();
const focus = `${EHR}/${resource.resourceType}/${resource.id}`;
const bundle = {
  resourceType: 'Bundle', type: 'history', timestamp: now,
  entry: [
    { fullUrl: `urn:uuid:${randomUUID()}`, request: { method: 'GET', url: `${subscription}/$status` }, response: { status: '200' },
      resource: { resourceType: 'Parameters', parameter: [
        { name: 'subscription', valueReference: { reference: subscription } },
        { name: 'topic', valueCanonical: `https://ehr.carepath.dev/fhir/SubscriptionTopic/${topic}` },
        { name: 'status', valueCode: 'active' },
        { name: 'type', valueCode: 'event-notification' },
        { name: 'events-since-subscription-start', valueString: String(n) },
        { name: 'notification-event', part: [
          { name: 'event-number', valueString: String(n) },
          { name: 'timestamp', valueInstant: now },
          { name: 'focus', valueReference: { reference: focus } } ] } ] } },
    { fullUrl: focus, resource, request: { method: 'POST', url: resource.resourceType }, response: { status: '201', lastModified: now } },
  ],
};
const res = await fetch(`${API}/api/fhir`, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${KEY}` }, body: JSON.stringify(bundle) });
if (res.ok || res.status === 503) { counters[subscription] = n; writeFileSync(counterFile, JSON.stringify(counters)); }
const text = await res.text();
let out; try { out = JSON.parse(text); } catch { out = text; }
console.log(JSON.stringify({ status: res.status, entries: out.entries ?? out }, null, 0));
