import { z } from 'zod';
import {
  decisionNode,
  endNode,
  escalationNode,
  journeyDefinitionSchema,
  messageNode,
  type NodeKind,
  taskNode,
  timerNode,
  waitNode,
} from '../../../../contracts/journey-definitions/definition-schema';
import type { JsonSchema } from './json-schema';

/*
 * The forms are generated from the same zod schemas the API validates with (their JSON Schema,
 * with the titles given by `.meta({ title })`), so a field added to a node kind appears in its
 * property panel without a form to write.
 */

const nodeSchemas = {
  message: messageNode,
  wait: waitNode,
  timer: timerNode,
  decision: decisionNode,
  task: taskNode,
  escalation: escalationNode,
  end: endNode,
} satisfies Record<NodeKind, z.ZodType>;

const toJson = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const cache = new Map<NodeKind, JsonSchema>();

export function nodeJsonSchema(kind: NodeKind): JsonSchema {
  let found = cache.get(kind);
  if (!found) {
    found = toJson(nodeSchemas[kind]);
    cache.set(kind, found);
  }
  return found;
}

let journeySchema: JsonSchema | undefined;

/** The journey's own fields: what is not a node, nor set by the server (id, version). */
export function journeyJsonSchema(): JsonSchema {
  journeySchema ??= toJson(journeyDefinitionSchema.omit({ nodes: true, id: true, version: true }));
  return journeySchema;
}
