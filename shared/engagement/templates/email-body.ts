import { templateEngine } from './template-helpers';
import { readTemplateFile } from './template-files';
import { languageFallbacks } from './template-variants';

/*
 * An email is the message's plain text plus an HTML part built from that same text, so the two
 * can never say different things: paragraphs split on blank lines, every character escaped, links
 * made clickable, inside one shared layout. An unsubscribe line closes both when there is a link.
 */

export interface EmailParts {
  text: string;
  html: string;
}

export interface EmailRequest {
  /** The message's rendered text (not HTML-escaped). */
  text: string;
  subject: string | undefined;
  /** The language the message was written in, so the unsubscribe line matches it. */
  language: string;
  unsubscribeUrl: string | undefined;
}

const LAYOUT = 'layouts/email.html.hbs';
const URL = /https?:\/\/[^\s<>"']+/g;
// Sentence punctuation right after a link belongs to the sentence ("Book here: https://x.org/a.").
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

export function buildEmail({ text, subject, language, unsubscribeUrl }: EmailRequest): EmailParts {
  const footer = unsubscribeUrl ? unsubscribeLine(language, unsubscribeUrl) : undefined;
  const layout = readTemplateFile(LAYOUT);
  if (!layout) throw new Error(`The email layout ${LAYOUT} is missing.`);
  const html = layout.render(
    {
      subject: subject ?? '',
      paragraphs: paragraphsHtml(text),
      footer: footer ? linkedHtml(footer) : '',
    },
    { language },
  );
  return { text: footer ? `${text}\n\n${footer}` : text, html };
}

function unsubscribeLine(language: string, unsubscribeUrl: string): string {
  for (const lang of languageFallbacks(language)) {
    const line = readTemplateFile(`layouts/unsubscribe.${lang}.hbs`);
    if (line) return line.render({ unsubscribeUrl }, { language: lang });
  }
  throw new Error('No unsubscribe line in layouts/, not even in English.');
}

/** The layout inserts these unescaped: every piece of text in them went through escapeHtml. */
function paragraphsHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map(
      (paragraph) => `<p style="margin:0 0 16px;">${linkedHtml(paragraph).replace(/\r?\n/g, '<br>\n')}</p>`,
    )
    .join('\n');
}

/** Escapes text and turns each URL in it into a link showing that URL. */
function linkedHtml(text: string): string {
  let html = '';
  let from = 0;
  for (const match of text.matchAll(URL)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    html += escapeHtml(text.slice(from, match.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    from = match.index + url.length;
  }
  return html + escapeHtml(text.slice(from));
}

const escapeHtml = (text: string) => templateEngine.escapeExpression(text);
