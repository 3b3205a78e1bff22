import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { registerRenderCommand, renderAll, runRender, type RenderCommandOptions } from '../../cli/commands/render';
import { UsageError } from '../../cli/errors';
import { BASIC, DATE } from './fixtures';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

describe('okra render (cli/commands/render.ts)', () => {
  let dir: string;
  let workspace: string;
  const options = (more: Partial<RenderCommandOptions>): RenderCommandOptions => ({
    format: 'md',
    out: join(dir, 'out'),
    date: DATE,
    ...more,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'okra-render-'));
    workspace = join(dir, 'ws');
    cpSync(BASIC, workspace, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one document per participant under <out>/<template>/<review>/', async () => {
    const written = await runRender(workspace, 'growwise-review', options({ review: 'h1-review' }));
    assert.deepEqual(
      written.map((p) => p.slice(dir.length + 1)),
      [
        'out/growwise-review/h1-review/ken-ito.md',
        'out/growwise-review/h1-review/ana-lima.md',
        'out/growwise-review/h1-review/lee-park.md',
      ],
    );
    assert.match(readFileSync(written[1], 'utf8'), /^# GrowWise 2026 H1: Ana Lima\n/);
  });

  it('--out - writes to stdout and no file', async () => {
    const stdout = new Capture();
    const written = await runRender(workspace, 'okr-retrospective', options({ retro: 'retro-h1', out: '-' }), stdout);
    assert.deepEqual(written, []);
    assert.match(stdout.text, /^# OKR retrospective 2026-H1\n/);
    assert.match(stdout.text, /_Made with okra [^ ]+ from template okr-retrospective \(v [0-9a-f]{10}\)\._\n$/);
  });

  it('--format html and notion', async () => {
    const [html] = await runRender(workspace, 'one-on-one', options({ person: 'ana-lima', format: 'html' }));
    assert.ok(html.endsWith('out/one-on-one/ana-lima.html'));
    assert.match(readFileSync(html, 'utf8'), /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    const [notion] = await runRender(workspace, 'one-on-one', options({ person: 'ana-lima', format: 'notion' }));
    const chunks = JSON.parse(readFileSync(notion, 'utf8')) as Array<Array<{ object: string; type: string }>>;
    assert.ok(Array.isArray(chunks) && chunks.length >= 1 && chunks.every((c) => c.length <= 100));
    assert.equal(chunks[0][0].type, 'heading_1');
  });

  it('unknown ids and templates are usage errors with "did you mean"', async () => {
    await assert.rejects(
      runRender(workspace, 'one-on-one', options({ person: 'ana-lma' })),
      (e: unknown) => e instanceof UsageError && e.message === 'Unknown person "ana-lma"; did you mean "ana-lima"?',
    );
    await assert.rejects(
      runRender(workspace, 'one-on-onee', options({ person: 'ana-lima' })),
      (e: unknown) => e instanceof UsageError && /^Unknown template "one-on-onee"; did you mean "one-on-one"\?/.test(e.message),
    );
    await assert.rejects(
      runRender(workspace, 'one-on-one', options({ person: 'ana-lima', date: '14/04/2026' })),
      /--date takes a date like 2026-06-01/,
    );
  });

  it("reads the workspace's templates_dir: an overridden partial changes the output", async () => {
    writeFileSync(join(workspace, 'okra.config.yaml'), 'kind: Config\nversion: 1\ntimezone: Europe/Berlin\ntemplates_dir: my-templates\n');
    mkdirSync(join(workspace, 'my-templates', 'partials'), { recursive: true });
    writeFileSync(join(workspace, 'my-templates', 'partials', 'answer.hbs'), '> _Write your answer here._\n');
    const stdout = new Capture();
    await runRender(workspace, 'growwise-review', options({ review: 'h1-review', person: 'ana-lima', out: '-' }), stdout);
    assert.equal(stdout.text.match(/^> _Write your answer here\._$/gm)?.length, 8);
    writeFileSync(join(workspace, 'okra.config.yaml'), 'kind: Config\nversion: 1\ntemplates_dir: missing\n');
    await assert.rejects(
      runRender(workspace, 'growwise-review', options({ review: 'h1-review' })),
      /templates_dir "missing" in okra.config.yaml is not a folder/,
    );
  });

  it('a template error in an override is a usage error naming the template', async () => {
    writeFileSync(join(workspace, 'okra.config.yaml'), 'kind: Config\nversion: 1\ntemplates_dir: t\n');
    mkdirSync(join(workspace, 't'));
    writeFileSync(join(workspace, 't', 'one-on-one.hbs'), '{{!-- okra: person --}}\n# {{persn.name}}\n');
    await assert.rejects(
      runRender(workspace, 'one-on-one', options({ person: 'ana-lima' })),
      (e: unknown) =>
        e instanceof UsageError &&
        /^Template "one-on-one", line 2, column 5: unknown field in "persn\.name" \(did you mean "person\.name"\?\)$/.test(e.message),
    );
  });

  it("puts the workspace's git commit in the provenance line; two runs give the same bytes", async function () {
    try {
      execFileSync('git', ['--version'], { stdio: 'ignore' });
    } catch {
      this.skip();
    }
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: workspace,
        stdio: 'pipe',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'fixture');
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, encoding: 'utf8' }).trim();
    const first = new Capture();
    const second = new Capture();
    await runRender(workspace, 'one-on-one', options({ person: 'ken-ito', out: '-' }), first);
    await runRender(workspace, 'one-on-one', options({ person: 'ken-ito', out: '-' }), second);
    assert.ok(first.text.includes(`workspace commit ${commit.slice(0, 12)}._`));
    assert.equal(first.text, second.text);
    writeFileSync(join(workspace, 'org.yaml'), readFileSync(join(workspace, 'org.yaml'), 'utf8') + '\n');
    const dirty = new Capture();
    await runRender(workspace, 'one-on-one', options({ person: 'ken-ito', out: '-' }), dirty);
    assert.ok(dirty.text.includes(`workspace commit ${commit.slice(0, 12)} with uncommitted changes._`));
  });

  it('renderAll writes every document of the workspace', async () => {
    const { written, skipped } = await renderAll(workspace, join(dir, 'all'), { date: DATE, formats: ['md', 'html'] });
    assert.deepEqual(skipped, []);
    assert.equal(written.length, 14);
    assert.ok(written.some((p) => p.endsWith(join('all', 'okr-retrospective', 'retro-h1.html'))));
  });

  it('registers `okra render` with its options, and runs through the validator', async () => {
    const program = new Command('okra').exitOverride();
    registerRenderCommand(program);
    const render = program.commands.find((c) => c.name() === 'render')!;
    assert.deepEqual(
      render.options.map((o) => o.long),
      ['--workspace', '--person', '--team', '--review', '--retro', '--format', '--out', '--date'],
    );
    const out = join(dir, 'cli-out');
    const write = process.stdout.write;
    let printed = '';
    process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
    try {
      await program.parseAsync(
        ['render', 'okr-retrospective', '--team', 'frontline', '--date', DATE, '--out', out, '--workspace', workspace],
        { from: 'user' },
      );
    } finally {
      process.stdout.write = write;
    }
    assert.match(printed, /^Wrote .*okr-retrospective\/frontline-2026-h1\.md\n$/);
    assert.match(readFileSync(join(out, 'okr-retrospective', 'frontline-2026-h1.md'), 'utf8'), /^# OKR retrospective 2026-H1: Frontline\n/);
  });
});
