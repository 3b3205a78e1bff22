import { compareDiagnostics, type DataPath, type Diagnostic } from '../diagnostics';
import type { ParsedFile } from '../parse/parse-file';
import * as generated from './generated/validators';
import type { StandaloneValidator } from './generated/validators';
import type { SchemaValidator } from './schema-compile';
import { suggestName } from './schema-hints';
import { selectErrors, type SchemaError } from './schema-errors';
import { explainError, yamlScalar, type MessageContext, type SchemaProblem } from './schema-messages';
import { isRecord, locationPattern } from './schema-path';

export { compileSchema, type SchemaValidator } from './schema-compile';
export type { SchemaError } from './schema-errors';

/** Validators for kinds that plugins add, by `kind:`. */
export type ExtraValidators = Map<string, SchemaValidator>;

function wrap(validate: StandaloneValidator): SchemaValidator {
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

/** The built-in kinds and their precompiled validators. */
export const BUILTIN_VALIDATORS: ReadonlyMap<string, SchemaValidator> = new Map([
  ['Config', wrap(generated.Config)],
  ['Org', wrap(generated.Org)],
  ['Objectives', wrap(generated.Objectives)],
  ['KpiTargets', wrap(generated.KpiTargets)],
  ['TierStructure', wrap(generated.TierStructure)],
  ['ReviewCycles', wrap(generated.ReviewCycles)],
]);

/** The `kind:` values okra knows without plugins. */
export const BUILTIN_KINDS: readonly string[] = generated.kinds;

function allowedKeysFor(kind: string) {
  const table = generated.allowedKeys[kind];
  return (path: DataPath, error: SchemaError): readonly string[] | undefined => {
    const fromTable = table?.[locationPattern(path)];
    if (fromTable) return fromTable;
    // Plugin validators are compiled with `verbose`, so the schema is on the error.
    const properties = (error.parentSchema as { properties?: object } | undefined)?.properties;
    return properties ? Object.keys(properties) : undefined;
  };
}

function toDiagnostic(file: ParsedFile, problem: SchemaProblem): Diagnostic {
  const range = file.locate(problem.path, problem.target);
  const diagnostic: Diagnostic = { file: file.path, range, severity: 'error', rule: problem.rule, message: problem.message };
  if (problem.replacement !== undefined) {
    diagnostic.fix = {
      title: problem.fixTitle ?? `Change to ${JSON.stringify(problem.replacement.replace(/^"(.*)"$/, '$1'))}`,
      edits: [{ file: file.path, range, newText: problem.replacement }],
    };
  }
  return diagnostic;
}

function sourceTextOf(file: ParsedFile) {
  let lines: string[] | undefined;
  return (path: DataPath): string | undefined => {
    const { start, end } = file.locate(path, 'value');
    lines ??= file.text.split(/\r?\n/);
    if (start.line !== end.line) return undefined;
    return lines[start.line]?.slice(start.character, end.character);
  };
}

function kindList(kinds: Iterable<string>): string {
  return [...kinds].join(', ');
}

/** The checks that come before the kind's schema: is there a mapping, and a kind we know? */
function checkKind(file: ParsedFile, knownKinds: string[]): { kind: string } | SchemaProblem {
  const data = file.data;
  if (!isRecord(data)) {
    const got = Array.isArray(data) ? 'a list' : 'a single value';
    return {
      rule: 'schema/type',
      path: [],
      target: 'value',
      message: `An okra file is a mapping that starts with kind: and version: 1, but this file holds ${got}`,
    };
  }
  const kind = data.kind;
  if (kind === undefined) {
    return {
      rule: 'schema/required',
      path: [],
      target: 'value',
      message: `Missing required key "kind": an okra file starts with kind: (one of ${kindList(knownKinds)}) and version: 1`,
    };
  }
  if (typeof kind !== 'string') {
    return { rule: 'schema/type', path: ['kind'], target: 'value', message: `Expected text for "kind", one of: ${kindList(knownKinds)}` };
  }
  if (!knownKinds.includes(kind)) {
    const suggestion = suggestName(kind, knownKinds);
    const tail = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
    return {
      rule: 'schema/enum',
      path: ['kind'],
      target: 'value',
      message: `"${kind}" is not a kind okra knows; the kinds are: ${kindList(knownKinds)}${tail}`,
      replacement: suggestion === undefined ? undefined : yamlScalar(suggestion),
    };
  }
  return { kind };
}

/**
 * Checks one parsed file against the JSON Schema of its `kind:` (the precompiled built-in
 * validators, or `extraValidators` for plugin kinds) and turns every problem into a diagnostic
 * on the offending node: an unknown key on the key, a missing key on its mapping, a bad value
 * on the value. Files whose data could not be read (the YAML layer reports them) give none.
 */
export function validateSchema(file: ParsedFile, extraValidators?: ExtraValidators): Diagnostic[] {
  if (file.data === undefined || file.data === null) return [];
  const knownKinds = [...BUILTIN_VALIDATORS.keys(), ...[...(extraValidators?.keys() ?? [])].filter((k) => !BUILTIN_VALIDATORS.has(k))];
  const checked = checkKind(file, knownKinds);
  if (!('kind' in checked)) return [toDiagnostic(file, checked)];
  const { kind } = checked;
  const validate = BUILTIN_VALIDATORS.get(kind) ?? extraValidators?.get(kind);
  if (!validate) return [];
  const errors = selectErrors(validate(file.data));
  if (errors.length === 0) return [];
  const context: MessageContext = { kind, data: file.data, allowedKeys: allowedKeysFor(kind), sourceText: sourceTextOf(file) };
  const explained = errors.map((error) => ({ error, problem: explainError(error, context) }));
  // A misspelt key is also a missing one ("titel" for "title"): the unknown-key diagnostic, with
  // its fix, says it all, so the missing-key one is dropped.
  const renamed = new Set(
    explained
      .filter(({ error, problem }) => error.keyword === 'additionalProperties' && problem.replacement !== undefined)
      .map(({ error, problem }) => `${error.instancePath}\0${problem.replacement!.replace(/^"(.*)"$/, '$1')}`),
  );
  return explained
    .filter(({ error }) => !(error.keyword === 'required' && renamed.has(`${error.instancePath}\0${String(error.params.missingProperty)}`)))
    .map(({ problem }) => toDiagnostic(file, problem))
    .sort(compareDiagnostics);
}
