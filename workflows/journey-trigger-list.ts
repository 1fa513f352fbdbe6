import type { EventResource, EventRule } from './journey-events';
import type { StartResource, StartRule } from './journey-starts';
import type { JourneyTriggers } from './journey-triggers';
import { journeyModules } from './journeys';

/** Every journey type's triggers, read from the module list: the EHR router reads these and nothing else. */
export function journeyTriggerList(): readonly JourneyTriggers[] {
  return journeyModules.map((journey) => journey.triggers);
}

export function triggersOf(journey: string): JourneyTriggers | undefined {
  return journeyTriggerList().find((triggers) => triggers.journey === journey);
}

/** A journey's start rule, with the journey it starts. */
export type DeclaredStart<R extends StartResource = StartResource> = Extract<StartRule, { resource: R }> & {
  journey: string;
};

/** The start rules every journey declares for `resource`, in module order. */
export function startRulesFor<R extends StartResource>(resource: R): Array<DeclaredStart<R>> {
  return journeyTriggerList().flatMap((triggers) =>
    triggers.starts
      .filter((rule): rule is Extract<StartRule, { resource: R }> => rule.resource === resource)
      .map((rule) => ({ ...rule, journey: triggers.journey })),
  );
}

/** A journey's event rule, with the journey it moves. */
export type DeclaredEvent<R extends EventResource = EventResource> = Extract<EventRule, { resource: R }> & {
  journey: string;
};

/** The event rules every journey declares for `resource`, in module order. */
export function eventRulesFor<R extends EventResource>(resource: R): Array<DeclaredEvent<R>> {
  return journeyTriggerList().flatMap((triggers) =>
    triggers.events
      .filter((rule): rule is Extract<EventRule, { resource: R }> => rule.resource === resource)
      .map((rule) => ({ ...rule, journey: triggers.journey })),
  );
}
