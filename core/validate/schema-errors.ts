import type { ErrorObject } from 'ajv';

/** An ajv error, as the validators return it. */
export type SchemaError = ErrorObject;

function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function parentSchemaPath(schemaPath: string): string {
  return schemaPath.slice(0, schemaPath.lastIndexOf('/'));
}

/**
 * The errors of the branches of an `anyOf`/`oneOf`, which ajv lists just before the combinator's
 * own error. Branch errors inside a `$ref` carry the ref's schema path, so membership is read
 * from position and instance path: a run of earlier errors at or below the combinator's data,
 * stopping at an error from a sibling keyword of the same schema.
 */
function branchErrors(errors: readonly SchemaError[], index: number, taken: ReadonlySet<number>): number[] {
  const combinator = errors[index];
  const own = combinator.schemaPath;
  const parent = parentSchemaPath(own);
  const run: number[] = [];
  for (let i = index - 1; i >= 0; i--) {
    if (taken.has(i)) continue;
    const error = errors[i];
    if (!isUnder(error.instancePath, combinator.instancePath)) break;
    if (error.schemaPath.startsWith(`${parent}/`) && !error.schemaPath.startsWith(`${own}/`)) break;
    run.push(i);
  }
  return run;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The types a branch wanted: its `type`, or the types of its `enum`/`const` values. */
function typesOf(error: SchemaError): string[] {
  if (error.keyword === 'type') return [error.params.type].flat() as string[];
  const values: unknown[] = error.keyword === 'enum' ? error.params.allowedValues : [error.params.allowedValue];
  return [...new Set(values.map(jsonType))];
}

/**
 * A branch that failed on the kind of value rather than its content: a `type` error, or an
 * `enum`/`const` none of whose values has the data's type. Without `verbose` the data is not on
 * the error, so an `enum` counts only when the validator was verbose.
 */
function isTypeMismatch(error: SchemaError): boolean {
  if (error.keyword === 'type') return true;
  if ((error.keyword !== 'enum' && error.keyword !== 'const') || !('data' in error)) return false;
  const type = jsonType(error.data);
  return !typesOf(error).includes(type);
}

/**
 * Keeps the errors worth showing. ajv reports wrappers next to the real error (`if`,
 * `propertyNames`), one error per failing branch of an `anyOf`/`oneOf`, and a `type` error next
 * to the `enum` of the same value; the person fixing the file needs the most specific one.
 */
export function selectErrors(errors: readonly SchemaError[]): SchemaError[] {
  const dropped = new Set<number>();
  const replaced = new Map<number, SchemaError>();
  errors.forEach((error, index) => {
    if (error.keyword === 'if' || (error.keyword === 'propertyNames' && error.propertyName === undefined)) {
      dropped.add(index);
      return;
    }
    if (
      (error.keyword === 'anyOf' || error.keyword === 'oneOf') &&
      !('passingSchemas' in (error.params ?? {}) && error.params.passingSchemas)
    ) {
      const branches = branchErrors(errors, index, dropped);
      const wrongType = branches.filter((i) => errors[i].instancePath === error.instancePath && isTypeMismatch(errors[i]));
      if (branches.length === 0) return;
      if (wrongType.length === branches.length) {
        // No branch accepted the value's type: one error naming every type that would do.
        const types = [...new Set(wrongType.flatMap((i) => typesOf(errors[i])))];
        replaced.set(index, { ...error, keyword: 'type', params: { type: types } });
        for (const i of branches) dropped.add(i);
        return;
      }
      // A branch whose type matched got further: its errors are the specific ones.
      for (const i of wrongType) dropped.add(i);
      dropped.add(index);
    }
  });
  const withEnum = new Set(
    errors.filter((e, i) => !dropped.has(i) && (e.keyword === 'enum' || e.keyword === 'const')).map((e) => e.instancePath),
  );
  const seen = new Set<string>();
  const result: SchemaError[] = [];
  errors.forEach((original, index) => {
    if (dropped.has(index)) return;
    const error = replaced.get(index) ?? original;
    if (error.keyword === 'type' && withEnum.has(error.instancePath)) return;
    const key = `${error.keyword}|${error.instancePath}|${error.propertyName ?? ''}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push(error);
  });
  return result;
}
