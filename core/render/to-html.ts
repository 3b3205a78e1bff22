import MarkdownIt from 'markdown-it';
import { escapeHtml } from './markdown-escape';
import { taskLists } from './task-list';

/**
 * Markdown → a standalone HTML document. markdown-it with `html: false`: raw HTML in the
 * Markdown is shown as text, never passed through; its link validation refuses `javascript:`,
 * `vbscript:`, `file:` and `data:` URLs. (Text from the workspace was already escaped when it
 * entered the Markdown; this is the second wall.)
 */
const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false, breaks: false }).use(taskLists);

/** A small stylesheet for reading on screen and printing on A4 or Letter: writing boxes stay open. */
export const PRINT_STYLESHEET = `
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; max-width: 52em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 1.7em; margin: 0 0 .4em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #d0d0d0; }
h3 { font-size: 1.1em; margin: 1.3em 0 .4em; }
h4 { font-size: 1em; margin: 1.1em 0 .3em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .92em; }
th, td { border: 1px solid #c8c8c8; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
blockquote { margin: .4em 0 1.2em; padding: .5em .8em; min-height: 6em; border: 1px solid #b8b8b8; border-radius: 4px; background: #fcfcfc; color: #444; }
hr { border: 0; border-top: 1px solid #d0d0d0; margin: 2em 0 .8em; }
hr + p { font-size: .85em; color: #666; }
ul { padding-left: 1.4em; }
li.task { list-style: none; }
li.task > p > input, li.task > input { margin: 0 .45em 0 -1.3em; }
@page { size: auto; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

export interface HtmlOptions {
  /** Plain text for `<title>`; escaped here. */
  title: string;
  /** The document's language, default `en`. */
  lang?: string;
}

/** The Markdown rendered as HTML (a fragment), with raw HTML disabled. */
export function markdownToHtmlFragment(source: string): string {
  return markdown.render(source);
}

/** A complete HTML document: `<meta charset>`, the escaped title, the print stylesheet and the body. */
export function toHtml(source: string, options: HtmlOptions): string {
  const lang = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(options.lang ?? '') ? options.lang : 'en';
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>\n${PRINT_STYLESHEET}\n</style>`,
    '</head>',
    '<body>',
    markdownToHtmlFragment(source).trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
