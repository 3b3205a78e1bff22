import type { DataPath } from '../diagnostics';
import type { LocateTarget } from '../parse/locate';
import type { SchemaError } from './schema-errors';
import { formatHint, patternHint, suggestName, type ValueHint } from './schema-hints';
import { describeField, describeMapping, itemNoun } from './schema-names';
import { isRecord, pointerToPath, valueAt } from './schema-path';

/** What the message builder needs to know about the file beyond the error. */
export interface MessageContext {
  kind: string;
  data: unknown;
  /** Keys allowed in the mapping at `path`, when known. */
  allowedKeys(path: DataPath, error: SchemaError): readonly string[] | undefined;
  /** The YAML source of the value at `path`, as written. */
  sourceText(path: DataPath): string | undefined;
}

/** One schema error, explained: where it goes, what it says and what would fix it. */
export interface SchemaProblem {
  rule: string;
  path: DataPath;
  target: LocateTarget;
  message: string;
  /** Replaces the located key or value; offered as a quick fix. */
  replacement?: string;
  /** The fix's title, e.g. `Change to "title"`. */
  fixTitle?: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  null: 'nothing',
};

const CONDITIONAL_NEEDS: Record<string, Record<string, string>> = {
  'key result': { metric: 'start and target', milestone: 'a due date' },
};

function kebab(keyword: string): string {
  return keyword
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/\s+/g, '-')
    .toLowerCase();
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value as a message quotes it: `"abc"`, `5`, `true`. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return `"${truncate(value)}"`;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** What a value is, for "got …": `text "abc"`, `the number 5`, `a list`. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'empty text' : `text "${truncate(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return showValue(value);
}

function listTypes(types: string[]): string {
  const names = types.map((t) => TYPE_NAMES[t] ?? t);
  return names.length <= 1 ? (names[0] ?? 'another value') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** YAML needs quotes around text that would otherwise read as a number, a boolean or null. */
export function yamlScalar(text: string): string {
  return /^[-+.\d]|^(true|false|null|yes|no|on|off|~)$|: |[#{}[\],&*!|>'"%@`]|^\s|\s$|^$/i.test(text) ? JSON.stringify(text) : text;
}

function withHint(value: string, hint: ValueHint): Pick<SchemaProblem, 'message' | 'replacement'> {
  const suggestion = hint.suggestion !== undefined && hint.suggestion !== value ? hint.suggestion : undefined;
  const tail = suggestion === undefined || hint.explain.includes(suggestion) ? '' : `; did you mean "${suggestion}"?`;
  return {
    message: `${showValue(value)} ${hint.explain}${tail}`,
    replacement: suggestion === undefined ? undefined : yamlScalar(suggestion),
  };
}

/**
 * The failing schema is a share (`ratio`: a number from 0 to 1), as `weight` and `shrinkage` are.
 * The precompiled validators are not verbose: their errors name the schema only by its path.
 */
function isShare(error: SchemaError): boolean {
  if (error.parentSchema) return error.parentSchema.minimum === 0 && error.parentSchema.maximum === 1;
  return /\/\$defs\/ratio\/type$/.test(error.schemaPath);
}

function typeProblem(
  error: SchemaError,
  path: DataPath,
  value: unknown,
  ctx: MessageContext,
): Omit<SchemaProblem, 'rule' | 'path' | 'target'> {
  const types = [error.params.type].flat().flatMap((t: string) => t.split(','));
  const field = describeField(path);
  const base = `Expected ${listTypes(types)}${field ? ` for ${field}` : ''}, got ${describeValue(value)}`;
  const source = ctx.sourceText(path);
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean') && source !== undefined) {
    const quoted = JSON.stringify(source);
    return { message: `${base}; put it in quotes: ${quoted}`, replacement: quoted, fixTitle: `Put ${source} in quotes` };
  }
  if ((types.includes('number') || types.includes('integer')) && typeof value === 'string') {
    const match = /^\s*(-?\d+(?:[.,]\d+)?)\s*(%|[A-Za-z€$£]+)?\s*$/.exec(value);
    if (match) {
      const number = match[1].replace(',', '.');
      // `weight: 60%` is a share: the number alone (60) would fail again, on the 0..1 limit.
      if (match[2] === '%' && isShare(error)) {
        const share = String(Number((Number(number) / 100).toFixed(6)));
        return {
          message: `${base}; ${field ?? 'this value'} is a share between 0 and 1, so ${value.trim()} is ${share}`,
          replacement: share,
        };
      }
      const unit = match[2] ? ` (the unit goes in "unit")` : '';
      return { message: `${base}; write the number only: ${number}${unit}`, replacement: number };
    }
  }
  if (types.includes('boolean') && typeof value === 'string' && /^(yes|no|y|n|on|off)$/i.test(value)) {
    const answer = /^(yes|y|on)$/i.test(value) ? 'true' : 'false';
    return { message: `${base}; write ${answer}`, replacement: answer };
  }
  if (types.includes('array') && value !== null && value !== undefined && typeof value !== 'object' && source !== undefined) {
    return { message: `${base}; write it as a list: [${source}]`, replacement: `[${source}]` };
  }
  return { message: base };
}

function unknownKeyProblem(key: string, path: DataPath, error: SchemaError, ctx: MessageContext): Omit<SchemaProblem, 'rule'> {
  const mapping = valueAt(ctx.data, path);
  // Asks the mapping about each allowed key (a handful) rather than listing its keys: a mapping
  // of thousands of unknown keys has as many errors, and listing them for each was quadratic.
  const allowed = (ctx.allowedKeys(path, error) ?? []).filter((k) => !(isRecord(mapping) && Object.hasOwn(mapping, k)));
  const suggestion = suggestName(key, allowed);
  const where = `in this ${describeMapping(ctx.kind, path)}`;
  const keyPath = [...path, key];
  if (suggestion !== undefined) {
    return {
      path: keyPath,
      target: 'key',
      message: `Unknown key "${key}" ${where}; did you mean "${suggestion}"?`,
      replacement: suggestion,
    };
  }
  const tail = allowed.length > 0 ? `; the keys allowed here are: ${allowed.join(', ')}` : '; remove it';
  return { path: keyPath, target: 'key', message: `Unknown key "${key}" ${where}${tail}` };
}

function requiredProblem(missing: string, path: DataPath, error: SchemaError, ctx: MessageContext): string {
  const thing = describeMapping(ctx.kind, path);
  if (/\/(then|else)\//.test(error.schemaPath)) {
    const mapping = valueAt(ctx.data, path);
    const type = isRecord(mapping) && typeof mapping.type === 'string' ? mapping.type : undefined;
    const needs = type === undefined ? undefined : CONDITIONAL_NEEDS[thing]?.[type];
    if (needs) return `Missing required key "${missing}" (a ${type} ${thing} needs ${needs})`;
    return `Missing required key "${missing}" in this ${thing} (needed because of the other values here)`;
  }
  return `Missing required key "${missing}" in this ${thing}`;
}

function limitProblem(error: SchemaError, path: DataPath, value: unknown): Pick<SchemaProblem, 'message' | 'replacement'> {
  const field = describeField(path) ?? 'This value';
  const { comparison, limit } = error.params as { comparison: string; limit: number };
  const words: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'more than' };
  const message = `${field} must be ${words[comparison] ?? comparison} ${limit}, got ${showValue(value)}`;
  if (limit === 1 && comparison === '<=' && typeof value === 'number' && Number.isInteger(value) && value > 1 && value <= 100) {
    // A share written as a percentage: 30 for 30 %.
    const share = String(Math.round(value * 1e6) / 1e8);
    return { message: `${message}; shares are written between 0 and 1, so ${value} % is ${share}`, replacement: share };
  }
  return { message };
}

/** Explains one ajv error in words for a support manager, with its place in the file. */
export function explainError(error: SchemaError, ctx: MessageContext): SchemaProblem {
  const path = pointerToPath(error.instancePath, ctx.data);
  const value = valueAt(ctx.data, path);
  const field = describeField(path) ?? 'This value';
  const params = error.params as Record<string, unknown>;
  const at = (message: string, extra: Partial<SchemaProblem> = {}): SchemaProblem => ({
    rule: `schema/${kebab(error.keyword)}`,
    path,
    target: 'value',
    message,
    ...extra,
  });

  if (error.propertyName !== undefined) {
    // A key that fails `propertyNames`: the error is about the key, not the mapping.
    const keyPath = [...path, error.propertyName];
    const hint =
      error.keyword === 'pattern' ? patternHint(String(params.pattern), error.propertyName) : { explain: 'is not allowed as a key here' };
    return { rule: 'schema/property-names', path: keyPath, target: 'key', ...withHint(error.propertyName, hint) };
  }

  switch (error.keyword) {
    case 'required':
      return at(requiredProblem(String(params.missingProperty), path, error, ctx));
    case 'dependentRequired':
    case 'dependencies':
      return at(`Missing required key "${String(params.missingProperty)}": it is needed when "${String(params.property)}" is given`, {
        rule: 'schema/dependent-required',
      });
    case 'additionalProperties':
      return { rule: 'schema/additional-property', ...unknownKeyProblem(String(params.additionalProperty), path, error, ctx) };
    case 'unevaluatedProperties':
      return { rule: 'schema/additional-property', ...unknownKeyProblem(String(params.unevaluatedProperty), path, error, ctx) };
    case 'type':
      return at('', typeProblem(error, path, value, ctx));
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const strings = allowed.filter((v): v is string => typeof v === 'string');
      const suggestion = typeof value === 'string' ? suggestName(value, strings) : undefined;
      const listed = allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
      const tail = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
      return at(`${showValue(value)} is not one of: ${listed}${tail}`, { replacement: suggestion });
    }
    case 'const': {
      if (path.length === 1 && path[0] === 'version') {
        return at(`okra reads version 1 of the file format, not ${showValue(value)}; write version: 1`);
      }
      return at(`Expected ${JSON.stringify(params.allowedValue)} for ${field}, got ${showValue(value)}`);
    }
    case 'format':
      return at('', withHint(String(value), formatHint(String(params.format), String(value))));
    case 'pattern':
      return at('', withHint(String(value), patternHint(String(params.pattern), String(value))));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at('', limitProblem(error, path, value));
    case 'multipleOf':
      return at(`${field} must be a multiple of ${String(params.multipleOf)}, got ${showValue(value)}`);
    case 'minItems': {
      const limit = Number(params.limit);
      const noun = itemNoun(path[path.length - 1]);
      return at(limit === 1 ? `${field} needs at least one ${noun}` : `${field} needs at least ${limit} items`);
    }
    case 'maxItems':
      return at(`${field} has more than ${String(params.limit)} items`);
    case 'uniqueItems': {
      const index = Math.max(Number(params.i), Number(params.j));
      const item = Array.isArray(value) ? value[index] : undefined;
      return at(`${showValue(item)} is listed twice in ${field}; remove one`, { path: [...path, index] });
    }
    case 'minLength':
      return at(
        Number(params.limit) === 1 ? `${field} must not be empty` : `${field} must be at least ${String(params.limit)} characters long`,
      );
    case 'maxLength':
      return at(`${field} must be at most ${String(params.limit)} characters long`);
    case 'false schema':
      return at(`${field} is not allowed here`, { rule: 'schema/false-schema' });
    case 'not':
      return at(`${field} has a value that is not allowed here`);
    case 'oneOf':
      return at(
        params.passingSchemas
          ? `${field} fits more than one of the allowed forms; make it fit exactly one`
          : `${field} does not fit any of the allowed forms`,
      );
    case 'anyOf':
      return at(`${field} does not fit any of the allowed forms`);
    default:
      return at(`${field} is not valid here${error.message ? ` (${error.message})` : ''}`);
  }
}
