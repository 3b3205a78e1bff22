/**
 * `okra validate --format sarif` writes SARIF 2.1.0 that validates against the SARIF 2.1.0 JSON
 * schema (test/fixtures/sarif/, see its README for where the schema comes from), and whose
 * references inside the log (rule indexes, regions) are right, which the schema cannot check.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Diagnostic } from '../../core';
import { formatSarif } from '../../cli/format/sarif';
import { ensureCliBuilt } from '../helpers/cli';
import { runScenario, type ScenarioSpec } from './scenario-harness';

const schema = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8')) as object;
// The schema uses draft-04-style `definitions` and other keywords that strict mode rejects.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarifLog = ajv.compile(schema);

function schemaErrors(log: unknown): string {
  validateSarifLog(log);
  return (validateSarifLog.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`).join('\n');
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion };
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: SarifLocation[] }>;
  }>;
}

/** What the schema cannot say: indexes point at the right rule, regions are 1-based and ordered. */
function assertConsistent(log: SarifLog): void {
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  const rules = run.tool.driver.rules;
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
  assert.match(run.originalUriBaseIds.WORKSPACE.uri, /^file:\/\/\/.*\/$/, 'the workspace base is a file URI ending in /');
  for (const result of run.results) {
    assert.equal(rules[result.ruleIndex]?.id, result.ruleId, `ruleIndex of ${result.ruleId}`);
    for (const { physicalLocation } of result.locations) {
      const { uri, uriBaseId } = physicalLocation.artifactLocation;
      assert.equal(uriBaseId, 'WORKSPACE');
      assert.ok(!uri.startsWith('/') && !/^[a-z]+:/i.test(uri), `uri ${uri} is relative to the workspace`);
      const r = physicalLocation.region;
      assert.ok(r.startLine >= 1 && r.startColumn >= 1, 'regions are 1-based');
      assert.ok(r.endLine > r.startLine || (r.endLine === r.startLine && r.endColumn >= r.startColumn), 'regions end after they start');
    }
  }
}

async function sarifOf(spec: ScenarioSpec): Promise<{ code: number | null; log: SarifLog; stderr: string }> {
  const run = await runScenario('sarif', spec);
  try {
    return { code: run.code, log: JSON.parse(run.stdout) as SarifLog, stderr: run.stderr };
  } finally {
    rmSync(run.tmp, { recursive: true, force: true });
  }
}

describe('okra validate --format sarif', function () {
  before(function () {
    this.timeout(180_000);
    ensureCliBuilt();
  });

  it('the schema is the SARIF 2.1.0 one and catches what it should', function () {
    assert.match((schema as { title: string }).title, /SARIF\) Version 2\.1\.0 JSON Schema/);
    assert.equal(schemaErrors({ version: '2.1.0', runs: [] }), '');
    assert.notEqual(schemaErrors({ version: '2.0.0', runs: [] }), '', 'a wrong version must fail');
    const badRegion = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }],
        },
      ],
    };
    assert.match(schemaErrors(badRegion), /startLine must be >= 1/);
  });

  it('a workspace with errors gives a valid log with every diagnostic', async function () {
    const { code, log, stderr } = await sarifOf({ workspace: 'validate-errors-text', argv: ['validate', '--format', 'sarif'] });
    assert.equal(code, 1);
    assert.equal(stderr, '');
    assert.equal(schemaErrors(log), '');
    assertConsistent(log);
    const { log: json } = await sarifOf({ workspace: 'validate-errors-text', argv: ['validate', '--format', 'json'] });
    const diagnostics = (json as unknown as { diagnostics: Array<{ rule: string; file: string; line: number }> }).diagnostics;
    const results = log.runs[0].results;
    assert.deepEqual(
      results.map((r) => [
        r.ruleId,
        r.locations[0].physicalLocation.artifactLocation.uri,
        r.locations[0].physicalLocation.region.startLine,
      ]),
      diagnostics.map((d) => [d.rule, d.file, d.line]),
      'SARIF results and --format json diagnostics agree',
    );
    for (const ruleId of ['yaml/syntax', 'schema/additional-property', 'schema/enum', 'ref/unknown-kpi']) {
      assert.ok(
        results.some((r) => r.ruleId === ruleId),
        `the log has a ${ruleId} result`,
      );
    }
  });

  it('a workspace with warnings only gives warning levels and exit 0', async function () {
    const { code, log } = await sarifOf({ workspace: 'validate-warnings-only', argv: ['validate', '--format', 'sarif'] });
    assert.equal(code, 0);
    assert.equal(schemaErrors(log), '');
    assertConsistent(log);
    assert.ok(log.runs[0].results.length > 0);
    assert.ok(log.runs[0].results.every((r) => r.level === 'warning'));
  });

  it('the clean example workspace gives a valid log with no results and every rule described', async function () {
    const { code, log } = await sarifOf({ workspace: 'example', argv: ['validate', '--format', 'sarif'] });
    assert.equal(code, 0);
    assert.equal(schemaErrors(log), '');
    assertConsistent(log);
    assert.deepEqual(log.runs[0].results, []);
    const ids = log.runs[0].tool.driver.rules.map((r) => r.id);
    for (const id of ['ref/unknown-kpi', 'id/duplicate', 'tier/capacity', 'okr/weights-sum'])
      assert.ok(ids.includes(id), `rule ${id} is described`);
  });

  it('related locations, fixes, info and awkward file names are valid SARIF too', function () {
    const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    const diagnostics: Diagnostic[] = [
      {
        file: 'okrs/équipe support [2026].yaml',
        range: range(3, 2, 8),
        severity: 'error',
        rule: 'id/duplicate',
        message: 'Objective id "x" is defined twice',
        related: [{ file: 'okrs/other #1.yaml', range: range(0, 0, 0), message: 'first defined here' }],
        fix: { title: 'Rename it', edits: [{ file: 'okrs/équipe support [2026].yaml', range: range(3, 6, 7), newText: 'y' }] },
      },
      { file: 'org.yaml', range: range(0, 0, 0), severity: 'info', rule: 'acme/custom', message: 'A note from a plugin rule' },
    ];
    const text = formatSarif(diagnostics, { version: '0.0.0-test', rules: [], workspaceUri: 'file:///work/some%20where' });
    const log = JSON.parse(text) as SarifLog;
    assert.equal(schemaErrors(log), '');
    assertConsistent(log);
    assert.deepEqual(
      log.runs[0].results.map((r) => r.level),
      ['error', 'note'],
    );
  });
});
