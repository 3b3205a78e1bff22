// `ajv -c ./bench/ajv-okra-formats.cjs`: what ajv-cli needs to compile okra's schemas in strict
// mode, the same set okra's own generated validators use (scripts/generate-lib.mjs): the
// ajv-formats formats, okra's `timezone` format and the editor-only annotation keywords.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const addFormats = require('ajv-formats');

// okra's own `timezone` check, as its generated validators export it (memoised per zone name),
// so that both tools run the same code for it.
const isTimezone = require('../core/validate/generated/validators.js').formats.timezone.validate;

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
