// `ajv -c ./bench/ajv-okra-formats.cjs`: what ajv-cli needs to compile okra's schemas in strict
// mode, the same set okra's own generated validators use (scripts/generate-lib.mjs): the
// ajv-formats formats, okra's `timezone` format and the editor-only annotation keywords.
const addFormats = require('ajv-formats');

function isTimezone(value) {
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

module.exports = function okraFormats(ajv) {
  addFormats(ajv, ['date', 'duration', 'email']);
  ajv.addFormat('timezone', { type: 'string', validate: isTimezone });
  for (const keyword of ['markdownDescription', 'defaultSnippets']) ajv.addKeyword({ keyword, schemaType: ['string', 'array', 'object'] });
  return ajv;
};
