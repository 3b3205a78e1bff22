import { createHash } from 'node:crypto';
import type { CST, Document, LineCounter, YAMLError, YAMLParseError } from 'yaml';
import { isScalar, yamlLibrary } from './yaml-library';
import type { DataPath, Diagnostic, Range } from '../diagnostics';
import { expandedSize } from './expanded-size';
import { blockKeyRanges } from './block-keys';
import { fastData } from './fast-data';
import { locateOffsets, offsetsToRange, type LocateTarget } from './locate';
import { findSuppressions, type Suppressions } from './suppressions';

/** Files larger than this are not parsed: a definition file this big is a mistake. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * The guard against "billion laughs": data that aliases expand beyond this many characters (and
 * nodes) is an error. Twice the largest file okra reads, so that aliases may repeat a value as
 * often as anyone writes by hand; counted by size, not by how many aliases there are.
 */
export const MAX_EXPANDED_SIZE = 10_000_000;
/** YAML errors reported per file before the rest are summed up in one diagnostic. */
export const MAX_SYNTAX_ERRORS = 20;
/**
 * Collections nested deeper than this are refused before composing: yaml composes recursively,
 * and a deep enough file overflows the stack at a depth that depends on the caller's stack.
 */
export const MAX_NESTING = 100;

/** One YAML definition file, parsed, with everything needed to place diagnostics in it. */
export interface ParsedFile {
  /** Workspace-relative path with `/` separators. */
  readonly path: string;
  /** Content hash of the raw bytes (sha1, hex). */
  readonly hash: string;
  readonly text: string;
  /** The `kind:` of the first document, when it is a string. */
  readonly kind: string | undefined;
  /** Plain data of the first document; `undefined` when unusable. */
  readonly data: unknown;
  /** YAML-layer diagnostics: syntax, encoding, size, structure. */
  readonly diagnostics: Diagnostic[];
  readonly suppressions: Suppressions;
  /** The yaml Document (parsed on first use when the file came from the cache). */
  document(): Document.Parsed | undefined;
  /** Turns a data path into a range in this file (nearest existing parent when missing). */
  locate(path: DataPath, target?: LocateTarget): Range;
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8', { fatal: false });

/** Decodes bytes as UTF-8; invalid bytes are replaced and reported at their position. */
function decode(bytes: Uint8Array): { text: string; badOffset?: number } {
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const text = UTF8_LENIENT.decode(bytes);
    const badOffset = text.indexOf('\uFFFD');
    return { text, badOffset: badOffset < 0 ? 0 : badOffset };
  }
}

/**
 * YAML allows no raw C0/C1 control characters but tab and line breaks (escapes such as "\0" in
 * double quotes are fine); a NUL usually means a UTF-16 or binary file. The offset of the first
 * one, if any.
 */
function firstControlCharacter(text: string): number | undefined {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/.exec(text);
  return match?.index;
}

/** Offset of the first collection nested deeper than MAX_NESTING, walking the CST without recursion. */
function tooDeepAt(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<[CST.Token | null | undefined, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth >= MAX_NESTING) return token.offset;
        for (const item of token.items) {
          if ('key' in item) stack.push([item.key as CST.Token | null | undefined, depth + 1]);
          stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

export function stripBom(text: string): string {
  // Editors hide the byte order mark, so positions are counted without it.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  TAB_AS_INDENT: 'yaml/tab-indent',
  BAD_ALIAS: 'yaml/alias',
  MULTIPLE_ANCHORS: 'yaml/alias',
};

function friendlyYamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same mapping; keep one of them';
    case 'TAB_AS_INDENT':
      return 'Tabs are not allowed for indentation in YAML; indent with spaces';
    default:
      return first;
  }
}

/**
 * Parses one file's bytes. Never throws on user input: every problem becomes a positioned
 * diagnostic, and the data of the first document is kept whenever there is any.
 *
 * A plain file (the usual case) is read by the fast reader and its yaml Document is built only
 * when something asks for a position; anything else goes straight to yaml, which reports it.
 */
export function parseFile(path: string, input: Uint8Array | string): ParsedFile {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const hash = hashBytes(bytes);
  if (bytes.length <= MAX_FILE_BYTES) {
    const decoded = decode(bytes);
    const text = stripBom(decoded.text);
    if (decoded.badOffset === undefined && firstControlCharacter(text) === undefined) {
      const data = fastData(text);
      if (data !== undefined) return cachedFile(path, text, hash, data, []);
    }
  }
  return parseWithPositions(path, bytes, hash);
}

/** Parses with yaml, keeping the Document and its positions. */
function parseWithPositions(path: string, bytes: Uint8Array, hash: string): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new (yamlLibrary().LineCounter)();
  let text = '';
  // Offsets past the end (yaml puts "missing X" errors one past the last character) are clamped,
  // so that every range lies inside the file.
  const clamp = (offset: number) => Math.max(0, Math.min(offset, text.length));
  const at = (start: number, end: number): Range => offsetsToRange(lineCounter, [clamp(start), clamp(end)]);
  const push = (rule: string, message: string, range: Range, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file: path, range, severity, rule, message });

  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    lineCounter.addNewLine(0);
    push('yaml/file-too-large', `This file is ${mb} MB; okra reads definition files up to 5 MB. Split it into several files`, at(0, 0));
    return makeFile({ path, hash, text: '', lineCounter, doc: undefined, data: undefined, diagnostics });
  }

  const decoded = decode(bytes);
  text = stripBom(decoded.text);
  let doc: Document.Parsed | undefined;
  let data: unknown;
  try {
    // Lines are counted from the text, not by the parser: yaml's Parser does not report the line
    // breaks inside some error tokens (e.g. a block scalar after a broken first line), which put
    // every later diagnostic on the wrong line.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const tokens = Array.from(new (yamlLibrary().Parser)().parse(text));
    if (decoded.badOffset !== undefined) {
      const offset = Math.max(0, decoded.badOffset - (decoded.text.length - text.length));
      push('yaml/encoding', 'This file is not valid UTF-8 here; save it as UTF-8', at(offset, offset + 1));
    }
    // Not valid UTF-8 already says what is wrong (a UTF-16 file would also be full of NULs).
    const control = decoded.badOffset === undefined ? firstControlCharacter(text) : undefined;
    if (control !== undefined) {
      const code = `U+${text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')}`;
      push(
        'yaml/encoding',
        `This file contains the control character ${code}, which YAML does not allow; is it a text file saved as UTF-8?`,
        at(control, control + 1),
      );
    }
    const deep = tooDeepAt(tokens);
    if (deep !== undefined) {
      push(
        'yaml/syntax',
        `Collections are nested more than ${MAX_NESTING} levels deep here; okra does not read files nested this deeply`,
        at(deep, deep + 1),
      );
      return makeFile({ path, hash, text, lineCounter, doc: undefined, data: undefined, diagnostics });
    }
    // logLevel 'error': yaml would otherwise print warnings on the process (the core never does).
    const list = Array.from(
      new (yamlLibrary().Composer)({ prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' }).compose(tokens),
    );
    for (const composed of list) addDuplicateKeyErrors(composed);
    const first = list[0];
    if (list.length === 0 || first.contents === null) {
      push('yaml/empty-file', 'This file is empty; an okra file starts with `kind:` and `version: 1`', at(0, 0), 'warning');
    } else if (isScalar(first.contents) && first.contents.value === null) {
      // `---`, `...` or `~` alone: a document that holds nothing.
      push(
        'yaml/empty-file',
        'This file holds no data; an okra file starts with `kind:` and `version: 1`',
        at(first.contents.range[0], first.contents.range[1]),
        'warning',
      );
    }
    if (list.length > 1) {
      const second = list[1];
      const start = second.range[0];
      push(
        'yaml/multi-document',
        'okra reads one document per file; move this document into a file of its own',
        at(start, Math.min(text.length, start + 3)),
      );
    }
    doc = first;
    if (doc) {
      // One early mistake can make yaml report every later token; the first errors are the
      // ones worth reading, so the rest are counted in one last diagnostic.
      for (const error of doc.errors.slice(0, MAX_SYNTAX_ERRORS)) {
        const rule = YAML_CODES[error.code] ?? 'yaml/syntax';
        const [start, end] = unclosedQuoteStart(doc, error) ?? error.pos;
        push(rule, friendlyYamlMessage(error.code, error.message), at(start, end));
      }
      if (doc.errors.length > MAX_SYNTAX_ERRORS) {
        const last = doc.errors[MAX_SYNTAX_ERRORS];
        push(
          'yaml/syntax',
          `${doc.errors.length - MAX_SYNTAX_ERRORS} more YAML errors follow from here; fix the ones above first`,
          at(last.pos[0], last.pos[1]),
        );
      }
      for (const warning of doc.warnings) {
        push(
          YAML_CODES[warning.code] ?? 'yaml/syntax',
          friendlyYamlMessage(warning.code, warning.message),
          at(warning.pos[0], warning.pos[1]),
          'warning',
        );
      }
      // No `*` in the text, no alias: the size walk is skipped (it would cost every file a second pass).
      data = toData(doc, text.includes('*'), (message, [start, end]) => push('yaml/alias', message, at(start, end)));
    }
  } catch (error) {
    // yaml does not throw on syntax errors; this guards against the unexpected all the same.
    push('yaml/syntax', `This file could not be read as YAML: ${(error as Error).message}`, at(0, 0));
  }
  return makeFile({ path, hash, text, lineCounter, doc, data, diagnostics });
}

/**
 * yaml reports a missing closing quote at the end of the file, which may be far below the quote
 * that is not closed: point at the opening quote instead.
 */
function unclosedQuoteStart(
  doc: Document.Parsed,
  error: { code: string; message: string; pos: [number, number] },
): [number, number] | undefined {
  if (error.code !== 'MISSING_CHAR' || !/closing .*quote/i.test(error.message)) return undefined;
  let found: [number, number] | undefined;
  yamlLibrary().visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= error.pos[0] && !found) {
        found = [node.range[0], node.range[0] + 1];
        return yamlLibrary().visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * yaml's own check for duplicate keys (`uniqueKeys`) compares each key with every earlier key of
 * its mapping, which takes minutes on a pasted file of 20,000 keys. This keeps a set per mapping
 * and reports what yaml would: the same errors, at the same offsets, in document order among
 * the other errors.
 */
function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  yamlLibrary().visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // yaml compares scalar keys by value and other keys by identity, with ===: NaN repeats nothing.
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (Number.isNaN(key)) continue;
        if (!seen.has(key)) seen.add(key);
        else {
          const start = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? map.range?.[0] ?? 0;
          found.push(new (yamlLibrary().YAMLParseError)([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        }
      }
    },
  });
  if (found.length === 0) return;
  found.sort((a, b) => a.pos[0] - b.pos[0]);
  const merged: YAMLError[] = [];
  let next = 0;
  for (const error of doc.errors) {
    while (next < found.length && found[next].pos[0] < error.pos[0]) merged.push(found[next++]);
    merged.push(error);
  }
  merged.push(...found.slice(next));
  doc.errors = merged;
}

/** The first alias of the document: where alias problems are reported. */
function firstAlias(doc: Document.Parsed, unresolved: boolean): [number, number] {
  let found: [number, number] | undefined;
  yamlLibrary().visit(doc, {
    Alias(_key, node) {
      if (unresolved && node.resolve(doc) !== undefined) return undefined;
      found = node.range ? [node.range[0], node.range[1]] : undefined;
      return yamlLibrary().visit.BREAK;
    },
  });
  return found ?? [0, 1];
}

function toData(doc: Document.Parsed, mayHaveAliases: boolean, report: (message: string, at: [number, number]) => void): unknown {
  try {
    if (mayHaveAliases && expandedSize(doc, MAX_EXPANDED_SIZE) > MAX_EXPANDED_SIZE) {
      report('Aliases in this file expand to too much data (more than 10 MB); write the values out instead', firstAlias(doc, false));
      return undefined;
    }
    // Measured above: yaml's own cap counts aliases, and 100 aliases of one short value are fine.
    return doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const message = (error as Error).message;
    if (/unresolved alias/i.test(message)) {
      const at = firstAlias(doc, true);
      report('This alias refers to no anchor (`&name`) defined before it', at);
    } else {
      report(`This file's data could not be read: ${message}`, [0, 1]);
    }
    return undefined;
  }
}

interface FileParts {
  path: string;
  hash: string;
  text: string;
  lineCounter: LineCounter;
  doc: Document.Parsed | undefined;
  data: unknown;
  diagnostics: Diagnostic[];
}

function kindOf(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const kind = (data as Record<string, unknown>).kind;
  return typeof kind === 'string' ? kind : undefined;
}

/** The parts every ParsedFile shares, whether just parsed or read from the cache. */
function fileRecord(
  path: string,
  hash: string,
  source: string | (() => string),
  data: unknown,
  diagnostics: Diagnostic[],
  located: Pick<ParsedFile, 'document' | 'locate'>,
): ParsedFile {
  let suppressions: Suppressions | undefined;
  let text = typeof source === 'string' ? source : undefined;
  const textOf = () => (text ??= (source as () => string)());
  return {
    path,
    hash,
    get text() {
      return textOf();
    },
    kind: kindOf(data),
    data,
    diagnostics,
    get suppressions() {
      return (suppressions ??= findSuppressions(textOf()));
    },
    document: located.document,
    locate: located.locate,
  };
}

function makeFile(parts: FileParts): ParsedFile {
  const { path, hash, text, lineCounter, doc, data, diagnostics } = parts;
  return fileRecord(path, hash, text, data, diagnostics, {
    document: () => doc,
    locate(dataPath, target = 'value') {
      if (!doc) return offsetsToRange(lineCounter, [0, 0]);
      return offsetsToRange(lineCounter, locateOffsets(doc, dataPath, target));
    },
  });
}

/**
 * A file whose data is known (read by the fast reader, or from the cache): the document is parsed
 * with yaml only if a diagnostic has to be placed in it. `text` may be a function, called on
 * first use (a worker's file keeps its bytes, outside the JavaScript heap, until then).
 */
export function cachedFile(
  path: string,
  text: string | (() => string),
  hash: string,
  data: unknown,
  diagnostics: Diagnostic[],
  /** Places what it can without parsing (see WorkspaceSession's one-scalar edits); the rest parses. */
  quickLocate?: (path: DataPath, target?: LocateTarget) => Range | undefined,
): ParsedFile {
  let parsed: ParsedFile | undefined;
  const full = () => (parsed ??= parseWithPositions(path, Buffer.from(record.text, 'utf8'), hash));
  // Unknown keys are the diagnostics a file can have thousands of: placed from its lines when it can.
  let keys: Map<string, Range> | undefined | null = null;
  const keyRange = (dataPath: DataPath, target: LocateTarget | undefined) => {
    if (target !== 'key' || parsed) return undefined;
    if (keys === null) keys = blockKeyRanges(record.text, data);
    return keys?.get(JSON.stringify(dataPath));
  };
  const record = fileRecord(path, hash, text, data, diagnostics, {
    document: () => full().document(),
    locate: (dataPath, target) => quickLocate?.(dataPath, target) ?? keyRange(dataPath, target) ?? full().locate(dataPath, target),
  });
  return record;
}
