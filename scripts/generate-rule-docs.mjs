// Writes docs/rules.md: every rule id okra reports, with its default severity and description.
// Workspace rules come from the built-in plugin (`description`, `docs`); the YAML, schema and
// config layers are listed here. The VS Code extension links each diagnostic's code to its
// heading, and test/extension-unit/rule-docs.test.ts fails when the file is stale.
//
//   node scripts/generate-rule-docs.mjs           # writes docs/rules.md
//   node scripts/generate-rule-docs.mjs --check   # exits 1 when docs/rules.md is out of date
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeOrCheck } from './generate-lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DOC = join(ROOT, 'docs', 'rules.md');

/** Ids outside the plugin API: the parser, the schema check and the config. */
export const LAYER_RULES = [
  { id: 'yaml/syntax', severity: 'error', description: 'The file cannot be read as YAML (or is nested too deeply to read safely).' },
  { id: 'yaml/duplicate-key', severity: 'error', description: 'A key appears twice in the same mapping.' },
  { id: 'yaml/tab-indent', severity: 'error', description: 'A tab is used for indentation; YAML indents with spaces.' },
  {
    id: 'yaml/alias',
    severity: 'error',
    description: 'An alias is unknown, an anchor is defined twice, or aliases expand too far (alias bombs are capped).',
  },
  { id: 'yaml/encoding', severity: 'error', description: 'The file is not valid UTF-8 or holds a control character YAML does not allow.' },
  { id: 'yaml/empty-file', severity: 'warning', description: 'The file holds no data (an error for okra.config.yaml).' },
  { id: 'yaml/multi-document', severity: 'error', description: 'The file holds more than one YAML document; okra reads one per file.' },
  { id: 'yaml/file-too-large', severity: 'error', description: 'The file is larger than 5 MB.' },
  {
    id: 'schema/*',
    severity: 'error',
    description:
      'The file does not match the JSON Schema of its `kind:` (`schemas/`). The id names the failing keyword: `schema/required`, `schema/type`, `schema/enum`, `schema/additional-property`, `schema/format`, `schema/pattern`, `schema/minimum`, `schema/dependent-required`, `schema/property-names`, …',
    docs: 'Messages are rewritten per keyword and point at the offending key or value; a misspelt key or value gets "did you mean" and a quick fix.',
  },
  {
    id: 'config/kind',
    severity: 'error',
    description: 'okra.config.yaml is not `kind: Config`, or a `kind: Config` file sits somewhere else.',
  },
  { id: 'config/plugin', severity: 'error', description: 'A plugin named in `plugins:` cannot be loaded or is not an okra plugin.' },
  {
    id: 'config/plugins-untrusted',
    severity: 'info',
    description: 'Workspace plugins are not loaded because the workspace is not trusted (VS Code Workspace Trust).',
  },
  { id: 'config/unknown-rule', severity: 'warning', description: '`rules:` in okra.config.yaml names a rule that does not exist.' },
  {
    id: 'config/include-matches-nothing',
    severity: 'warning',
    description: 'A pattern of `include:` matches no file, so nothing is read through it (often a folder name mistyped).',
  },
  {
    id: 'config/unreadable-folder',
    severity: 'warning',
    description: 'A folder of the workspace could not be read (permissions, say); the files in it are not checked.',
  },
  {
    id: 'config/outside-workspace',
    severity: 'error',
    description:
      'An `include` glob, a plugin path or `templates_dir` reaches outside the workspace folder; okra neither reads nor runs it.',
  },
  {
    id: 'okra/rule-error',
    severity: 'error',
    description: "A rule threw while checking; the other rules still ran. Report it to the rule's author.",
  },
];

/** GitHub's heading anchor for `### <id>`: lower case, `/` and `*` dropped. */
export function anchorOf(id) {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

const row = (r) => `| [\`${r.id}\`](#${anchorOf(r.id)}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`;

const section = (r) =>
  [
    `### ${r.id}`,
    '',
    `Default severity: **${r.severity}**.${r.reads ? ` ${r.reads}` : ''}`,
    '',
    r.description,
    ...(r.docs ? ['', r.docs] : []),
    '',
  ].join('\n');

/** What a rule looks at, in words: it decides what `okra validate` keeps in memory for it. */
function readsOf(rule) {
  if (rule.scope === 'file') return 'Looks at one file at a time.';
  const kinds = (rule.kinds ?? []).map((k) => `\`${k}\``).join(', ');
  if (rule.outline)
    return `Looks across the workspace: ${kinds} files in full, every other file through the workspace outline (its ids, references and \`aligns_to\`).`;
  return `Looks across the workspace, at ${kinds} files.`;
}

export async function renderRuleDocs() {
  const { tsImport } = await import('tsx/esm/api');
  const { builtinRules } = await tsImport(pathToFileURL(join(ROOT, 'core/builtin/plugin.ts')).href, import.meta.url);
  const workspace = builtinRules.map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.description,
    docs: r.docs,
    reads: readsOf(r),
  }));
  return [
    '<!-- Generated by scripts/generate-rule-docs.mjs from the built-in rules; do not edit by hand. -->',
    '# okra rules',
    '',
    "Every diagnostic carries a rule id. Change a rule's severity, or turn it off, in `okra.config.yaml`",
    '(`rules: { okr/date-outside-cycle: warning }`), or silence one line with',
    '`# okra-disable-next-line <rule>` above it. In VS Code, the rule id in the Problems panel links here.',
    '',
    '## Workspace rules',
    '',
    '| rule | default | checks |',
    '| --- | --- | --- |',
    ...workspace.map(row),
    '',
    '## File layers: YAML, schema, config',
    '',
    '| rule | default | checks |',
    '| --- | --- | --- |',
    ...LAYER_RULES.map(row),
    '',
    '## Details',
    '',
    ...[...workspace, ...LAYER_RULES].map(section),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeOrCheck(RULES_DOC, await renderRuleDocs(), 'docs/rules.md', 'node scripts/generate-rule-docs.mjs');
}
