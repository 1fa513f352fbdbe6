import { interpretWording } from './interpret-wording';
import { allowedHelpers, templateEngine, type RenderData } from './template-helpers';

/*
 * Compiling wording: a file's body, or a definition's text (interpreted: interpret-wording.ts).
 * No file system, so the designer's message editor and the simulator render a definition's
 * wording exactly as a send does.
 */

export type RenderValues = Record<string, string>;
export type RenderWording = (values: RenderValues, data: RenderData) => string;

export function compileTemplate(source: string, escape: boolean): RenderWording {
  // strict: a value the workflow did not pass is an error, never an empty gap in a patient's message.
  const template = templateEngine.compile<RenderValues>(source, {
    strict: true,
    noEscape: !escape,
    knownHelpersOnly: true,
    knownHelpers: allowedHelpers,
  });
  return (values: RenderValues, data: RenderData) => template(values, { data }).trim();
}

/**
 * Wording written inside a journey definition (not a file), with a file body's rules (strict
 * values, the same helpers, no HTML escaping) but interpreted, not compiled to code, so the
 * designer renders it under its Content Security Policy too. Cached by its text, as files are by name.
 */
export function compileWording(source: string): RenderWording {
  let render = compiledWording.get(source);
  if (!render) {
    render = interpretWording(source.trim());
    // Definitions are few, but their drafts' texts are many: a bounded cache, oldest out first.
    if (compiledWording.size >= WORDING_CACHE_LIMIT)
      compiledWording.delete(compiledWording.keys().next().value!);
    compiledWording.set(source, render);
  }
  return render;
}

const WORDING_CACHE_LIMIT = 1000;
const compiledWording = new Map<string, RenderWording>();
