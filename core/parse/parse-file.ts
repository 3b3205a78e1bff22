import { createHash } from 'node:crypto';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { DataPath, Diagnostic, Range } from '../diagnostics';
import { locateOffsets, offsetsToRange, type LocateTarget } from './locate';
import { findSuppressions, type Suppressions } from './suppressions';

/** Files larger than this are not parsed: a definition file this big is a mistake. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** yaml's guard against "billion laughs": more alias expansions than this is an error. */
export const MAX_ALIAS_COUNT = 100;

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
 */
export function parseFile(path: string, input: Uint8Array | string): ParsedFile {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const hash = hashBytes(bytes);
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const at = (start: number, end: number): Range => offsetsToRange(lineCounter, [start, end]);
  const push = (rule: string, message: string, range: Range, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file: path, range, severity, rule, message });

  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    push(
      'yaml/file-too-large',
      `This file is ${mb} MB; okra reads definition files up to 5 MB. Split it into several files`,
      at(0, 0),
    );
    return makeFile({ path, hash, text: '', lineCounter, doc: undefined, data: undefined, diagnostics });
  }

  const decoded = decode(bytes);
  const text = stripBom(decoded.text);
  let doc: Document.Parsed | undefined;
  let data: unknown;
  try {
    const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    if (decoded.badOffset !== undefined) {
      const offset = Math.max(0, decoded.badOffset - (decoded.text.length - text.length));
      push('yaml/encoding', 'This file is not valid UTF-8 here; save it as UTF-8', at(offset, offset + 1));
    }
    const list = Array.isArray(docs) ? docs : [];
    if (list.length === 0 || list[0].contents === null) {
      push('yaml/empty-file', 'This file is empty; an okra file starts with `kind:` and `version: 1`', at(0, 0), 'warning');
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
    doc = list[0];
    if (doc) {
      for (const error of doc.errors) {
        const rule = YAML_CODES[error.code] ?? 'yaml/syntax';
        push(rule, friendlyYamlMessage(error.code, error.message), at(error.pos[0], error.pos[1]));
      }
      for (const warning of doc.warnings) {
        push(YAML_CODES[warning.code] ?? 'yaml/syntax', friendlyYamlMessage(warning.code, warning.message), at(warning.pos[0], warning.pos[1]), 'warning');
      }
      data = toData(doc, (message) => push('yaml/alias', message, at(0, Math.min(text.length, 1))));
    }
  } catch (error) {
    // yaml does not throw on syntax errors; this guards against the unexpected all the same.
    push('yaml/syntax', `This file could not be read as YAML: ${(error as Error).message}`, at(0, 0));
  }
  return makeFile({ path, hash, text, lineCounter, doc, data, diagnostics });
}

function toData(doc: Document.Parsed, report: (message: string) => void): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    report(
      /alias/i.test((error as Error).message)
        ? `Aliases in this file expand to too much data (more than ${MAX_ALIAS_COUNT} expansions); write the values out instead`
        : `This file's data could not be read: ${(error as Error).message}`,
    );
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

function makeFile(parts: FileParts): ParsedFile {
  const { path, hash, text, lineCounter, doc, data, diagnostics } = parts;
  let suppressions: Suppressions | undefined;
  return {
    path,
    hash,
    text,
    kind: kindOf(data),
    data,
    diagnostics,
    get suppressions() {
      return (suppressions ??= findSuppressions(text));
    },
    document: () => doc,
    locate(dataPath, target = 'value') {
      if (!doc) return offsetsToRange(lineCounter, [0, 0]);
      return offsetsToRange(lineCounter, locateOffsets(doc, dataPath, target));
    },
  };
}

/**
 * A file whose parse result came from the cache: the document is parsed again only if a
 * diagnostic has to be placed in it.
 */
export function cachedFile(path: string, text: string, hash: string, data: unknown, diagnostics: Diagnostic[]): ParsedFile {
  let parsed: ParsedFile | undefined;
  const full = () => (parsed ??= parseFile(path, text));
  let suppressions: Suppressions | undefined;
  return {
    path,
    hash,
    text,
    kind: kindOf(data),
    data,
    diagnostics,
    get suppressions() {
      return (suppressions ??= findSuppressions(text));
    },
    document: () => full().document(),
    locate: (dataPath, target) => full().locate(dataPath, target),
  };
}
