import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { buildModel, replaceFile, type WorkspaceModel } from '../model/workspace-model';
import { cachedFile, hashBytes, MAX_FILE_BYTES, type ParsedFile } from '../parse/parse-file';
import { builtinRulesPlugin } from '../builtin/rules-plugin';
import type { Plugin } from '../plugins/define-plugin';
import { analyzeFile } from '../validate/analyze-file';
import { runRules, withoutRepeatedRuleErrors } from '../validate/run-rules';
import { validateSchema } from '../validate/schema';
import type { WorkspaceHost } from '../workspace/host';
import { CONFIG_FILE, listWorkspace, withListing } from '../workspace/load-workspace';
import { checkFile } from './check-file';
import { readSetup, ruleSetup, type PluginOptions, type RuleSetup } from './rule-setup';
import { applyScalarEdit, scalarLinesOf, scalarRange, type ScalarLines } from './scalar-edit';

/** Files read at the same time when a session opens. */
const READS_IN_FLIGHT = 16;

/**
 * A workspace kept in memory between edits: the editor's way of running the same check as
 * `validate`. `update` takes one file's new text; `check(path)` re-checks that file against the
 * whole workspace, and `check()` checks everything, with the same diagnostics as `validate`.
 * Each file's own stage (YAML, schema, file rules) is kept until the file changes.
 */
export class WorkspaceSession {
  private readonly model: WorkspaceModel;
  private setup: RuleSetup;
  /** Per file, the lines a one-scalar edit can be applied to without parsing the file again. */
  private readonly scalarLines = new Map<string, ScalarLines>();
  /** Per file, its own diagnostics, for the parsed file they were computed on. */
  private readonly fileStage = new Map<string, { file: ParsedFile; diagnostics: Diagnostic[] }>();

  private constructor(files: readonly ParsedFile[], setup: RuleSetup) {
    this.model = buildModel(files);
    this.setup = setup;
  }

  /** Reads the workspace at `host`: the config, its plugins (when trusted) and every file. */
  static async open(host: WorkspaceHost, options: PluginOptions = {}): Promise<WorkspaceSession> {
    const { config, setup } = await readSetup(host, options);
    const listing = await listWorkspace(host, config);
    const paths = listing.paths.filter((p) => p !== CONFIG_FILE);
    const files: ParsedFile[] = new Array(paths.length);
    let next = 0;
    const reader = async () => {
      while (next < paths.length) {
        const index = next++;
        files[index] = withoutDocument(analyzeFile(paths[index], await host.readFile(paths[index]), setup.extraValidators));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, paths.length) }, reader));
    return new WorkspaceSession([withListing(config.file, listing.diagnostics), ...files], setup);
  }

  /**
   * A session over files already read, with plugins already loaded (the built-in rules when
   * none are given): for hosts that read files their own way, and for tests.
   */
  static fromFiles(files: readonly ParsedFile[], plugins: readonly Plugin[] = [builtinRulesPlugin]): WorkspaceSession {
    const config = files.find((f) => f.path === CONFIG_FILE);
    return new WorkspaceSession([...(config ? [config] : []), ...files.filter((f) => f !== config)], ruleSetup(config, plugins));
  }

  /** The workspace as rules, the language service and documents see it. */
  get workspace(): WorkspaceModel {
    return this.model;
  }

  /** The plugins in force, the built-in one first. */
  get plugins(): RuleSetup['plugins'] {
    return this.setup.plugins;
  }

  file(path: string): ParsedFile | undefined {
    return this.model.byPath.get(path);
  }

  /** Replaces a file's content (an edit in the editor, or a change on disk). */
  update(path: string, content: Uint8Array | string): ParsedFile {
    const patched = typeof content === 'string' ? this.patched(path, content) : undefined;
    if (patched) {
      replaceFile(this.model, path, patched);
      return patched;
    }
    this.scalarLines.delete(path);
    const file = analyzeFile(path, content, this.setup.extraValidators);
    replaceFile(this.model, path, file);
    // The config decides rule levels: every file's own stage is judged again under the new ones.
    if (path === CONFIG_FILE) {
      this.setup = ruleSetup(file, this.setup.plugins, this.setup.pluginDiagnostics);
      this.fileStage.clear();
    }
    return file;
  }

  remove(path: string): void {
    this.scalarLines.delete(path);
    this.fileStage.delete(path);
    replaceFile(this.model, path, undefined);
  }

  /**
   * The file after an edit of one plain scalar on one line (a KR's `current`, a confidence),
   * read without parsing the file again: typing in a 60 KB file re-read it whole on every
   * keystroke. The same data and diagnostics as `analyzeFile` (a test compares them), or
   * `undefined` for any other edit. The first such edit of a file reads its positions once.
   */
  private patched(path: string, text: string): ParsedFile | undefined {
    const old = this.model.byPath.get(path);
    if (!old || path === CONFIG_FILE || old.kind === 'Config' || text.length > MAX_FILE_BYTES / 4) return undefined;
    // A file with YAML problems may hold less data than its text: only a clean one is patched.
    if (old.data === undefined || old.diagnostics.some((d) => d.rule.startsWith('yaml/'))) return undefined;
    let lines = this.scalarLines.get(path);
    if (!lines || lines.text !== old.text) {
      const document = old.document();
      if (!document) return undefined;
      lines = scalarLinesOf(document, old.text);
      this.scalarLines.set(path, lines);
    }
    const data = applyScalarEdit(lines, old.data, text);
    // The kind decides the schema and the file's place: a changed `kind:` is read whole.
    if (data === undefined || (data as { kind?: unknown }).kind !== old.kind) return undefined;
    lines.text = text;
    const diagnostics: ParsedFile['diagnostics'] = [];
    // The lines as of this text: a later edit moves on the session's copy, not this file's.
    const at: ScalarLines = { ...lines };
    const file = cachedFile(path, text, hashBytes(text), data, diagnostics, (p, target) => scalarRange(at, p, target));
    diagnostics.push(...validateSchema(file, this.setup.extraValidators));
    return file;
  }

  /** A file's own diagnostics, computed once per version of the file. */
  private ownDiagnostics(file: ParsedFile): Diagnostic[] {
    const stage = this.fileStage.get(file.path);
    if (stage?.file === file) return stage.diagnostics;
    const diagnostics = checkFile(file, this.setup, 'none').diagnostics;
    this.fileStage.set(file.path, { file, diagnostics });
    return diagnostics;
  }

  /**
   * Diagnostics of one file (`path`), with the workspace rules reporting on that file only; or,
   * without `path`, of the whole workspace.
   */
  check(path?: string): Diagnostic[] {
    if (path === undefined) {
      const all = [...this.setup.configDiagnostics];
      for (const file of this.model.files) all.push(...this.ownDiagnostics(file));
      all.push(...runRules(this.model, this.setup.workspaceRules, this.setup.levels));
      return withoutRepeatedRuleErrors(all).sort(compareDiagnostics);
    }
    const file = this.model.byPath.get(path);
    if (!file) return [];
    const own = [...(path === CONFIG_FILE ? this.setup.configDiagnostics : []), ...this.ownDiagnostics(file)];
    const ruled = runRules(this.model, this.setup.workspaceRules, this.setup.levels, new Set([path]));
    return withoutRepeatedRuleErrors([...own, ...ruled]).sort(compareDiagnostics);
  }
}

/**
 * The file without its parsed Document, which is parsed again when first needed: a Document
 * costs some 20× its file's size in heap. Files with diagnostics keep theirs: rules are likely
 * to place more diagnostics in them.
 */
function withoutDocument(file: ParsedFile): ParsedFile {
  if (file.diagnostics.length > 0) return file;
  return cachedFile(file.path, file.text, file.hash, file.data, file.diagnostics);
}
