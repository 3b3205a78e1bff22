import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, VIEWS } from '../../extension/ids';
import { FEATURE_COMMANDS, VIEW_CONTAINER_ID, VIEW_IDS, WALKTHROUGH_ID } from '../../extension/ids-features';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

/** Until the lead merges ids-features.ts into ids.ts: the two lists together match package.json. */
describe('feature ids match package.json', () => {
  const allCommands: string[] = [...new Set<string>([...Object.values(COMMANDS), ...Object.values(FEATURE_COMMANDS)])].sort();

  it('every command is contributed with category okra, and nothing else', () => {
    const contributed = pkg.contributes.commands as Array<{ command: string; category: string; title: string }>;
    assert.deepEqual(contributed.map((c) => c.command).sort(), allCommands);
    for (const c of contributed) assert.equal(c.category, 'okra', c.command);
  });

  it('every command activates the extension; so does the view', () => {
    for (const command of allCommands) assert.ok(pkg.activationEvents.includes(`onCommand:${command}`), command);
    assert.ok(pkg.activationEvents.includes(`onView:${VIEW_IDS.okrTree}`));
  });

  it('the OKRs view lives in the okra view container', () => {
    const views = Object.values(pkg.contributes.views ?? {}).flat() as Array<{ id: string }>;
    assert.deepEqual(views.map((v) => v.id).sort(), [...new Set([...Object.values(VIEWS), ...Object.values(VIEW_IDS)])].sort());
    assert.ok((pkg.contributes.viewsContainers.activitybar as Array<{ id: string }>).some((c) => c.id === VIEW_CONTAINER_ID));
    assert.deepEqual(pkg.contributes.views[VIEW_CONTAINER_ID].map((v: { id: string }) => v.id), [VIEW_IDS.okrTree]);
  });

  it('menus name only okra commands that exist; view/title items are for the OKRs view', () => {
    for (const [where, entries] of Object.entries(pkg.contributes.menus as Record<string, Array<{ command: string; when?: string }>>)) {
      for (const entry of entries) {
        if (entry.command.startsWith('okra.')) assert.ok(allCommands.includes(entry.command), `${where}: ${entry.command}`);
        if (where === 'view/title') assert.match(entry.when ?? '', /view == okra\.okrTree/);
      }
    }
  });

  it('the walkthrough\'s steps have Markdown that exists, and its id is the one the welcome view opens', () => {
    const [extensionId, id] = WALKTHROUGH_ID.split('#');
    assert.equal(extensionId, `${pkg.publisher}.${pkg.name}`);
    const walkthrough = (pkg.contributes.walkthroughs as Array<{ id: string; steps: Array<{ media: { markdown: string } }> }>).find((w) => w.id === id)!;
    assert.ok(walkthrough);
    assert.equal(walkthrough.steps.length, 5);
    for (const step of walkthrough.steps) assert.ok(readFileSync(join(__dirname, '../..', step.media.markdown), 'utf8').length > 100, step.media.markdown);
    for (const welcome of pkg.contributes.viewsWelcome) if (welcome.contents.includes('openWalkthrough')) assert.ok(welcome.contents.includes(encodeURIComponent(`"${WALKTHROUGH_ID}"`)));
  });

  it('ids are okra.<camelCase>', () => {
    for (const id of [...Object.values(FEATURE_COMMANDS), ...Object.values(VIEW_IDS)]) assert.match(id, /^okra\.[a-z][a-zA-Z]*$/);
  });
});
