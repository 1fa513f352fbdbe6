import type { HelperOptions } from 'handlebars';
import { allowedHelpers, templateEngine, type RenderData } from './template-helpers';

/*
 * A definition's wording rendered by walking its parsed template instead of compiling it to a
 * JavaScript function: Handlebars' compiler builds code with `new Function`, which the designer's
 * Content Security Policy (rightly) refuses, and the preview must render exactly as a send does.
 * So the delivery activity, the simulator and the designer all render definition wording here:
 * Handlebars' own parser (with its whitespace control), the same registered helpers, the same
 * rules as compileTemplate's options (strict values, known helpers only, no HTML escaping).
 * Wording files are still compiled: they live on the server only.
 */

type Values = Record<string, string>;
type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

/** Only `if` and `unless` may open a block; every other helper is one of allowedHelpers. */
const BLOCK_HELPERS = new Set(['if', 'unless']);

export function interpretWording(source: string): (values: Values, data: RenderData) => string {
  const program = templateEngine.parse(source);
  checkHelpers(program);
  return (values, data) => renderProgram(program, values, data).trim();
}

function renderProgram(program: hbs.AST.Program | undefined, values: Values, data: RenderData): string {
  return (program?.body ?? []).map((statement) => renderStatement(statement, values, data)).join('');
}

function renderStatement(node: Node, values: Values, data: RenderData): string {
  switch (node.type) {
    case 'ContentStatement':
      return (node as hbs.AST.ContentStatement).value;
    case 'CommentStatement':
      return '';
    case 'MustacheStatement': {
      const mustache = node as hbs.AST.MustacheStatement;
      const value = isCall(mustache)
        ? callHelper(mustache, values, data)
        : lookup(mustache.path as hbs.AST.PathExpression, values, data, true);
      return value === undefined || value === null ? '' : String(value);
    }
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const helper = (block.path as hbs.AST.PathExpression).original;
      const [condition] = block.params.map((param) => evaluate(param, values, data));
      const truthy = Array.isArray(condition) ? condition.length > 0 : Boolean(condition);
      const chosen = (helper === 'if') === truthy ? block.program : block.inverse;
      return renderProgram(chosen, values, data);
    }
    default:
      throw new Error(`${node.type} is not allowed in wording (line ${node.loc.start.line}).`);
  }
}

/** A mustache with parameters, or naming a helper, is a helper call: `{{localDate lastDayAt timeZone}}`. */
function isCall(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression): boolean {
  const path = node.path as hbs.AST.PathExpression;
  return node.params.length > 0 || (path.type === 'PathExpression' && path.original in allowedHelpers);
}

function callHelper(
  node: hbs.AST.MustacheStatement | hbs.AST.SubExpression,
  values: Values,
  data: RenderData,
): unknown {
  const name = (node.path as hbs.AST.PathExpression).original;
  const helper = templateEngine.helpers[name];
  if (allowedHelpers[name as keyof typeof allowedHelpers] !== true || !helper) {
    throw new Error(`You specified knownHelpersOnly, but used the unknown helper ${name} - ${where(node)}`);
  }
  // As compiled templates do, helper arguments are not checked by strict mode: the helpers check them.
  const args = node.params.map((param) => evaluate(param, values, data));
  const options = { name, hash: {}, data, fn: () => '', inverse: () => '' } as unknown as HelperOptions;
  return helper(...args, options);
}

function evaluate(node: Expression, values: Values, data: RenderData): unknown {
  switch (node.type) {
    case 'PathExpression':
      return lookup(node as hbs.AST.PathExpression, values, data, false);
    case 'SubExpression':
      return callHelper(node as hbs.AST.SubExpression, values, data);
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return (node as hbs.AST.StringLiteral).value;
    default:
      return undefined;
  }
}

/** A value by name (`@language` from the data); strict: a value the journey did not pass is an error. */
function lookup(path: hbs.AST.PathExpression, values: Values, data: RenderData, strict: boolean): unknown {
  if (path.data) return (data as unknown as Record<string, unknown>)[path.parts.join('.')];
  if (path.parts.length !== 1) throw new Error(`"${path.original}" is not a value name - ${where(path)}`);
  const [name] = path.parts as [string];
  if (Object.prototype.hasOwnProperty.call(values, name)) return values[name];
  if (strict) throw new Error(`"${name}" not defined in the values - ${where(path)}`);
  return undefined;
}

/** Refuses, at compile time as knownHelpersOnly does, any helper or block not allowed. */
function checkHelpers(program: hbs.AST.Program): void {
  for (const statement of program.body) {
    if (statement.type === 'BlockStatement') {
      const block = statement as hbs.AST.BlockStatement;
      const name = (block.path as hbs.AST.PathExpression).original;
      if (!BLOCK_HELPERS.has(name) || block.params.length !== 1) {
        throw new Error(`{{#${name}}} is not allowed in wording: only {{#if value}} and {{#unless value}}.`);
      }
      checkHelpers(block.program);
      if (block.inverse) checkHelpers(block.inverse);
    } else if (statement.type === 'PartialStatement' || statement.type === 'PartialBlockStatement') {
      throw new Error('Partials are not allowed in wording.');
    } else if (statement.type === 'DecoratorBlock' || statement.type === 'Decorator') {
      throw new Error('Decorators are not allowed in wording.');
    }
  }
}

function where(node: Node): string {
  return `${node.loc.start.line}:${node.loc.start.column}`;
}
