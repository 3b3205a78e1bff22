import type { OkrNode } from '../../core';

/**
 * How an OKR tree node looks, as plain data (no vscode, so it is unit-tested): the tree
 * provider turns this into a TreeItem.
 */
export interface OkrItemLook {
  label: string;
  description: string;
  /** A codicon id and the theme colour to paint it with. */
  icon: { id: string; color?: string };
  /** Markdown; workspace text in it is escaped. */
  tooltip: string;
  /** For `when` clauses of context menus: `okra.cycle`, `okra.owner`, `okra.objective`, `okra.keyResult`. */
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
}

const STATUS_ICON = {
  on_track: { id: 'pass', color: 'charts.green' },
  at_risk: { id: 'warning', color: 'charts.yellow' },
  off_track: { id: 'error', color: 'charts.red' },
} as const;

const TYPE_ICON: Record<OkrNode['type'], string> = {
  cycle: 'calendar',
  owner: 'organization',
  objective: 'target',
  key_result: 'circle-outline',
};

const CONTEXT: Record<OkrNode['type'], string> = {
  cycle: 'okra.cycle',
  owner: 'okra.owner',
  objective: 'okra.objective',
  key_result: 'okra.keyResult',
};

const TYPE_NOUN: Record<OkrNode['type'], string> = { cycle: 'Cycle', owner: 'Owner', objective: 'Objective', key_result: 'Key result' };

/**
 * Escapes what would change inline Markdown in workspace text (emphasis, links, code, HTML).
 * The text never starts a line here, so list and heading markers need no escape.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** The look of `node`: status icon (or the node type's icon), figures beside the label, a tooltip. */
export function okrItemLook(node: OkrNode): OkrItemLook {
  const icon = node.status ? { ...STATUS_ICON[node.status] } : { id: TYPE_ICON[node.type] };
  const lines = [`**${escapeMarkdownText(node.label)}**`, '', `${TYPE_NOUN[node.type]} · ${escapeMarkdownText(node.description)}`];
  if (node.progress !== undefined) lines.push('', `Progress: ${Math.round(node.progress * 100)}%`);
  if (node.score !== undefined) lines.push('', `Score: ${node.score.toFixed(2)}`);
  if (node.location) lines.push('', `${escapeMarkdownText(node.location.file)}, line ${node.location.range.start.line + 1}`);
  return {
    label: node.label,
    description: node.description,
    icon,
    tooltip: lines.join('\n'),
    contextValue: CONTEXT[node.type],
    // Cycles open on their owners; owners and objectives stay closed until asked.
    collapsible: node.children.length === 0 ? 'none' : node.type === 'cycle' ? 'expanded' : 'collapsed',
  };
}
