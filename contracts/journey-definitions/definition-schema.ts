import { z } from 'zod';
import { whenPassedOf } from './when-passed';
import { deliveryChannels } from '../delivery-channels';
import { scenarioSchema } from './scenario-schema';

/*
 * A journey definition: a care program as data, authored by designers, run by one interpreter
 * (workflows/definition-interpreter/) and by the simulator (shared/journey-definitions/). The zod
 * schema checks shape only, so a half-built draft still parses; `validateDefinition` checks the
 * graph (unreachable nodes, dead ends, waits without a timeout, ...) and a draft with problems is
 * not published. Pure: the API, the worker, workflows and the designer import it.
 */

const NODE_ID = /^[a-z][a-z0-9-]{0,62}$/;
/** A definition's id: what the store keys it by, and the audit trail names it by. */
export const DEFINITION_ID = NODE_ID;
/** Fact and setting names are JSON Logic `var` path segments: no dots, no spaces. */
const NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

const nodeId = z
  .string()
  .regex(NODE_ID, 'must be lower-case letters, digits and dashes, starting with a letter')
  .meta({ title: 'Node' });
const name = z.string().regex(NAME, 'must be letters, digits and underscores, starting with a letter');
const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as es or es-MX');

export const durationUnits = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export const duration = z
  .object({
    amount: z.number().positive().meta({ title: 'Amount' }),
    unit: z.enum(durationUnits).meta({ title: 'Unit' }),
  })
  .strict()
  .meta({ title: 'Duration' });
export type Duration = z.infer<typeof duration>;

const settingRef = z.object({ setting: name.meta({ title: 'Program setting' }) }).strict();

/** A duration written in the definition, or read from a program setting (of type `duration`). */
export const durationRef = z.union([duration, settingRef]).meta({ title: 'Duration or setting' });
export type DurationRef = z.infer<typeof durationRef>;

/** A whole number of days written in the definition, or read from a program setting (of type `days`). */
export const daysRef = z
  .union([z.number().int().min(0), settingRef])
  .meta({ title: 'Days, or a setting holding them' });
export type DaysRef = z.infer<typeof daysRef>;

// --- program settings ---------------------------------------------------------------------------

const settingMeta = {
  title: z.string().min(1).meta({ title: 'Title' }),
  description: z.string().optional().meta({ title: 'Description' }),
};

export const settingDeclaration = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('duration'), default: duration.meta({ title: 'Default' }), ...settingMeta })
    .strict(),
  z
    .object({
      type: z.literal('days'),
      default: z.number().int().min(0).meta({ title: 'Default (days)' }),
      ...settingMeta,
    })
    .strict(),
  z
    .object({
      type: z.literal('number'),
      default: z.number().meta({ title: 'Default' }),
      min: z.number().optional().meta({ title: 'Lowest allowed' }),
      max: z.number().optional().meta({ title: 'Highest allowed' }),
      ...settingMeta,
    })
    .strict(),
  z
    .object({ type: z.literal('boolean'), default: z.boolean().meta({ title: 'Default' }), ...settingMeta })
    .strict(),
  z
    .object({ type: z.literal('text'), default: z.string().meta({ title: 'Default' }), ...settingMeta })
    .strict(),
]);
export type SettingDeclaration = z.infer<typeof settingDeclaration>;
export type SettingValue = Duration | number | boolean | string;

// --- events -------------------------------------------------------------------------------------

/** A JSON Logic rule (jsonlogic.com), over `{ facts, settings, outcomes, journey }` (and `event`, in a refusal). */
export const jsonLogicRule = z
  .union([z.record(z.string(), z.unknown()), z.boolean()])
  .meta({ title: 'Condition (JSON Logic)' });
export type JsonLogicRule = z.infer<typeof jsonLogicRule>;

export const eventFieldTypes = ['string', 'number', 'boolean', 'date'] as const;

/**
 * An event the journey waits for. Where it comes from (resource kinds, codes, the link that ties
 * it to this journey) is declared so the EHR router can route it and operators can read it: an
 * event moves only the journey it is linked or declared for (safety invariant 8).
 */
export const eventDeclaration = z
  .object({
    type: z
      .string()
      .regex(NODE_ID, 'must be lower-case letters, digits and dashes')
      .meta({ title: 'Event type' }),
    label: z.string().min(1).meta({ title: 'Label' }),
    source: z
      .object({
        resourceTypes: z
          .array(z.string().regex(/^[A-Z][A-Za-z]+$/, 'must be a FHIR resource type such as Appointment'))
          .min(1)
          .meta({ title: 'FHIR resource types' }),
        codes: z
          .array(z.object({ system: z.string().min(1), code: z.string().min(1) }).strict())
          .optional()
          .meta({ title: 'Codes (value set)' }),
        link: z
          .enum(['based-on-request', 'answers-task', 'value-set'])
          .meta({ title: 'How the resource is tied to this journey' }),
      })
      .strict()
      .optional()
      .meta({ title: 'EHR source' }),
    fields: z.record(name, z.enum(eventFieldTypes)).optional().meta({ title: 'Fields the event carries' }),
    /** Journey facts the event sets: `{ fact: field }`; decisions read them as `facts.<fact>`. */
    facts: z.record(name, name).optional().meta({ title: 'Facts it records (fact: field)' }),
    /**
     * When the event does not fit the journey (an attendance with nothing booked, a visit older
     * than the one followed up): refused with the reason, changing nothing. Each rule reads
     * `event.<field>` (date fields as UTC ISO text), `facts`, `settings`, `outcomes` and
     * `journey.node` / `journey.stage`.
     */
    refuseWhen: z
      .array(
        z
          .object({
            when: jsonLogicRule,
            because: z.string().min(1).meta({ title: 'Reason the sender reads' }),
          })
          .strict(),
      )
      .optional()
      .meta({ title: 'Refuse it when' }),
  })
  .strict();
export type EventDeclaration = z.infer<typeof eventDeclaration>;

// --- messages -----------------------------------------------------------------------------------

export const readingLevels = ['plain', 'standard'] as const;
export type DefinitionReadingLevel = (typeof readingLevels)[number];
export const wordingChannels = ['any', 'email', 'sms', 'portal', 'letter'] as const;
export type WordingChannel = (typeof wordingChannels)[number];

/** Like a node id, or dotted parts (`emergency-follow-up.nudge`) as the coded journeys' wording keys are named. */
export const WORDING_KEY = /^[a-z][a-z0-9-]{0,62}(\.[a-z][a-z0-9-]{0,62}){0,3}$/;

/** One reading level's texts: `any` is what every channel without its own text uses. */
const channelTexts = z.partialRecord(z.enum(wordingChannels), z.string().min(1));

/**
 * What a message says, per language, reading level and channel. The engagement layer picks the
 * patient's language (then the definition's first language), reading level (then plain) and
 * channel (then `any`), and does consent, quiet hours, the daily cap, fallback and send-once.
 */
export const messageContent = z
  .object({
    key: z
      .string()
      .regex(WORDING_KEY, 'must be lower-case letters, digits and dashes, in dot-separated parts')
      .meta({ title: 'Wording key', description: 'Names the message in logs and the outreach log.' }),
    channel: z
      .enum(deliveryChannels)
      .optional()
      .meta({ title: "First-choice channel (the patient's own order follows)" }),
    urgent: z.boolean().optional().meta({ title: 'Clinical: exempt from the daily cap' }),
    respondWithin: durationRef
      .optional()
      .meta({ title: 'Wait this long for a response before trying the next channel' }),
    wording: z
      .record(languageTag, z.partialRecord(z.enum(readingLevels), channelTexts))
      .meta({ title: 'Wording per language, reading level and channel' }),
    subject: z
      .record(languageTag, z.string().min(1))
      .optional()
      .meta({ title: 'Email subject (and portal title) per language' }),
  })
  .strict();
export type MessageContent = z.infer<typeof messageContent>;

// --- clocks -------------------------------------------------------------------------------------

/**
 * A clinical deadline: the end of the local day (in the patient's zone) `within` calendar or
 * working days (Monday to Friday) after the node was entered. It runs on while the journey is
 * paused; a warning comes `warnBefore` days before, and a breach always raises a staff task.
 */
export const deadline = z
  .object({
    label: z.string().min(1).meta({ title: 'Label' }),
    within: daysRef,
    count: z.enum(['calendar', 'working']).meta({ title: 'Count calendar or working days' }),
    warnBefore: daysRef.optional().meta({ title: 'Warn this many days before' }),
  })
  .strict();
export type Deadline = z.infer<typeof deadline>;

/**
 * A moment the journey was told (a fact holding a date: a discharge, a booked appointment),
 * moved earlier or later. On the wall clock: it runs on while the journey is paused, and a
 * moment already past comes at once.
 */
export const factTime = z
  .object({
    fact: name.meta({ title: 'Fact holding a date' }),
    after: durationRef.optional().meta({ title: 'This long after it' }),
    before: durationRef.optional().meta({ title: 'This long before it' }),
  })
  .strict()
  .meta({ title: 'A time from a fact' });
export type FactTime = z.infer<typeof factTime>;

/**
 * Where a patient goes, instead of on at once, when the time from a fact has already passed as
 * they arrive: a reminder "24 hours before the visit" for a visit booked late, or reported after
 * it happened, would otherwise go out at once about a visit that is past (HZ-54). A time before
 * a fact must say it (validate-definition.ts, `time-may-have-passed`).
 */
export const whenPassed = nodeId.meta({ title: 'When that time has already passed on arrival, go to' });

/** After a duration of active time (paused time does not count), at a deadline, or at a time from a fact. */
export const clock = z.union([
  z.object({ after: durationRef }).strict(),
  z.object({ deadline }).strict(),
  z.object({ at: factTime }).strict(),
]);
export type Clock = z.infer<typeof clock>;

// --- nodes --------------------------------------------------------------------------------------

const nodeBase = {
  id: nodeId,
  label: z.string().min(1).meta({ title: 'Label' }),
  description: z.string().optional().meta({ title: 'Description' }),
  /** The stage a patient is reported in while here; the stage stays as it was when absent. */
  stage: nodeId.optional().meta({ title: 'Stage' }),
  /**
   * Where the designer drew the node; layout only: the interpreter never reads it, and
   * `withoutLayout` (diff-definitions.ts) drops it before definitions are compared (a moved node changes no journey).
   */
  position: z.object({ x: z.number(), y: z.number() }).strict().optional().meta({ title: 'Position' }),
};

export const staffTaskSpec = z
  .object({
    kind: z
      .string()
      .regex(NODE_ID, 'must be lower-case letters, digits and dashes')
      .meta({ title: 'Task kind (call, review, letter, ...)' }),
    title: z.string().min(1).meta({ title: 'Title staff read' }),
    priority: z.enum(['routine', 'urgent']).meta({ title: 'Priority' }),
    dueWithin: durationRef.meta({ title: 'Due within' }),
    /** When the task must be done by a moment the journey knows (the nudge after a discharge), instead of `dueWithin`. */
    dueAt: factTime.optional().meta({ title: 'Due at (instead of due within)' }),
  })
  .strict();
export type StaffTaskSpec = z.infer<typeof staffTaskSpec>;

export const messageNode = z
  .object({
    ...nodeBase,
    kind: z.literal('message'),
    message: messageContent.meta({ title: 'Message' }),
    next: nodeId.optional().meta({ title: 'Then go to' }),
    /** When no channel could take it (a staff call is raised either way). Defaults to `next`. */
    onUnreachable: nodeId.optional().meta({ title: 'When no channel reaches the patient' }),
  })
  .strict();

export const waitNode = z
  .object({
    ...nodeBase,
    kind: z.literal('wait'),
    events: z
      .array(z.object({ event: z.string().min(1).meta({ title: 'Event type' }), next: nodeId }).strict())
      .meta({ title: 'Events that end the wait' }),
    timeout: z
      .union([
        z.object({ after: durationRef, next: nodeId }).strict(),
        z.object({ deadline, next: nodeId }).strict(),
        z.object({ at: factTime, next: nodeId, whenPassed: whenPassed.optional() }).strict(),
      ])
      .optional()
      .meta({ title: 'Timeout (required)' }),
  })
  .strict();

export const timerNode = z
  .object({
    ...nodeBase,
    kind: z.literal('timer'),
    clock: clock.meta({ title: 'When it elapses' }),
    next: nodeId.optional().meta({ title: 'Then go to' }),
    /** Only for a time from a fact (`at`): see `whenPassed`. */
    whenPassed: whenPassed.optional(),
  })
  .strict();

export const decisionNode = z
  .object({
    ...nodeBase,
    kind: z.literal('decision'),
    branches: z
      .array(
        z
          .object({
            label: z.string().min(1).meta({ title: 'Label' }),
            when: jsonLogicRule,
            next: nodeId,
          })
          .strict(),
      )
      .meta({ title: 'Branches, tried in order' }),
    otherwise: nodeId.optional().meta({ title: 'When no branch applies (required)' }),
  })
  .strict();

export const taskNode = z
  .object({
    ...nodeBase,
    kind: z.literal('task'),
    task: staffTaskSpec.meta({ title: 'Staff task' }),
    outcomes: z
      .array(z.object({ outcome: z.string().min(1).meta({ title: 'Outcome' }), next: nodeId }).strict())
      .meta({ title: 'Outcomes staff choose' }),
    otherwise: nodeId.optional().meta({ title: 'Any other outcome' }),
    /** Go on at once: the task stays in the staff queue, and its outcome is not waited for. */
    next: nodeId.optional().meta({ title: 'Go on at once to (not waiting for the outcome)' }),
  })
  .strict();

export const escalationStep = z.union([
  z.object({ after: durationRef, message: messageContent }).strict(),
  z.object({ after: durationRef, task: staffTaskSpec }).strict(),
]);
export type EscalationStep = z.infer<typeof escalationStep>;

/**
 * An escalation plan: steps at times after the node was entered (messages on other channels, a
 * staff call), until one of the events arrives, or the plan closes after `closeAfter`.
 */
export const escalationNode = z
  .object({
    ...nodeBase,
    kind: z.literal('escalation'),
    steps: z.array(escalationStep).meta({ title: 'Steps, in time order' }),
    until: z
      .array(z.object({ event: z.string().min(1), next: nodeId }).strict())
      .meta({ title: 'Events that stop it' }),
    closeAfter: z
      .object({ after: durationRef, next: nodeId })
      .strict()
      .optional()
      .meta({ title: 'Close after' }),
  })
  .strict();

export const endNode = z
  .object({
    ...nodeBase,
    kind: z.literal('end'),
    summary: z.string().min(1).meta({ title: 'Timeline line' }),
    /** The patient left before the program reached its goal: counted as dropped off. */
    dropOff: z.boolean().meta({ title: 'Dropped off' }),
    /** `cancelled`: the journey is called off rather than finished (a visit entered in error). Default: completed. */
    status: z.enum(['completed', 'cancelled']).optional().meta({ title: 'Ends as' }),
  })
  .strict();

export const definitionNode = z.discriminatedUnion('kind', [
  messageNode,
  waitNode,
  timerNode,
  decisionNode,
  taskNode,
  escalationNode,
  endNode,
]);
export type DefinitionNode = z.infer<typeof definitionNode>;
export type NodeKind = DefinitionNode['kind'];
export type NodeOfKind<Kind extends NodeKind> = Extract<DefinitionNode, { kind: Kind }>;

export const journeyDefinitionSchema = z
  .object({
    id: z
      .string()
      .regex(NODE_ID, 'must be lower-case letters, digits and dashes')
      .meta({ title: 'Journey id' }),
    version: z.number().int().min(1).meta({ title: 'Version' }),
    title: z.string().min(1).meta({ title: 'Title' }),
    description: z.string().optional().meta({ title: 'Description' }),
    /** The first is the default: a patient whose language is not offered gets it. */
    languages: z.array(languageTag).min(1).meta({ title: 'Languages offered (the first is the default)' }),
    settings: z.record(name, settingDeclaration).meta({ title: 'Program settings with their defaults' }),
    events: z.array(eventDeclaration).meta({ title: 'Events the journey hears' }),
    stages: z
      .array(z.object({ id: nodeId, label: z.string().min(1).meta({ title: 'Label' }) }).strict())
      .min(1)
      .meta({ title: 'Stages' }),
    start: nodeId.meta({ title: 'First node' }),
    nodes: z.array(definitionNode).min(1).meta({ title: 'Nodes' }),
    /** Synthetic patients and scripts the designer runs every draft against; the interpreter ignores them. */
    scenarios: z
      .array(scenarioSchema)
      .max(50)
      .refine(
        (scenarios) => new Set(scenarios.map((scenario) => scenario.name)).size === scenarios.length,
        'each scenario needs its own name',
      )
      .optional()
      .meta({ title: 'Saved scenarios' }),
  })
  .strict()
  .meta({ title: 'Journey definition' });

export type JourneyDefinition = z.infer<typeof journeyDefinitionSchema>;

/** Where every node kind may go next, in the order the designer draws its edges. */
export function nextNodesOf(node: DefinitionNode): { next: string; label: string }[] {
  const edges: { next: string | undefined; label: string }[] = (() => {
    switch (node.kind) {
      case 'message':
        return [
          { next: node.next, label: 'sent' },
          { next: node.onUnreachable, label: 'unreachable' },
        ];
      case 'wait':
        return [
          ...node.events.map((edge) => ({ next: edge.next, label: edge.event })),
          { next: node.timeout?.next, label: 'timeout' },
          { next: whenPassedOf(node), label: 'already passed' },
        ];
      case 'timer':
        return [
          { next: node.next, label: 'elapsed' },
          { next: node.whenPassed, label: 'already passed' },
        ];
      case 'decision':
        return [
          ...node.branches.map((edge) => ({ next: edge.next, label: edge.label })),
          { next: node.otherwise, label: 'otherwise' },
        ];
      case 'task':
        return [
          ...node.outcomes.map((edge) => ({ next: edge.next, label: edge.outcome })),
          { next: node.otherwise, label: 'other outcome' },
          { next: node.next, label: 'raised' },
        ];
      case 'escalation':
        return [
          ...node.until.map((edge) => ({ next: edge.next, label: edge.event })),
          { next: node.closeAfter?.next, label: 'closed' },
        ];
      case 'end':
        return [];
    }
  })();
  return edges.filter((edge): edge is { next: string; label: string } => edge.next !== undefined);
}

/** The JSON Schema of a definition, as `GET /api/journey-definitions/schema` publishes it. */
export function journeyDefinitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(journeyDefinitionSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
