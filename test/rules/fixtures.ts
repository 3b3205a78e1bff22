import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../../core/diagnostics';
import { buildModel, type WorkspaceModel } from '../../core/model/workspace-model';
import { parseFile, type ParsedFile } from '../../core/parse/parse-file';
import type { LoadedRule } from '../../core/validate/run-rules';
import { runRules } from '../../core/validate/run-rules';

/** `test/fixtures/rules`: one folder per rule, `/` in the id written as `__`. */
export const FIXTURES = path.resolve(__dirname, '../fixtures/rules');

/** A fixture case: one YAML file, or a folder of them (cross-file cases). */
export interface FixtureCase {
  name: string;
  /** The `.yaml` file or the folder. */
  source: string;
  /** Where the golden is (invalid cases): `<case>.expected.json` beside the file or folder. */
  golden: string;
  /** Whether this case is a folder, in which case goldens name the file of each diagnostic. */
  folder: boolean;
}

/** One line of a golden: rule id and 1-based range; no message text, so wording can change. */
export interface GoldenEntry {
  file?: string;
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function ruleIdOf(folder: string): string {
  return folder.replace(/__/g, '/');
}

export function folderOf(ruleId: string): string {
  return ruleId.replace(/\//g, '__');
}

/** Cases of `dir` (`valid` or `invalid`), sorted by name. */
export function casesIn(dir: string): FixtureCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((entry): FixtureCase[] => {
      const source = path.join(dir, entry);
      if (statSync(source).isDirectory()) return [{ name: entry, source, golden: `${source}.expected.json`, folder: true }];
      if (!entry.endsWith('.yaml')) return [];
      const name = entry.slice(0, -'.yaml'.length);
      return [{ name, source, golden: path.join(dir, `${name}.expected.json`), folder: false }];
    });
}

function yamlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      const rel = prefix ? `${prefix}/${entry}` : entry;
      if (statSync(full).isDirectory()) return yamlFiles(full, rel);
      return entry.endsWith('.yaml') ? [rel] : [];
    });
}

/** Parses a case's files with workspace-relative paths (`org.yaml`, `okrs/h1.yaml`). */
export function loadCase(c: FixtureCase): ParsedFile[] {
  if (!c.folder) return [parseFile(path.basename(c.source), readFileSync(c.source))];
  return yamlFiles(c.source).map((rel) => parseFile(rel, readFileSync(path.join(c.source, rel))));
}

export function modelOf(c: FixtureCase): { files: ParsedFile[]; model: WorkspaceModel } {
  const files = loadCase(c);
  return { files, model: buildModel(files) };
}

export function run(model: WorkspaceModel, rules: readonly LoadedRule[]): Diagnostic[] {
  return runRules(model, rules).sort(compareDiagnostics);
}

export function toGolden(diagnostics: readonly Diagnostic[], folder: boolean): GoldenEntry[] {
  return diagnostics.map((d) => ({
    ...(folder ? { file: d.file } : {}),
    rule: d.rule,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  }));
}
