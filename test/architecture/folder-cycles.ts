import { stronglyConnected } from '../../core/validate/rules/lib/graph';
import type { FolderImport } from './import-graph';

/** Folders that all reach each other through imports, and the imports between them. */
export interface FolderCycle {
  folders: string[];
  imports: FolderImport[];
}

/**
 * Every import cycle between folders: each strongly connected component of two or more folders,
 * its folders sorted, in the order of its first folder.
 */
export function folderCycles(imports: readonly FolderImport[]): FolderCycle[] {
  const out = new Map<string, FolderImport[]>();
  for (const edge of imports) {
    if (!out.has(edge.to)) out.set(edge.to, []);
    if (!out.has(edge.from)) out.set(edge.from, []);
    out.get(edge.from)!.push(edge);
  }
  return stronglyConnected([...out.keys()].sort(), out)
    .filter((component) => component.length > 1)
    .map((component) => {
      const folders = component.sort();
      const inside = imports.filter((edge) => folders.includes(edge.from) && folders.includes(edge.to));
      return { folders, imports: inside.sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`)) };
    })
    .sort((a, b) => a.folders[0].localeCompare(b.folders[0]));
}

/**
 * The cycles that no allowed group holds: new ones, or old ones grown by another folder. A cycle
 * that shrank inside its group (some imports removed) is still allowed.
 */
export function cyclesNotAllowed(cycles: readonly FolderCycle[], allowed: readonly (readonly string[])[]): FolderCycle[] {
  return cycles.filter((cycle) => !allowed.some((group) => cycle.folders.every((folder) => group.includes(folder))));
}

/** Allowed folders that are in no cycle any more: their allowance can go. */
export function staleAllowances(cycles: readonly FolderCycle[], allowed: readonly (readonly string[])[]): string[] {
  const cyclic = new Set(cycles.flatMap((cycle) => cycle.folders));
  return allowed.flat().filter((folder) => !cyclic.has(folder));
}

/**
 * A cycle for a failure message: its folders, then the imports that tie its parts together, with
 * the files that make each one. A part is an allowed group or a folder outside them all; imports
 * within a part are left out. The direction with the fewest imports comes first: usually that is
 * the one just added, the one to remove.
 */
export function describeCycle(cycle: FolderCycle, allowed: readonly (readonly string[])[]): string {
  const partOf = (folder: string) => {
    const group = allowed.find((candidate) => candidate.includes(folder));
    return group === undefined ? folder : `the allowed cycle of ${group[0]}`;
  };
  const byDirection = new Map<string, string[]>();
  for (const { from, to, example } of cycle.imports) {
    const direction = `${partOf(from)} → ${partOf(to)}`;
    if (partOf(from) === partOf(to)) continue;
    if (!byDirection.has(direction)) byDirection.set(direction, []);
    byDirection.get(direction)!.push(`      ${example.from} imports ${example.to}`);
  }
  const directions = [...byDirection].sort((a, b) => a[1].length - b[1].length);
  return [`  ${cycle.folders.join(', ')}`, ...directions.flatMap(([direction, lines]) => [`    ${direction}:`, ...lines])].join('\n');
}
