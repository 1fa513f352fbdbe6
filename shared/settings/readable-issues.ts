import type { z } from 'zod';
import { fieldName, schemaNodeAt, type JsonSchemaNode } from './settings-schema-lookup';

/*
 * zod's issue messages are written for developers ("Too big: expected number to be <=72"); a
 * program manager gets a sentence naming the field by its title and saying what to enter. The
 * field path still says where the problem is; the sentence says what it is.
 */

type Issue = z.core.$ZodIssue;

const list = (values: readonly unknown[]) => values.map((value) => String(value)).join(', ');

/** A message a schema author wrote (a refine, a regex's message), rather than zod's own wording. */
function isAuthored(message: string): boolean {
  return !/^(Invalid|Too (big|small)|Unrecognized key)/.test(message);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalized = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

function bound(issue: Issue & { code: 'too_big' | 'too_small' }, name: string): string {
  const limit = 'maximum' in issue ? issue.maximum : issue.minimum;
  const most = issue.code === 'too_big';
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (!most && Number(limit) === 1) return `${name} cannot be empty.`;
      return `${name} must be ${most ? 'at most' : 'at least'} ${String(limit)} characters long.`;
    case 'array':
    case 'set':
      return `${name} must have ${most ? 'at most' : 'at least'} ${String(limit)} ${Number(limit) === 1 ? 'entry' : 'entries'}.`;
    default:
      if (!inclusive) return `${name} must be ${most ? 'less' : 'more'} than ${String(limit)}.`;
      return `${name} must be ${most ? 'at most' : 'at least'} ${String(limit)}.`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of settings',
};

/** One plain sentence for one issue, naming the field by its schema title. */
export function readableIssue(issue: Issue, schema: JsonSchemaNode | undefined): string {
  const name = fieldName(schemaNodeAt(schema, issue.path)) ?? 'This setting';
  switch (issue.code) {
    case 'too_big':
    case 'too_small':
      return bound(issue, name);
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return `${name} is required.`;
      return `${name} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case 'invalid_value':
      return `${name} must be one of: ${list(issue.values)}.`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options ? `${name} must be one of: ${list(options)}.` : `${name} is not filled in as expected.`;
    }
    case 'invalid_format':
      if (isAuthored(issue.message)) return `${name} ${issue.message.replace(/\.$/, '')}.`;
      if (issue.format === 'url') {
        return `${name} must be a full web address${issue.pattern === '^https$' ? ' starting with https://' : ''}.`;
      }
      return `${name} is not in the expected format.`;
    case 'unrecognized_keys':
      return `${name === 'This setting' ? 'The settings' : name} do not include ${list(issue.keys)}; remove ${issue.keys.length === 1 ? 'it' : 'them'}.`;
    case 'not_multiple_of':
      return `${name} must be a multiple of ${String(issue.divisor)}.`;
    default:
      return isAuthored(issue.message) ? sentence(issue.message) : `${name} is not valid.`;
  }
}
