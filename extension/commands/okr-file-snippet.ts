import type { WorkspaceModel } from '../../core';

/** A new Objectives file as snippet text. Pure (no vscode): unit-tested in test/extension-unit/. */

/** Escapes text for a snippet placeholder's default (`$`, `}` and `\` are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** The cycle most objective files of the workspace use (the latest on a tie), or undefined. */
export function workspaceCycle(model: WorkspaceModel): string | undefined {
  const counts = new Map<string, number>();
  for (const set of model.objectiveSets) {
    const cycle = set.value.cycle;
    if (typeof cycle === 'string' && cycle !== '') counts.set(cycle, (counts.get(cycle) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0];
}

/** A team as an owner (`team/frontline`): the first team of the org, or undefined. */
export function teamOwner(model: WorkspaceModel): string | undefined {
  const team = model.teams.all[0];
  return team ? `team/${team.id}` : undefined;
}

/** The snippet body of an Objectives file with one objective and one metric key result. */
export function okrFileSnippet(cycle: string, owner: string): string {
  return [
    'kind: Objectives',
    'version: 1',
    '',
    `cycle: \${1:${escapeSnippet(cycle)}}`,
    `owner: \${2:${escapeSnippet(owner)}}`,
    '',
    'objectives:',
    '  - id: ${3:objective-id}',
    '    title: ${4:What we want to achieve}',
    '    key_results:',
    '      - id: ${5:key-result-id}',
    '        title: ${6:How we will know}',
    '        type: metric',
    '        unit: ${7:percent}',
    '        start: ${8:0}',
    '        target: ${9:100}',
    '$0',
  ].join('\n');
}
