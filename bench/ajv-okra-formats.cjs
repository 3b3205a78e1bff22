// `ajv -c ./bench/ajv-okra-formats.cjs`: what ajv-cli needs to compile okra's schemas in strict
// mode, the same set okra's own generated validators use (scripts/generate-lib.mjs): the
// ajv-formats formats, okra's `timezone` format and the editor-only annotation keywords.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const addFormats = require('ajv-formats');

// The same check as okra's, memoised per zone name as okra's is, so that neither tool pays Intl
// for every person's zone.
const knownZones = new Map();
function isTimezone(value) {
  if (typeof value !== 'string') return false;
  let valid = knownZones.get(value);
  if (valid === undefined) {
    valid = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value);
    if (valid) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: value });
      } catch {
        valid = false;
      }
    }
    if (knownZones.size < 1000) knownZones.set(value, valid);
  }
  return valid;
}

/** The annotation keywords the generator declares, read from its source so the two stay in step. */
function annotationKeywords() {
  const known = ['markdownDescription', 'defaultSnippets', 'tsType'];
  try {
    const source = readFileSync(join(__dirname, '..', 'scripts', 'generate-lib.mjs'), 'utf8');
    const list = /ANNOTATION_KEYWORDS\s*=\s*\[([^\]]*)\]/.exec(source);
    if (list) for (const m of list[1].matchAll(/'([^']+)'|"([^"]+)"/g)) known.push(m[1] ?? m[2]);
  } catch {
    // The fallback list above is enough for the schemas as they were when this was written.
  }
  return [...new Set(known)];
}

module.exports = function okraFormats(ajv) {
  addFormats(ajv, ['date', 'duration', 'email']);
  ajv.addFormat('timezone', { type: 'string', validate: isTimezone });
  for (const keyword of annotationKeywords()) {
    if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
  }
  return ajv;
};
