import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace } from '../../bench/generate-workspace';
import {
  CONFIG_FILE,
  compareDiagnostics,
  defineRule,
  definePlugin,
  memoryHost,
  ParseCache,
  validate,
  WorkspaceSession,
  type Diagnostic,
  type FileCheck,
  type Plugin,
  type PluginImporter,
  type ValidateOptions,
  type WorkerFactory,
  type WorkspaceHost,
} from '../../core';
import { readAndCheckFile } from '../../core/engine/check-file';
import { readSetup } from '../../core/engine/rule-setup';
import { fingerprintWorkspace } from '../../core/workspace/fingerprint';
import { readConfig } from '../../core/workspace/load-workspace';
import { casesIn, FIXTURES } from '../rules/fixtures';
import { readTree } from '../helpers/read-tree';

const ROOT = join(__dirname, '..', '..');
const CLEAN = readTree(join(FIXTURES, '_clean'));

/** Everything a diagnostic says, related locations and fixes included. */
function lines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify(d));
}

/**
 * Workers as the CLI's pool runs them, in this thread: each sets itself up from the config's
 * bytes and the plugins (as a worker loads them), and what it sends back is cloned as a message
 * would be. Started for any number of files, unlike the pool.
 */
function workerLike(plugins: PluginOptionsLike = {}): WorkerFactory {
  return ({ configBytes, keep, trusted }) => {
    const setup = readSetup(memoryHost({ [CONFIG_FILE]: configBytes }), { ...plugins, trusted }).then((r) => r.setup);
    return async (path, bytes) => structuredClone(readAndCheckFile(path, bytes, await setup, keep));
  };
}

type PluginOptionsLike = Pick<ValidateOptions, 'importPlugin' | 'extraPlugins'>;

/**
 * Every way okra runs a check, on one workspace: `validate` holding the model (the reference),
 * streaming, with workers, through a cache (cold and warm), and an editor session checking the
 * whole workspace and each file alone. All must give the same diagnostics, to the letter.
 */
async function expectSameEverywhere(texts: Record<string, string>, what: string, plugins: PluginOptionsLike = {}): Promise<Diagnostic[]> {
  const host = memoryHost(texts);
  const base = { ...plugins, trusted: true };
  const reference = await validate(host, { ...base, keepModel: true });
  const cache = new ParseCache<FileCheck>('strategies');
  const runs: Array<[string, () => Promise<Diagnostic[]>]> = [
    ['streaming', async () => (await validate(host, base)).diagnostics],
    ['streaming, workers', async () => (await validate(host, { ...base, workers: workerLike(plugins) })).diagnostics],
    [
      'holding the model, workers',
      async () => (await validate(host, { ...base, keepModel: true, workers: workerLike(plugins) })).diagnostics,
    ],
    ['streaming, cold cache', async () => (await validate(host, { ...base, cache })).diagnostics],
    [
      'streaming, warm cache (serialized)',
      async () => (await validate(host, { ...base, cache: ParseCache.parse<FileCheck>(cache.serialize(), 'strategies') })).diagnostics,
    ],
    ['editor session, whole workspace', async () => (await WorkspaceSession.open(host, base)).check()],
    [
      'editor session, one file at a time',
      async () => {
        const session = await WorkspaceSession.open(host, base);
        return reference.paths.flatMap((path) => session.check(path)).sort(compareDiagnostics);
      },
    ],
  ];
  for (const [strategy, run] of runs) {
    assert.deepEqual(lines(await run()), lines(reference.diagnostics), `${what}: ${strategy}`);
  }
  assert.deepEqual(reference.paths, reference.model.files.map((f) => f.path).sort(), what);
  return reference.diagnostics;
}

describe('every strategy of the one validation gives the same diagnostics', () => {
  it('on the example workspace', async () => {
    await expectSameEverywhere(readTree(join(ROOT, 'examples', 'support-org')), 'examples/support-org');
  });

  it('on every rule fixture, laid over a clean workspace', async () => {
    let findings = 0;
    for (const rule of casesIn(FIXTURES).filter((c) => c.folder && !c.name.startsWith('_'))) {
      for (const kind of ['valid', 'invalid']) {
        for (const c of casesIn(join(rule.source, kind))) {
          const overlay = c.folder ? readTree(c.source) : { [`case/${basename(c.source)}`]: readFileSync(c.source, 'utf8') };
          const texts = { ...CLEAN, ...overlay };
          if (!texts[CONFIG_FILE]) texts[CONFIG_FILE] = CLEAN[CONFIG_FILE];
          findings += (await expectSameEverywhere(texts, `${rule.name}/${kind}/${c.name}`)).length;
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
      assert.deepEqual(await expectSameEverywhere(base, 'clean'), []);
    });

    it('an objective id repeated in a distant file, and a key result id repeated in the same file', async () => {
      const [a, , , b] = objectivesFiles.slice(-4);
      const texts = { ...base };
      texts[b] = texts[b].replace(firstObjectiveId(texts[b]), firstObjectiveId(texts[objectivesFiles[0]]));
      const kr = /- id: (\S+-kr1)/.exec(texts[a])![1];
      texts[a] = texts[a].replace(`${kr.slice(0, -1)}2`, kr);
      const found = await expectSameEverywhere(texts, 'duplicates');
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
      const found = await expectSameEverywhere(texts, 'unknown references');
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
      const found = await expectSameEverywhere(texts, 'loop');
      assert.ok(
        found.some((d) => d.rule === 'okr/alignment-loop'),
        JSON.stringify(found.map((d) => d.rule)),
      );
      // A later definition of the same id aligns elsewhere: only the first counts, in both paths.
      const later = objectivesFiles[objectivesFiles.length - 1];
      texts[later] = texts[later].replace(firstObjectiveId(texts[later]), childId);
      const again = await expectSameEverywhere(texts, 'loop with a repeated id');
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
      const found = await expectSameEverywhere(texts, 'levels');
      assert.ok(found.some((d) => d.rule === 'config/unknown-rule'));
      assert.ok(found.some((d) => d.rule.startsWith('yaml/')));
    });
  });

  it('with a cache and the hashes a fingerprint computed, reads only changed files and those workspace rules read whole', async () => {
    const texts = readTree(join(ROOT, 'examples', 'support-org'));
    const cache = new ParseCache<FileCheck>('test');
    const first = await validate(memoryHost(texts), { cache });
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
    const second = await validate(host, { cache, knownHashes });
    const whole = await validate(memoryHost(changed), { keepModel: true });
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
      const found = await expectSameEverywhere(texts, 'kinds', { importPlugin: importerOf(plugin) });
      assert.ok(found.some((d) => d.rule === 'p/every-team'));
      const streamed = await validate(memoryHost(texts), { importPlugin: importerOf(plugin), trusted: true });
      assert.equal(streamed.model, undefined, 'the workspace was not held');
    });

    it('a file rule is streamed too', async () => {
      const plugin = definePlugin({ name: 'p', rules: [rule({ scope: 'file' })] });
      const found = await expectSameEverywhere(texts, 'file rule', { importPlugin: importerOf(plugin) });
      assert.ok(found.some((d) => d.rule === 'p/every-team'));
      const streamed = await validate(memoryHost(texts), { importPlugin: importerOf(plugin), trusted: true });
      assert.equal(streamed.model, undefined);
    });

    it('a workspace rule that does not say what it reads gets the whole workspace', async () => {
      const plugin = definePlugin({ name: 'p', rules: [rule({})] });
      const found = await expectSameEverywhere(texts, 'no kinds', { importPlugin: importerOf(plugin) });
      assert.ok(found.some((d) => d.rule === 'p/every-team'));
      const streamed = await validate(memoryHost(texts), { importPlugin: importerOf(plugin), trusted: true });
      assert.ok(streamed.model, 'the whole workspace was held');
    });

    describe('the example plugin, whose rule reads model.kpis.all and model.tiers.all', () => {
      const example = readTree(join(ROOT, 'examples', 'support-org'));
      let plugin: Plugin;
      let installed: string;
      before(async () => {
        // Installed as npm would: the plugin beside okra itself (its peer dependency) in node_modules.
        installed = mkdtempSync(join(tmpdir(), 'okra-strategies-'));
        mkdirSync(join(installed, 'node_modules'));
        cpSync(join(ROOT, 'examples', 'plugins', 'okra-plugin-vendor-quality'), join(installed, 'node_modules', 'plugin'), {
          recursive: true,
        });
        symlinkSync(ROOT, join(installed, 'node_modules', 'okra'), 'dir');
        const url = pathToFileURL(join(installed, 'node_modules', 'plugin', 'index.mjs')).href;
        plugin = ((await import(url)) as { default: Plugin }).default;
      });
      after(() => rmSync(installed, { recursive: true, force: true }));

      it('reports the same everywhere on the example, where every vendor has its quality target', async () => {
        const found = await expectSameEverywhere(example, 'example plugin', { extraPlugins: [plugin] });
        assert.deepEqual(found, [], 'the example is clean with the plugin');
      });

      it('reports the same everywhere when a vendor lacks its target', async () => {
        const kpis = example['kpis.yaml'].replace(/scope: (atlantico-cx|kestrel-voice)/g, 'scope: global');
        const texts = { ...example, 'kpis.yaml': kpis };
        const found = await expectSameEverywhere(texts, 'example plugin, a target removed', { extraPlugins: [plugin] });
        assert.ok(
          found.some((d) => d.rule === 'vendor-quality/vendor-has-quality-target' && d.file === 'tiers.yaml'),
          JSON.stringify(found.map((d) => `${d.file} ${d.rule}`)),
        );
      });

      it('while the user types in tiers.yaml, reports what a full check reports (it warned on every keystroke)', async () => {
        const session = await WorkspaceSession.open(memoryHost(example), { extraPlugins: [plugin], trusted: true });
        const typed = example['tiers.yaml'].replace(/headcount: (\d+)/, (_, n: string) => `headcount: ${Number(n) + 1}`);
        assert.notEqual(typed, example['tiers.yaml']);
        session.update('tiers.yaml', typed);
        const full = await validate(memoryHost({ ...example, 'tiers.yaml': typed }), { extraPlugins: [plugin] });
        assert.deepEqual(lines(session.check('tiers.yaml')), lines(full.diagnostics.filter((d) => d.file === 'tiers.yaml')));
      });
    });
  });
});
