import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generateWorkspace } from '../../bench/generate-workspace';
import {
  analyzeFile,
  builtinPlugin,
  checkFileAlone,
  CONFIG_FILE,
  defineRule,
  definePlugin,
  fileChecking,
  fingerprintWorkspace,
  memoryHost,
  ParseCache,
  readConfig,
  validateStreaming,
  validateWorkspace,
  type Diagnostic,
  type FileCheck,
  type FileChecker,
  type PluginImporter,
  type WorkspaceHost,
} from '../../core';
import { casesIn, FIXTURES } from '../rules/fixtures';
import { readTree } from '../helpers/read-tree';

const ROOT = join(__dirname, '..', '..');
const CLEAN = readTree(join(FIXTURES, '_clean'));

/** Everything a diagnostic says, related locations and fixes included. */
function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify(d));
}

/** A checker that does what a worker thread does: its own setup from the config's bytes. */
function workerLikeChecker(configBytes: Uint8Array): FileChecker {
  const checking = fileChecking(analyzeFile(CONFIG_FILE, configBytes), [builtinPlugin]);
  assert.ok(checking, 'the built-in rules can all be streamed');
  return async (path, bytes) => structuredClone(checkFileAlone(path, bytes, checking));
}

async function expectSameAsWhole(texts: Record<string, string>, what: string): Promise<Diagnostic[]> {
  const whole = await validateWorkspace(memoryHost(texts));
  for (const checker of [undefined, workerLikeChecker]) {
    const streamed = await validateStreaming(memoryHost(texts), { checker });
    assert.equal(streamed.streamed, true, what);
    assert.deepEqual(lines(streamed.diagnostics), lines(whole.diagnostics), `${what}${checker ? ' (worker checker)' : ''}`);
    assert.deepEqual(streamed.paths, [...whole.files.map((f) => f.path)].sort(), what);
  }
  return whole.diagnostics;
}

describe('validateStreaming: the same diagnostics as validateWorkspace, without holding every file', () => {
  it('on the example workspace', async () => {
    await expectSameAsWhole(readTree(join(ROOT, 'examples', 'support-org')), 'examples/support-org');
  });

  it('on every rule fixture, laid over a clean workspace', async () => {
    let findings = 0;
    for (const rule of casesIn(FIXTURES).filter((c) => c.folder && !c.name.startsWith('_'))) {
      for (const kind of ['valid', 'invalid']) {
        for (const c of casesIn(join(rule.source, kind))) {
          const overlay = c.folder ? readTree(c.source) : { [`case/${basename(c.source)}`]: readFileSync(c.source, 'utf8') };
          const texts = { ...CLEAN, ...overlay };
          if (!texts[CONFIG_FILE]) texts[CONFIG_FILE] = CLEAN[CONFIG_FILE];
          findings += (await expectSameAsWhole(texts, `${rule.name}/${kind}/${c.name}`)).length;
        }
      }
    }
    assert.ok(findings > 30, `the fixtures produce findings to compare (${findings})`);
  });

  describe('on a generated workspace of 80 files with cross-file faults', () => {
    let dir: string;
    let base: Record<string, string>;
    let objectivesFiles: string[];
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'okra-stream-'));
      generateWorkspace({ files: 80, dir, objectivesPerFile: 4, keyResultsPerObjective: 2 });
      base = readTree(dir);
      objectivesFiles = Object.keys(base).filter((p) => p.startsWith('okrs/'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const firstObjectiveId = (text: string) => /- id: (\S+)/.exec(text)![1];

    it('clean', async () => {
      assert.deepEqual(await expectSameAsWhole(base, 'clean'), []);
    });

    it('an objective id repeated in a distant file, and a key result id repeated in the same file', async () => {
      const [a, , , b] = objectivesFiles.slice(-4);
      const texts = { ...base };
      texts[b] = texts[b].replace(firstObjectiveId(texts[b]), firstObjectiveId(texts[objectivesFiles[0]]));
      const kr = /- id: (\S+-kr1)/.exec(texts[a])![1];
      texts[a] = texts[a].replace(`${kr.slice(0, -1)}2`, kr);
      const found = await expectSameAsWhole(texts, 'duplicates');
      assert.deepEqual([...new Set(found.map((d) => d.rule))], ['id/duplicate']);
      assert.equal(found.length, 4);
    });

    it('misspelt references of every kind, with "did you mean" over ids held in other files', async () => {
      const file = objectivesFiles[20];
      const texts = { ...base };
      texts[file] = texts[file]
        .replace(/aligns_to: (\S+)o00/, 'aligns_to: $1oo0')
        .replace(/owner: person\/(\S+)/, 'owner: person/$1x')
        .replace(/kpi: (\S+)/, 'kpi: $1q');
      const found = await expectSameAsWhole(texts, 'unknown references');
      assert.deepEqual(found.map((d) => d.rule).sort(), ['ref/unknown-kpi', 'ref/unknown-objective', 'ref/unknown-person']);
      assert.ok(
        found.every((d) => d.fix),
        'each has a suggestion, found among ids of files not held',
      );
    });

    it('an alignment loop across files, also when a later file repeats an id on it', async () => {
      const texts = { ...base };
      // The organisation's top objective aligns to a team objective that aligns up to it.
      const top = Object.keys(texts).find((p) => p.startsWith('okrs/') && !/aligns_to/.test(texts[p].split('- id:')[1]))!;
      const topId = firstObjectiveId(texts[top]);
      const child = objectivesFiles.find((p) => p !== top && texts[p].includes(`aligns_to: ${topId}\n`))!;
      const childId = texts[child]
        .split(`aligns_to: ${topId}\n`)[0]
        .match(/- id: (\S+)\n[^]*$/)![1]
        .split('\n')[0];
      texts[top] = texts[top].replace(`- id: ${topId}\n`, `- id: ${topId}\n    aligns_to: ${childId}\n`);
      const found = await expectSameAsWhole(texts, 'loop');
      assert.ok(
        found.some((d) => d.rule === 'okr/alignment-loop'),
        JSON.stringify(found.map((d) => d.rule)),
      );
      // A later definition of the same id aligns elsewhere: only the first counts, in both paths.
      const later = objectivesFiles[objectivesFiles.length - 1];
      texts[later] = texts[later].replace(firstObjectiveId(texts[later]), childId);
      const again = await expectSameAsWhole(texts, 'loop with a repeated id');
      assert.ok(again.some((d) => d.rule === 'okr/alignment-loop') && again.some((d) => d.rule === 'id/duplicate'));
    });

    it('levels and suppressions from the config, and a broken file', async () => {
      const texts = { ...base };
      texts[CONFIG_FILE] += 'rules:\n  ref/unknown-person: warning\n  okr/weights-sum: off\n  no-such/rule: error\n';
      const file = objectivesFiles[7];
      texts[file] = texts[file]
        .replace(/owner: person\/(\S+)/, '# okra-disable-next-line ref/unknown-person\n        owner: person/$1x')
        .replace(/owner: person\/(\S+)-1\n/, 'owner: person/$1-9\n');
      texts[objectivesFiles[8]] = 'kind: Objectives\nversion: 1\nobjectives: [\n';
      const found = await expectSameAsWhole(texts, 'levels');
      assert.ok(found.some((d) => d.rule === 'config/unknown-rule'));
      assert.ok(found.some((d) => d.rule.startsWith('yaml/')));
    });
  });

  it('with a cache and the hashes a fingerprint computed, reads only changed files and those workspace rules read whole', async () => {
    const texts = readTree(join(ROOT, 'examples', 'support-org'));
    const cache = new ParseCache<FileCheck>('test');
    const first = await validateStreaming(memoryHost(texts), { cache });
    const okrs = 'okrs/frontline-2026-h1.yaml';
    const changed = { ...texts, [okrs]: texts[okrs].replace(/kpi: (\S+)/, 'kpi: $1x') };
    const reads = new Map<string, number>();
    const inner = memoryHost(changed);
    const host: WorkspaceHost = {
      listFiles: (include, exclude) => inner.listFiles(include, exclude),
      readFile: (path) => {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return inner.readFile(path);
      },
    };
    const knownHashes = new Map<string, string>();
    await fingerprintWorkspace(host, await readConfig(host), 'salt', (path, hash) => knownHashes.set(path, hash));
    reads.clear();
    const second = await validateStreaming(host, { cache, knownHashes });
    const whole = await validateWorkspace(memoryHost(changed));
    assert.deepEqual(lines(second.diagnostics), lines(whole.diagnostics));
    assert.ok(second.diagnostics.some((d) => d.rule === 'ref/unknown-kpi') && !first.diagnostics.some((d) => d.rule === 'ref/unknown-kpi'));
    const objectivesFiles = Object.keys(texts).filter((p) => p.startsWith('okrs/'));
    assert.ok(objectivesFiles.length >= 2);
    // The changed file: once to check it, once more to load it whole for its finding.
    for (const path of objectivesFiles) assert.equal(reads.get(path) ?? 0, path === okrs ? 2 : 0, `${path}: ${JSON.stringify([...reads])}`);
    assert.equal(reads.get('org.yaml'), 1, 'Org is read whole for the workspace rules');
  });

  describe('plugins', () => {
    const texts = { ...CLEAN, [CONFIG_FILE]: `${CLEAN[CONFIG_FILE]}plugins:\n  - ./plugin.mjs\n` };
    const importerOf =
      (plugin: unknown): PluginImporter =>
      async () => ({ default: plugin });
    const rule = (extra: object) =>
      defineRule({
        id: 'every-team',
        severity: 'warning',
        description: 'd',
        messages: { m: 'team {{id}}' },
        ...extra,
        check: ({ model, report }) => {
          for (const t of model.teams.all) report({ message: 'm', data: { id: t.id }, at: { file: t.file, path: t.path } });
        },
      });

    it('a workspace rule that names the kinds it reads is streamed', async () => {
      const plugin = definePlugin({ name: 'p', rules: [rule({ kinds: ['Org'] })] });
      const streamed = await validateStreaming(memoryHost(texts), { importPlugin: importerOf(plugin), trusted: true });
      const whole = await validateWorkspace(memoryHost(texts), { importPlugin: importerOf(plugin), trusted: true });
      assert.equal(streamed.streamed, true);
      assert.ok(streamed.diagnostics.some((d) => d.rule === 'p/every-team'));
      assert.deepEqual(lines(streamed.diagnostics), lines(whole.diagnostics));
    });

    it('a file rule is streamed too', async () => {
      const plugin = definePlugin({ name: 'p', rules: [rule({ scope: 'file' })] });
      const streamed = await validateStreaming(memoryHost(texts), { importPlugin: importerOf(plugin), trusted: true });
      assert.equal(streamed.streamed, true);
      assert.ok(streamed.diagnostics.some((d) => d.rule === 'p/every-team'));
    });

    it('a workspace rule that does not say what it reads gets the whole workspace', async () => {
      const plugin = definePlugin({ name: 'p', rules: [rule({})] });
      const streamed = await validateStreaming(memoryHost(texts), { importPlugin: importerOf(plugin), trusted: true });
      assert.equal(streamed.streamed, false);
      assert.ok(streamed.diagnostics.some((d) => d.rule === 'p/every-team'));
    });
  });
});
