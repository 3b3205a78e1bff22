import type { Diagnostic } from '../../core';
import type { LoadedRule } from '../../core';
import { oneBased } from './one-based';

const LEVEL: Record<Diagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  version: string;
  rules: readonly LoadedRule[];
  /** file:// URI of the workspace folder, for `originalUriBaseIds`. */
  workspaceUri: string;
}

function region(range: Diagnostic['range']) {
  const r = oneBased(range);
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function location(file: string, range: Diagnostic['range']) {
  return { physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: 'WORKSPACE' }, region: region(range) } };
}

/** SARIF 2.1.0, for code-scanning uploads: one run, rules described, fixes as replacements. */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const ruleIds = [...new Set([...options.rules.map((r) => r.id), ...diagnostics.map((d) => d.rule)])].sort();
  const byId = new Map(options.rules.map((r) => [r.id, r.rule]));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'okra',
            version: options.version,
            rules: ruleIds.map((id) => {
              const rule = byId.get(id);
              return {
                id,
                shortDescription: { text: rule?.description ?? `okra ${id}` },
                defaultConfiguration: { level: LEVEL[rule?.severity ?? 'error'] },
              };
            }),
          },
        },
        originalUriBaseIds: { WORKSPACE: { uri: options.workspaceUri.endsWith('/') ? options.workspaceUri : options.workspaceUri + '/' } },
        results: diagnostics.map((d) => ({
          ruleId: d.rule,
          ruleIndex: index.get(d.rule),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [location(d.file, d.range)],
          ...(d.related
            ? { relatedLocations: d.related.map((r, i) => ({ id: i, ...location(r.file, r.range), message: { text: r.message } })) }
            : {}),
          ...(d.fix
            ? {
                fixes: [
                  {
                    description: { text: d.fix.title },
                    artifactChanges: d.fix.edits.map((e) => ({
                      artifactLocation: { uri: encodeURI(e.file), uriBaseId: 'WORKSPACE' },
                      replacements: [{ deletedRegion: region(e.range), insertedContent: { text: e.newText } }],
                    })),
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
