import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, CONTEXT_KEYS, EXTENSION_ID, SETTINGS, VIEW_CONTAINER_ID, VIEWS, WALKTHROUGH_ID } from '../../extension/ids';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

describe('extension ids match package.json', () => {
  it('the extension id is publisher.name', () => {
    assert.equal(EXTENSION_ID, `${pkg.publisher}.${pkg.name}`);
  });

  const commands = Object.values(COMMANDS) as string[];

  it('every command is contributed with category okra, and nothing else', () => {
    const contributed = pkg.contributes.commands as Array<{ command: string; category: string }>;
    assert.deepEqual(contributed.map((c) => c.command).sort(), [...commands].sort());
    for (const c of contributed) assert.equal(c.category, 'okra', c.command);
  });

  it('every command activates the extension; so does the OKRs view', () => {
    for (const command of commands) assert.ok(pkg.activationEvents.includes(`onCommand:${command}`), command);
    assert.ok(pkg.activationEvents.includes(`onView:${VIEWS.okrTree}`));
  });

  it('menus name only okra commands that exist; view/title items are for the OKRs view', () => {
    for (const [where, entries] of Object.entries(pkg.contributes.menus as Record<string, Array<{ command: string; when?: string }>>)) {
      for (const entry of entries) {
        if (entry.command.startsWith('okra.')) assert.ok(commands.includes(entry.command), `${where}: ${entry.command}`);
        if (where === 'view/title') assert.match(entry.when ?? '', /view == okra\.okrTree/);
      }
    }
  });

  /** Every `when` clause of package.json's menus and welcome views. */
  const whenClauses = (): string[] => [
    ...Object.values(pkg.contributes.menus as Record<string, Array<{ when?: string }>>).flatMap((entries) =>
      entries.map((e) => e.when ?? ''),
    ),
    ...(pkg.contributes.viewsWelcome as Array<{ when?: string }>).map((w) => w.when ?? ''),
  ];
  /** The context keys a `when` clause reads: the left side of each term (`view == okra.okrTree` reads `view`). */
  const keysOf = (when: string): string[] =>
    when
      .split(/&&|\|\||[()]/)
      .map((term) => /^\s*!?\s*([\w.]+)/.exec(term)?.[1])
      .filter((key): key is string => key !== undefined);

  it('the okra context keys that when clauses read are exactly the typed ones', () => {
    assert.deepEqual(keysOf('view == okra.okrTree && !okra.isOkraFile || (resourceLangId == yaml)'), [
      'view',
      'okra.isOkraFile',
      'resourceLangId',
    ]);
    const read = new Set(
      whenClauses()
        .flatMap(keysOf)
        .filter((key) => key.startsWith('okra.')),
    );
    assert.deepEqual([...read].sort(), Object.values(CONTEXT_KEYS).sort());
  });

  it('the editor context menu offers the render commands on okra files only, not on any YAML file', () => {
    const editorMenu = pkg.contributes.menus['editor/context'] as Array<{ command: string; when?: string }>;
    const render = [COMMANDS.renderOneOnOne, COMMANDS.renderReviewDocuments, COMMANDS.renderRetrospective];
    for (const command of render) assert.equal(editorMenu.find((e) => e.command === command)?.when, CONTEXT_KEYS.isOkraFile, command);
    for (const entry of editorMenu) assert.doesNotMatch(entry.when ?? '', /resourceLangId == yaml/, entry.command);
  });

  it("the walkthrough's steps have Markdown that exists, and its id is the one the welcome view opens", () => {
    const [extensionId, id] = WALKTHROUGH_ID.split('#');
    assert.equal(extensionId, `${pkg.publisher}.${pkg.name}`);
    const walkthrough = (pkg.contributes.walkthroughs as Array<{ id: string; steps: Array<{ media: { markdown: string } }> }>).find(
      (w) => w.id === id,
    );
    assert.ok(walkthrough);
    assert.equal(walkthrough.steps.length, 5);
    for (const step of walkthrough.steps)
      assert.ok(readFileSync(join(__dirname, '../..', step.media.markdown), 'utf8').length > 100, step.media.markdown);
    for (const welcome of pkg.contributes.viewsWelcome)
      if (welcome.contents.includes('openWalkthrough')) assert.ok(welcome.contents.includes(encodeURIComponent(`"${WALKTHROUGH_ID}"`)));
  });

  it('every setting is contributed with a description, and nothing else', () => {
    const properties = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>;
    assert.deepEqual(Object.keys(properties).sort(), Object.values(SETTINGS).sort());
    for (const [id, p] of Object.entries(properties))
      assert.ok((p.markdownDescription ?? p.description ?? '').length > 20, `${id} has a description`);
  });

  it('every view is contributed, in the okra view container, and nothing else', () => {
    const views = (Object.values(pkg.contributes.views ?? {}).flat() as Array<{ id: string }>).map((v) => v.id);
    assert.deepEqual(views.sort(), Object.values(VIEWS).sort());
    assert.ok((pkg.contributes.viewsContainers.activitybar as Array<{ id: string }>).some((c) => c.id === VIEW_CONTAINER_ID));
    assert.deepEqual(
      pkg.contributes.views[VIEW_CONTAINER_ID].map((v: { id: string }) => v.id),
      [VIEWS.okrTree],
    );
  });

  it('ids are okra.<camelCase>', () => {
    for (const id of [...Object.values(COMMANDS), ...Object.values(VIEWS), ...Object.values(CONTEXT_KEYS)])
      assert.match(id, /^okra\.[a-z][a-zA-Z]*$/);
    for (const id of Object.values(SETTINGS)) assert.match(id, /^okra(\.[a-z][a-zA-Z]*)+$/);
  });

  it('activates on okra workspaces, supports untrusted workspaces in a limited way', () => {
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/okra.config.yaml'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(pkg.main, './dist/extension.js');
  });
});
