import {
  ValidatorConstraint,
  Validate,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';

/*
 * Free text people type (names, reasons, notes) reaches other people: staff on the timeline, and
 * sometimes patients in a message. None of it may carry control characters (a NUL also breaks
 * PostgreSQL text), line breaks where one line is meant, or direction overrides that make a
 * message read other than it is written; and a text of only invisible characters says nothing.
 */

// C0 and C1 controls (tab and line breaks are judged by the caller), and bidirectional overrides
// and isolates (Trojan Source, CVE-2021-42574).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/u;
// Whitespace, zero-width characters and other format characters: nothing a reader sees.
const INVISIBLE_ONLY = /^[\s\p{Cf}\u115f\u1160\u3164\uffa0]*$/u;

/** Why `text` is not plain text a person could have meant, or undefined when it is. */
export function plainTextProblem(text: string, { multiline }: { multiline: boolean }): string | undefined {
  if (CONTROL.test(text)) return 'must not contain control or text-direction characters';
  if (!multiline && LINE_BREAK.test(text)) return 'must be one line';
  if (INVISIBLE_ONLY.test(text)) return 'must contain visible text';
  return undefined;
}

@ValidatorConstraint({ name: 'plainText' })
class PlainTextConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args?: ValidationArguments): boolean {
    return typeof value !== 'string' || problemOf(value, args) === undefined;
  }
  defaultMessage(args?: ValidationArguments): string {
    const problem = typeof args?.value === 'string' ? problemOf(args.value, args) : undefined;
    return `${args?.property ?? 'text'} ${problem ?? 'must be plain text'}`;
  }
}

function problemOf(text: string, args: ValidationArguments | undefined): string | undefined {
  const [options] = (args?.constraints ?? [{ multiline: false }]) as [{ multiline: boolean }];
  return plainTextProblem(text, options);
}

/** The property, when present, is plain text: see `plainTextProblem`. */
export function IsPlainText(options: { multiline: boolean } = { multiline: false }): PropertyDecorator {
  return Validate(PlainTextConstraint, [options]);
}
