import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildModel, type WorkspaceModel } from '../../core/model/workspace-model';
import { parseFile } from '../../core/parse/parse-file';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'render');
export const BASIC = join(FIXTURES, 'basic');
export const GOLDENS = join(FIXTURES, 'goldens');
/** The day every golden document is prepared on. */
export const DATE = '2026-04-14';
export const COMMIT = '0123456789abcdef0123456789abcdef01234567';

function yamlFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(root, path));
    else if (name.endsWith('.yaml')) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

/** The model of a fixture folder, built the way the validator builds it (parse, then model). */
export function loadModel(root: string = BASIC): WorkspaceModel {
  return buildModel(yamlFiles(root).map((path) => parseFile(path, readFileSync(join(root, path)))));
}

/** A model from in-memory files (`{ 'org.yaml': '…' }`). */
export function modelOf(files: Record<string, string>): WorkspaceModel {
  return buildModel(Object.entries(files).map(([path, text]) => parseFile(path, text)));
}
