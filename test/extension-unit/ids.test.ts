import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, EXTENSION_ID, SETTINGS, VIEWS } from '../../extension/ids';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

describe('extension ids match package.json', () => {
  it('the extension id is publisher.name', () => {
    assert.equal(EXTENSION_ID, `${pkg.publisher}.${pkg.name}`);
  });

  // "and nothing else" for commands and views is checked on COMMANDS ∪ FEATURE_COMMANDS by
  // ids-features.test.ts until extension/ids-features.ts is merged into this list.
  it('every command is contributed', () => {
    const contributed = (pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    for (const command of Object.values(COMMANDS)) assert.ok(contributed.includes(command), command);
  });

  it('every command activates the extension', () => {
    for (const command of Object.values(COMMANDS)) assert.ok(pkg.activationEvents.includes(`onCommand:${command}`), command);
  });

  it('every setting is contributed with a description, and nothing else', () => {
    const properties = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; description?: string }>;
    assert.deepEqual(Object.keys(properties).sort(), Object.values(SETTINGS).sort());
    for (const [id, p] of Object.entries(properties)) assert.ok((p.markdownDescription ?? p.description ?? '').length > 20, `${id} has a description`);
  });

  it('every view is contributed', () => {
    const views = (Object.values(pkg.contributes.views ?? {}).flat() as Array<{ id: string }>).map((v) => v.id);
    for (const id of Object.values(VIEWS)) assert.ok(views.includes(id), id);
  });

  it('ids are okra.<camelCase>', () => {
    for (const id of [...Object.values(COMMANDS), ...Object.values(VIEWS)]) assert.match(id, /^okra\.[a-z][a-zA-Z]*$/);
    for (const id of Object.values(SETTINGS)) assert.match(id, /^okra(\.[a-z][a-zA-Z]*)+$/);
  });

  it('activates on okra workspaces, supports untrusted workspaces in a limited way', () => {
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/okra.config.yaml'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(pkg.main, './dist/extension.js');
  });
});
