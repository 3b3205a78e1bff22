import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';
import { baseData, countingFetch, rowsByDatabase, sync, tempDir, writeWorkspace, type WorkspaceData } from './helpers';
import { OKRS } from './pull-okrs';

describe('okra sync --pull against the sandbox', function () {
  this.timeout(60_000);
  let t: TestSandbox;
  let dir: string;
  let data: WorkspaceData;
  const okrsPath = () => join(dir, 'okrs.yaml');

  beforeEach(async () => {
    t = await startTestSandbox();
    dir = tempDir('pull');
    data = baseData();
    writeWorkspace(dir, t.rootPageId, data);
    writeFileSync(okrsPath(), OKRS);
  });
  afterEach(() => t.close());

  const krRow = (okraId: string) => rowsByDatabase(t.sandbox.state())['Key Results'].find((r) => r.okraId === okraId && !r.inTrash)!;
  const user = (email: string) => t.sandbox.users().find((u) => u.email === email)!;
  /** A person's edit a couple of minutes from now, and its day in the workspace zone. */
  const editAt = () => {
    const at = new Date(Date.now() + 120_000);
    return { at, day: DateTime.fromJSDate(at).setZone('Europe/Lisbon').toISODate()! };
  };

  it('pulls a Current and a Done edit as new check-ins and leaves every other byte of the file alone', async () => {
    const first = await sync(dir, t.sandbox);
    assert.equal(first.exitCode, 0, first.output);
    const { at, day } = editAt();
    t.sandbox.simulateUserEdit({
      pageId: krRow('ops-cpc').pageId,
      properties: { Current: { number: 4.41 } },
      userId: user('grace@example.com').id,
      at,
    });
    t.sandbox.simulateUserEdit({
      pageId: krRow('ops-bot').pageId,
      properties: { Done: { checkbox: true } },
      userId: user('alan@example.com').id,
      at,
    });

    const counter = countingFetch();
    const run = await sync(dir, t.sandbox, { pull: true, fetch: counter.fetch });
    assert.equal(run.exitCode, 0, run.output);
    assert.match(run.output, new RegExp(`< pull key-result ops-cpc: Current 4.41 \\(check-in ${day} by grace, okrs.yaml\\)`));
    assert.match(run.output, /< pull key-result ops-bot: Done true/);
    assert.deepEqual(run.written, ['okrs.yaml']);

    // Exactly these lines changed: one scalar in place, two lines appended.
    const expected = OKRS.replace('current: 4.55   # updated weekly', 'current: 4.41   # updated weekly')
      .replace(
        '          - { date: 2026-03-02, value: 4.55, by: ada }\n',
        `          - { date: 2026-03-02, value: 4.55, by: ada }\n          - { date: ${day}, value: 4.41, confidence: 0.7, by: grace, note: from Notion }\n`,
      )
      // Alan has no person in org.yaml: no `by`.
      .replace(
        'due: "2026-05-31", done: false}',
        `due: "2026-05-31", done: true, check_ins: [{date: ${day}, done: true, note: from Notion}]}`,
      );
    assert.equal(readFileSync(okrsPath(), 'utf8'), expected);

    // The push that followed wrote what the new values change (progress, status), not Current back.
    assert.equal(krRow('ops-cpc').values.Current, 4.41);
    assert.equal(krRow('ops-bot').values.Done, true);
    assert.match(run.output, /~ update key-result ops-cpc \(Progress[^)]*\)/);
    assert.doesNotMatch(run.output, /! conflict/);

    // And the next sync has nothing to do.
    const writesBefore = t.sandbox.stats().writes;
    const again = await sync(dir, t.sandbox, { pull: true });
    assert.equal(t.sandbox.stats().writes, writesBefore, again.output);
    assert.match(again.output, /Pull: 0 key results to update from Notion, 0 in conflict\./);
    assert.match(again.output, /0 to create, 0 to update, 0 to archive/);
    assert.equal(readFileSync(okrsPath(), 'utf8'), expected);
  });

  it('reports a field edited in Notion and in the YAML as a conflict: YAML untouched, nothing pushed for the row', async () => {
    await sync(dir, t.sandbox);
    t.sandbox.simulateUserEdit({ pageId: krRow('fl-aht').pageId, properties: { Current: { number: 500 } } });
    const yaml = OKRS.replace('current: 510', 'current: 505');
    writeFileSync(okrsPath(), yaml);
    const hashBefore = krRow('fl-aht').values['okra hash'];
    const run = await sync(dir, t.sandbox, { pull: true });
    assert.equal(run.exitCode, 1);
    assert.match(run.output, /! conflict key-result fl-aht: Current edited in Notion \(500\) and in the YAML \(505\); left as it is/);
    assert.equal(readFileSync(okrsPath(), 'utf8'), yaml);
    assert.deepEqual(run.written, []);
    assert.equal(krRow('fl-aht').values.Current, 500);
    assert.equal(krRow('fl-aht').values['okra hash'], hashBefore);
  });

  it('pulls one field and leaves the YAML-owned ones, reporting them', async () => {
    await sync(dir, t.sandbox);
    t.sandbox.simulateUserEdit({
      pageId: krRow('fl-fcr').pageId,
      properties: { Confidence: { number: 0.4 }, Name: { title: [{ text: { content: 'FCR, renamed in Notion' } }] } },
    });
    const run = await sync(dir, t.sandbox, { pull: true });
    assert.equal(run.exitCode, 0, run.output);
    assert.match(run.output, /< pull key-result fl-fcr: Confidence 0.4/);
    assert.match(run.output, /key-result fl-fcr: edited in Notion, not pulled: Name/);
    const text = readFileSync(okrsPath(), 'utf8');
    assert.match(
      text,
      / {8}current: 71\n {8}confidence: 0.4\n {8}check_ins:\n {10}- date: \d{4}-\d{2}-\d{2}\n {12}value: 71\n {12}confidence: 0.4\n {12}by: ada\n {12}note: from Notion\n {6}- id: fl-aht/,
    );
    assert.match(text, /title: 'First-contact resolution from 68 % to 75 %'/);
  });

  it('--pull --dry-run prints the pulled edits and writes nothing', async () => {
    await sync(dir, t.sandbox);
    t.sandbox.simulateUserEdit({ pageId: krRow('ops-cpc').pageId, properties: { Current: { number: 4.41 } } });
    const statePath = join(dir, '.okra', 'notion-state.json');
    const stateBefore = readFileSync(statePath, 'utf8');
    const writesBefore = t.sandbox.stats().writes;
    const run = await sync(dir, t.sandbox, { pull: true, dryRun: true });
    assert.equal(run.exitCode, 0);
    assert.match(run.output, /< pull key-result ops-cpc: Current 4.41/);
    assert.match(run.output, /Dry run: nothing was written/);
    assert.equal(readFileSync(okrsPath(), 'utf8'), OKRS);
    assert.equal(readFileSync(statePath, 'utf8'), stateBefore);
    assert.equal(t.sandbox.stats().writes, writesBefore);
  });

  it('without --pull a Notion edit stays a Notion-only edit (nothing pulled, nothing overwritten)', async () => {
    await sync(dir, t.sandbox);
    t.sandbox.simulateUserEdit({ pageId: krRow('ops-cpc').pageId, properties: { Current: { number: 4.41 } } });
    const run = await sync(dir, t.sandbox);
    assert.match(run.output, /1 edited in Notion only/);
    assert.equal(readFileSync(okrsPath(), 'utf8'), OKRS);
    assert.equal(krRow('ops-cpc').values.Current, 4.41);
  });
});
