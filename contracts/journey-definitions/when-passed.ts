import type { NodeOfKind } from './definition-schema';

/**
 * The node a wait or timer goes to when its time from a fact has already passed on arrival
 * (HZ-54); undefined when it does not say. Apart from the schema so the interpreter's workflow
 * bundle can use it without building the definition's zod schemas.
 */
export function whenPassedOf(node: NodeOfKind<'wait'> | NodeOfKind<'timer'>): string | undefined {
  if (node.kind === 'timer') return node.whenPassed;
  return node.timeout && 'whenPassed' in node.timeout ? node.timeout.whenPassed : undefined;
}
