import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { journeyModules } from '../../../workflows/journeys';
import type { TemplateVariant } from './template-variants';
import { compileTemplate, type RenderValues } from './compile-wording';
import type { RenderData } from './template-helpers';

/*
 * The wording files on disk: each journey's in `wording/` in the folder its module declares
 * (workflows/<journey>/wording), the layouts all journeys share here in `layouts/`; which file a
 * wording key and variant name (only keys a module declares have files), and each file parsed
 * and compiled once. Files only change with a deployment, so a file found missing stays missing
 * for the life of the process too.
 */

export interface TemplateFile {
  /** `<journey>/<file>` or `layouts/<file>`: what the outreach log records. */
  file: string;
  render(values: RenderValues, data: RenderData): string;
  /** From the front matter; email subject and portal title. */
  renderSubject?(values: RenderValues, data: RenderData): string;
}

/** Where a wording key's files live: `<journey>/<message>.<language>.<level>.<channel>.hbs`. */
export interface MessageLocation {
  journey: string;
  message: string;
}

const LAYOUTS = 'layouts';
// Keys come from program settings; anything else (a slash above all) never reaches the file system.
const KEY_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

let configuredFolder: string | undefined;
const compiled = new Map<string, TemplateFile | null>();

/**
 * The folder of the shared layouts, beside package.json, not beside this file: compiled code runs
 * from dist/, where the .hbs files are not copied; or the configured one (CAREPATH_TEMPLATES_DIR,
 * an image with its own wording: `layouts/` and one `<journey>/` folder per journey).
 */
export function templatesDir(): string {
  return configuredFolder ?? path.join(projectRoot(), 'activities', 'engagement', 'templates');
}

/** The folder of a journey's wording: the one its module declares, unless a configured folder replaces them all. */
export function wordingDir(journey: string): string | undefined {
  if (configuredFolder) return path.join(configuredFolder, journey);
  const module = journeyModules.find((candidate) => candidate.id === journey);
  return module && path.join(projectRoot(), module.folder, 'wording');
}

/**
 * Points the wording at another folder, once at process start (createEngagement, from
 * AppConfig.templatesDir): the parsed files are a cache of the whole process, not of a caller.
 */
export function useTemplatesDir(dir: string): void {
  if (configuredFolder !== undefined && configuredFolder !== dir) {
    throw new Error(`The message templates are already read from ${configuredFolder}, not ${dir}.`);
  }
  configuredFolder = dir;
}

function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`No package.json above ${__dirname}: cannot find the message templates.`);
    dir = parent;
  }
  return dir;
}

/**
 * The journey whose module declares the key, and the message it names there:
 * `preventive-outreach.mammogram.call-to-action` -> preventive-outreach / mammogram.call-to-action.
 * The oncology keys predate the dot and join with a hyphen (`oncology-fast-track-waiting-list`);
 * a key that is a journey's id (`appointment-reminder`) is that journey's one message.
 */
export function locateMessage(key: string): MessageLocation | undefined {
  if (!KEY_PATTERN.test(key)) return undefined;
  const journey = journeyModules.find((candidate) => candidate.wording.keys.includes(key))?.id;
  if (!journey) return undefined;
  return { journey, message: key === journey ? key : key.slice(journey.length + 1) };
}

export function variantFile({ journey, message }: MessageLocation, variant: TemplateVariant): string {
  return `${journey}/${message}.${variant.language}.${variant.readingLevel}.${variant.channel}.hbs`;
}

/** A wording file (`<journey>/<file>`) or layout (`layouts/<file>`), compiled; undefined when there is no such file. */
export function readTemplateFile(file: string): TemplateFile | undefined {
  if (!compiled.has(file)) compiled.set(file, compileFile(file));
  return compiled.get(file) ?? undefined;
}

function compileFile(file: string): TemplateFile | null {
  const fullPath = fullPathOf(file);
  if (!fullPath || !fs.existsSync(fullPath)) return null;
  const source = fs.readFileSync(fullPath, 'utf8');
  const frontMatter = FRONT_MATTER.exec(source);
  const subject = frontMatter ? subjectOf(frontMatter[1], file) : undefined;
  const body = frontMatter ? source.slice(frontMatter[0].length) : source;
  // Only HTML layouts escape: message bodies are plain text, escaped later if they go into HTML.
  const escape = file.endsWith('.html.hbs');
  return {
    file,
    render: compileTemplate(body.trim(), escape),
    ...(subject === undefined ? {} : { renderSubject: compileTemplate(subject, false) }),
  };
}

function fullPathOf(file: string): string | undefined {
  const [journey, ...rest] = file.split('/');
  if (journey === LAYOUTS) return path.join(templatesDir(), file);
  const dir = wordingDir(journey!);
  return dir && path.join(dir, ...rest);
}

function subjectOf(yamlText: string, file: string): string | undefined {
  const fields: unknown = parseYaml(yamlText) ?? {};
  const { subject, ...unknown } = fields as Record<string, unknown>;
  // A misspelt field would otherwise drop the subject without a word.
  if (Object.keys(unknown).length > 0 || (subject !== undefined && typeof subject !== 'string'))
    throw new Error(`${file}: the front matter may only give a text "subject".`);
  return subject;
}
