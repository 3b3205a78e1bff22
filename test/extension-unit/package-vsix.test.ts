import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { REPO } from '../helpers/cli';

/** The VSIX, compressed; today about 710 KB, most of it dist/core.js and the two screenshots. */
const MAX_VSIX_BYTES = 1024 * 1024;
/** What VS Code parses when it activates okra (the core and the sandbox load later). */
const MAX_EXTENSION_JS_BYTES = 100 * 1024;
/**
 * dist/extension.js + dist/core.js + dist/sandbox.js, uncompressed. 1.492 MB before Format 1.1
 * capacity (per-channel forecasts, Erlang A, coverage, tier/headcount and tier/handoff-hours)
 * added about 21 KB; raised from 1.5 MB with that much headroom, to be shrunk again.
 */
const MAX_BUNDLES_BYTES = 1_525_000;

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const filesIn = (dir: string, suffix = '') =>
  readdirSync(join(REPO, dir))
    .filter((n) => n.endsWith(suffix))
    .map((n) => `extension/${dir}/${n}`);

/**
 * Copies what a clean clone holds (files git tracks or would track, as they are in the working
 * tree) into a fresh folder and runs `npm run package` there: the same script CI and a developer
 * run, without the build outputs and benchmark workspaces of this checkout, which vsce would walk.
 */
function packageCleanCopy(): { vsix: Buffer; output: string } {
  const work = mkdtempSync(join(tmpdir(), 'okra-vsix-'));
  try {
    const stage = join(work, 'okra');
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    for (const file of listed.stdout.split('\0').filter((f) => f && existsSync(join(REPO, f)))) {
      mkdirSync(dirname(join(stage, file)), { recursive: true });
      cpSync(join(REPO, file), join(stage, file));
    }
    symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
    const out = join(work, 'okra.vsix');
    const run = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', out], { cwd: stage, encoding: 'utf8', input: '' });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, `npm run package failed:\n${output}`);
    return { vsix: readFileSync(out), output };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('the VSIX (npm run package)', function () {
  // A production build and vsce: about 5 s on a clean clone.
  this.timeout(180_000);
  let vsix: Buffer;
  let output: string;
  /** Every file of the VSIX, uncompressed, by its path in the archive. */
  let entries: Map<string, Buffer>;
  const read = (name: string) => {
    const bytes = entries.get(name);
    assert.ok(bytes, `${name} is in the VSIX`);
    return bytes.toString('utf8');
  };

  before(async () => {
    ({ vsix, output } = packageCleanCopy());
    const zip = await JSZip.loadAsync(vsix);
    const files = Object.values(zip.files).filter((f) => !f.dir);
    entries = new Map(await Promise.all(files.map(async (f) => [f.name, await f.async('nodebuffer')] as const)));
  });

  it('packages offline, without warnings', () => {
    assert.doesNotMatch(output, /WARNING|ERROR/, output);
    assert.match(output, /DONE {2}Packaged: .*okra\.vsix \(\d+ files/);
  });

  it('holds the bundles, editor schemas, walkthrough, rule docs, screenshots, README and LICENSE; nothing else', () => {
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/core.js',
      'extension/dist/sandbox.js',
      'extension/docs/rules.md',
      ...filesIn('extension/schemas', '.schema.json'),
      ...filesIn('docs/walkthrough'),
      ...filesIn('docs/screenshots', '.png'),
    ];
    assert.deepEqual([...entries.keys()].sort(), expected.sort());
  });

  it(`is under ${MAX_VSIX_BYTES / 1024} KB, with an extension.js under ${MAX_EXTENSION_JS_BYTES / 1024} KB and bundles under 1.525 MB`, () => {
    assert.ok(vsix.length < MAX_VSIX_BYTES, `the VSIX has ${vsix.length} bytes`);
    const size = (name: string) => entries.get(`extension/dist/${name}`)?.length ?? 0;
    assert.ok(size('extension.js') < MAX_EXTENSION_JS_BYTES, `dist/extension.js has ${size('extension.js')} bytes`);
    const bundles = size('extension.js') + size('core.js') + size('sandbox.js');
    assert.ok(bundles < MAX_BUNDLES_BYTES, `the bundles have ${bundles} bytes`);
    // A production build: minified, no source maps, and the sandbox server stays out of extension.js.
    assert.doesNotMatch(read('extension/dist/extension.js'), /sourceMappingURL|the sandbox emulates/);
  });

  it("keeps package.json's main, activation events, contributions and Workspace Trust capabilities", () => {
    const packaged = JSON.parse(read('extension/package.json'));
    for (const key of ['name', 'publisher', 'version', 'engines', 'main', 'activationEvents', 'capabilities', 'contributes'])
      assert.deepEqual(packaged[key], pkg[key], key);
    assert.equal(packaged.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(entries.has(`extension/${packaged.main.replace(/^\.\//, '')}`), packaged.main);
  });

  it('has every file that package.json contributes (schemas, icons, walkthrough media)', () => {
    const referenced: string[] = [];
    const walk = (node: unknown, key = ''): void => {
      if (typeof node === 'string') {
        if (['url', 'icon', 'markdown', 'image', 'svg'].includes(key) && !/^(\$\(|\w+:)/.test(node))
          referenced.push(node.replace(/^\.\//, ''));
      } else if (Array.isArray(node)) node.forEach((n) => walk(n, key));
      else if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) walk(v, k);
    };
    walk(pkg.contributes);
    assert.ok(
      referenced.includes('docs/walkthrough/open-example.md') && referenced.includes('extension/schemas/okra.schema.json'),
      referenced.join(', '),
    );
    for (const file of referenced) assert.ok(entries.has(`extension/${file}`), file);
  });

  it('its README is extension/README.md, whose relative links and images are files in the VSIX', () => {
    const readme = read('extension/readme.md');
    assert.equal(readme, readFileSync(join(REPO, 'extension/README.md'), 'utf8'));
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(\w+:|#)/.test(t));
    assert.ok(
      targets.some((t) => t.startsWith('docs/screenshots/')),
      'the README shows the screenshots',
    );
    for (const target of targets) assert.ok(entries.has(`extension/${target}`), target);
  });
});
