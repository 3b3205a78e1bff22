import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { formats } from './generated/validators';
import type { SchemaError } from './schema-errors';

/** Validates one file's data; returns its errors, empty when valid. */
export type SchemaValidator = (data: unknown) => SchemaError[];

/** Keywords editors read; strict mode must not take them for typos. */
const ANNOTATION_KEYWORDS = ['markdownDescription', 'defaultSnippets', 'tsType'];

let runtimeAjv: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  // Only plugin kinds are compiled at run time; the built-in ones are precompiled.
  if (runtimeAjv) return runtimeAjv;
  // `verbose` keeps `parentSchema` on errors: without a generated key table, "did you mean"
  // takes the allowed keys from there.
  const instance = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(instance, ['date', 'duration', 'email']);
  instance.addFormat('timezone', formats.timezone);
  for (const keyword of ANNOTATION_KEYWORDS) instance.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
  return (runtimeAjv = instance);
}

/**
 * Compiles a plugin's schema for an extra kind with the same strict Ajv2020 options as the
 * built-in validators. Throws when the schema itself is invalid.
 */
export function compileSchema(schema: object): SchemaValidator {
  const validate = ajv().compile(schema);
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}
