import assert from 'node:assert/strict';
import { AppError, renderAllDocuments, renderDocuments } from '../../core/app';
import { baseData } from '../sync/helpers';
import { memoryContext } from './helpers';

const DATE = '2026-03-16';

describe('renderDocuments (core/app)', () => {
  const context = (config: string, extra: Record<string, string> = {}) => {
    const { ctx, files } = memoryContext('00000000000000000000000000000001', undefined, baseData(), extra);
    files['okra.config.yaml'] = `kind: Config\nversion: 1\ntimezone: Europe/Lisbon\n${config}`;
    return { ctx, files };
  };

  it("renders with the workspace's templates_dir overrides and writes through the host", async () => {
    const { ctx, files } = context('templates_dir: ./my-templates/\n', {
      'my-templates/one-on-one.hbs': '{{!-- okra: person --}}\r\n# Our 1:1 with {{person.name}}\r\n',
    });
    const result = await renderDocuments(ctx, { template: 'one-on-one', person: 'grace' }, { date: DATE, outDir: 'out' });
    assert.deepEqual(result.written, ['out/one-on-one/grace.md']);
    assert.match(files['out/one-on-one/grace.md'], /^# Our 1:1 with Grace Hopper\n/);
    assert.match(files['out/one-on-one/grace.md'], /okra 0\.0\.0-test/, 'the version the adapter gave');
    assert.equal(result.errors, 0);
  });

  it('an override of a partial reaches every document; html and notion formats too', async () => {
    const { ctx } = context('templates_dir: t\n', { 't/partials/answer.hbs': 'OUR ANSWER\n' });
    const result = await renderAllDocuments(ctx, { date: DATE, formats: ['md', 'html', 'notion'] });
    assert.deepEqual(result.written, [], 'no outDir: nothing written');
    const retro = result.files.find((f) => f.path === 'okr-retrospective/retro-h1.md');
    assert.ok(retro, result.files.map((f) => f.path).join(', '));
    assert.match(retro.text, /^OUR ANSWER$/m);
    assert.match(result.files.find((f) => f.path === 'one-on-one/grace.md')!.text, /^OUR ANSWER$/m);
    const notion = result.files.find((f) => f.path === 'okr-retrospective/retro-h1.json');
    assert.ok(Array.isArray(JSON.parse(notion!.text)), 'Notion blocks in appends');
    assert.ok(result.files.some((f) => f.path === 'okr-retrospective/retro-h1.html' && /^<!doctype html>/i.test(f.text)));
  });

  it('a templates_dir that is not a folder, an unknown person and a broken template are AppErrors with messages', async () => {
    await assert.rejects(
      renderDocuments(context('templates_dir: missing\n').ctx, { template: 'one-on-one', person: 'grace' }, { date: DATE }),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'templates-dir' &&
        /templates_dir "missing" in okra.config.yaml is not a folder/.test(e.message),
    );
    await assert.rejects(
      renderDocuments(context('').ctx, { template: 'one-on-one', person: 'grac' }, { date: DATE }),
      (e: unknown) => e instanceof AppError && e.code === 'render-request' && /Unknown person "grac".*grace/.test(e.message),
    );
    const broken = context('templates_dir: t\n', { 't/one-on-one.hbs': '{{!-- okra: person --}}\n# {{persn.name}}\n' });
    await assert.rejects(
      renderDocuments(broken.ctx, { template: 'one-on-one', person: 'grace' }, { date: DATE }),
      (e: unknown) => e instanceof AppError && e.code === 'render-request' && /^Template "one-on-one", line 2/.test(e.message),
    );
  });
});
