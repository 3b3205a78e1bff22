import Handlebars, { type HelperDelegate, type TemplateDelegate } from 'handlebars';
import { didYouMeanHint } from '../util/did-you-mean';
import { templateCompiler } from './compile';
import { mergeDocumentSources, type DocumentSources } from './document-sources';
import { builtinHelpers } from './helpers';
import { escapeDeep } from './markdown-escape';
import { provenanceLine, templateVersion } from './provenance';
import { closestField, parseStrictError, pathAt, unknownFieldMessage, VIEW_PROTOTYPE } from './strict-paths';

/** The view model a document template is rendered with; `title` is plain text (for HTML `<title>`, Notion page titles). */
export interface DocumentView {
  title: string;
}

/** What a template is written for, declared by its first line: `{{!-- okra: review --}}`. */
export type ContextKind = 'person' | 'review' | 'retrospective';

export interface RendererOptions extends DocumentSources {
  /** okra's version, for the provenance line. */
  okraVersion?: string;
}

export interface RenderOptions {
  /** The workspace's git commit, for the provenance line. */
  commit?: string;
  /** The workspace had uncommitted changes. */
  dirty?: boolean;
}

/** A rendered document: Markdown ending with its provenance line. */
export interface RenderedDocument {
  template: string;
  version: string;
  title: string;
  markdown: string;
}

export interface Renderer {
  /** Document templates (not partials), sorted. */
  readonly templateNames: readonly string[];
  readonly partialNames: readonly string[];
  readonly helperNames: readonly string[];
  has(template: string): boolean;
  /** The kind of view model a template declares (`{{!-- okra: person --}}`), if any. */
  kindOf(template: string): ContextKind | undefined;
  /** Short hash of the template and the partials it uses. */
  versionOf(template: string): string;
  /** Renders `view` (escaped and made strict first) with `template`; throws {@link TemplateError}. */
  render(template: string, view: DocumentView, options?: RenderOptions): RenderedDocument;
}

/** A template that is missing, does not compile, or reads a field its view model lacks. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly template: string,
    readonly details: { partial?: string; line?: number; column?: number; field?: string } = {},
  ) {
    super(message);
  }
}

const KIND_HEADER = /^\s*\{\{!(?:--)?\s*okra:\s*(person|review|retrospective)\b/;
const PARTIAL_CALL = /\{\{~?#?>\s*([^\s}~]+)/g;

interface CompiledTemplate {
  source: string;
  fn: TemplateDelegate;
  version: string;
  kind: ContextKind | undefined;
}

/** Partials `source` calls, directly or through other partials, sorted. */
function partialsUsed(source: string, partials: Readonly<Record<string, string>>): string[] {
  const seen = new Set<string>();
  const visit = (text: string) => {
    for (const match of text.matchAll(PARTIAL_CALL)) {
      const name = match[1];
      if (seen.has(name) || !Object.hasOwn(partials, name)) continue;
      seen.add(name);
      visit(partials[name]);
    }
  };
  visit(source);
  return [...seen].sort();
}

/** 1-based line and column of the first mustache in `source` that mentions `field`. */
function findField(source: string, field: string): { line: number; column: number } | undefined {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mustache = new RegExp(`\\{\\{[^}]*?(?<![\\w-])${escaped}(?![\\w-])`, 'g');
  const match = mustache.exec(source);
  if (!match) return undefined;
  const offset = match.index + match[0].length - field.length;
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

interface Annotated {
  okraPartial?: string;
  lineNumber?: number;
  column?: number;
}

/** okra's own helpers: total, so they need no wrapper (a template calls helpers hundreds of times). */
const TOTAL_HELPERS: ReadonlySet<HelperDelegate> = new Set(Object.values(builtinHelpers));

/** A helper whose failure names it (helpers should be total; a plugin's may not be). */
function wrapHelper(name: string, helper: HelperDelegate): HelperDelegate {
  if (TOTAL_HELPERS.has(helper)) return helper;
  return function (this: unknown, ...args: unknown[]) {
    try {
      return (helper as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      throw new Error(`helper "${name}" failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
    }
  } as HelperDelegate;
}

/**
 * A renderer over one set of templates, partials and helpers, on its own Handlebars
 * environment (`Handlebars.create()`, never the global one). Templates compile once, on first
 * use (okra's own come compiled ahead of time, see compile.ts), with `strict` (unknown fields
 * throw), `knownHelpersOnly` (unknown helpers throw) and `noEscape`: the view model's strings
 * are Markdown-escaped before any template sees them.
 */
export function createRenderer(options: RendererOptions): Renderer {
  const { templates, partials, helpers } = mergeDocumentSources([options]);
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(helpers)) hb.registerHelper(name, wrapHelper(name, helper));
  const compile = templateCompiler(hb, Object.keys(helpers));
  for (const [name, source] of Object.entries(partials)) {
    let fn: TemplateDelegate | undefined;
    hb.registerPartial(name, ((context: unknown, runtime: Handlebars.RuntimeOptions) => {
      try {
        fn ??= compile(source);
        return fn(context, runtime);
      } catch (error) {
        if (error && typeof error === 'object') (error as Annotated).okraPartial ??= name;
        throw error;
      }
    }) as TemplateDelegate);
  }
  const compiled = new Map<string, CompiledTemplate>();
  const entry = (name: string): CompiledTemplate => {
    let found = compiled.get(name);
    if (found) return found;
    if (!Object.hasOwn(templates, name)) {
      throw new TemplateError(
        `No template "${name}"${didYouMeanHint(name, Object.keys(templates))}. Templates: ${Object.keys(templates).sort().join(', ')}`,
        name,
      );
    }
    const source = templates[name];
    const used = partialsUsed(source, partials);
    let fn: TemplateDelegate;
    try {
      fn = compile(source);
    } catch (error) {
      throw explain(name, error);
    }
    found = {
      source,
      fn,
      version: templateVersion([name, source, ...used.flatMap((p) => [p, partials[p]])]),
      kind: KIND_HEADER.exec(source)?.[1] as ContextKind | undefined,
    };
    compiled.set(name, found);
    return found;
  };

  function explain(name: string, error: unknown, root?: object): TemplateError {
    if (error instanceof TemplateError) return error;
    const annotated = (error ?? {}) as Annotated;
    const partial = annotated.okraPartial;
    const where = partial === undefined ? `Template "${name}"` : `Template "${name}" (partial "${partial}")`;
    const source = partial === undefined ? templates[name] : partials[partial];
    const message = (error as Error)?.message ?? String(error);
    const strict = parseStrictError(message);
    let field = strict?.field;
    let line = typeof annotated.lineNumber === 'number' ? annotated.lineNumber : undefined;
    let column = typeof annotated.column === 'number' ? annotated.column + 1 : undefined;
    if (line === undefined && field !== undefined && source !== undefined) {
      const found = findField(source, field);
      line = found?.line;
      column = found?.column;
    }
    let reason = message.replace(/ - \d+:\d+$/, '').replace(/^Parse error on line \d+:\n/, 'parse error:\n');
    if (strict) {
      const path = line !== undefined && column !== undefined && source !== undefined ? pathAt(source, line, column) : undefined;
      if (strict.parent === 'object' || !path || !path.includes('.')) {
        reason = unknownFieldMessage(strict.field, strict.available);
      } else if (strict.parent === 'null') {
        const empty = path.slice(0, path.lastIndexOf('.'));
        reason = `"${path}": "${empty}" is empty here (null); guard it with {{#if ${empty}}}`;
      } else {
        // An earlier part of the path is no field. The first part is most often the typo.
        const first = path.split('.')[0];
        const hint = root && !(first in root) ? closestField(first, Object.keys(root)) : undefined;
        reason = `unknown field in "${path}"${hint ? ` (did you mean "${[hint, ...path.split('.').slice(1)].join('.')}"?)` : ''}`;
        field = hint ? first : path;
      }
    }
    const at = line === undefined ? '' : `, line ${line}${column === undefined ? '' : `, column ${column}`}`;
    return new TemplateError(`${where}${at}: ${reason}`, name, { partial, line, column, field });
  }

  return {
    templateNames: Object.keys(templates).sort(),
    partialNames: Object.keys(partials).sort(),
    helperNames: Object.keys(helpers).sort(),
    has: (name) => Object.hasOwn(templates, name),
    kindOf: (name) => (Object.hasOwn(templates, name) ? (KIND_HEADER.exec(templates[name])?.[1] as ContextKind | undefined) : undefined),
    versionOf: (name) => entry(name).version,
    render(name, view, renderOptions = {}) {
      const template = entry(name);
      let body: string;
      try {
        body = template.fn(escapeDeep(view, VIEW_PROTOTYPE));
      } catch (error) {
        throw explain(name, error, view);
      }
      const line = provenanceLine({ template: name, version: template.version, okraVersion: options.okraVersion, ...renderOptions });
      return {
        template: name,
        version: template.version,
        title: typeof view.title === 'string' && view.title !== '' ? view.title : name,
        markdown: tidy(body) + '\n\n---\n\n' + line + '\n',
      };
    },
  };
}

/** Trailing spaces removed (no accidental hard breaks), at most one blank line in a row, no blank start or end. */
export function tidy(markdown: string): string {
  let text = markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
  // Most documents have no trailing blanks: finding none is cheaper than a multiline replace.
  if (TRAILING_BLANK.test(text)) text = text.replace(/[ \t]+$/gm, '');
  return text
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd();
}

/** A space or tab where `$` of a multiline RegExp matches: before a line terminator or at the end. */
const TRAILING_BLANK = /[ \t](?:[\n\u2028\u2029]|$)/;
