import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { buildModel, fileView, replaceFile, type WorkspaceModel } from '../model/workspace-model';
import { cachedFile, hashBytes, MAX_FILE_BYTES, type ParsedFile } from '../parse/parse-file';
import type { Plugin } from '../plugins/define-plugin';
import { checkModel, fileDiagnostics, setupRules, type RuleSetup } from '../validate/check-workspace';
import { runRules } from '../validate/run-rules';
import { validateSchema, type ExtraValidators } from '../validate/schema';
import { analyzeFile, CONFIG_FILE } from './load-workspace';
import { applyScalarEdit, scalarLinesOf, scalarRange, type ScalarLines } from './scalar-edit';

/**
 * A workspace kept in memory between edits — the editor's path. `update` re-reads one file;
 * `checkFile` re-checks just that file against the whole workspace (cross-file references
 * included) without re-running rules over every other file; `checkAll` checks everything.
 */
export class WorkspaceSession {
  private readonly model: WorkspaceModel;
  private setup: RuleSetup;
  /** Per file, the lines a one-scalar edit can be applied to without parsing the file again. */
  private readonly scalarLines = new Map<string, ScalarLines>();

  constructor(
    files: readonly ParsedFile[],
    private readonly plugins: readonly Plugin[],
    private readonly extraValidators?: ExtraValidators,
  ) {
    this.model = buildModel(files);
    this.setup = setupRules(this.model, plugins);
  }

  get workspace(): WorkspaceModel {
    return this.model;
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
    const file = analyzeFile(path, content, this.extraValidators);
    replaceFile(this.model, path, file);
    // The config decides rule levels: re-read them when it changes.
    if (path === CONFIG_FILE) this.setup = setupRules(this.model, this.plugins);
    return file;
  }

  remove(path: string): void {
    this.scalarLines.delete(path);
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
    diagnostics.push(...validateSchema(file, this.extraValidators));
    return file;
  }

  /** Diagnostics of one file, with every workspace rule applied to that file's items. */
  checkFile(path: string): Diagnostic[] {
    const file = this.model.byPath.get(path);
    if (!file) return [];
    const own = fileDiagnostics(file, this.setup.levels);
    const ruled = runRules(fileView(this.model, path), this.setup.rules, this.setup.levels).filter((d) => d.file === path);
    const config = path === CONFIG_FILE ? this.setup.configDiagnostics : [];
    return [...config, ...own, ...ruled].sort(compareDiagnostics);
  }

  /** Diagnostics of the whole workspace. */
  checkAll(): Diagnostic[] {
    return checkModel(this.model, this.setup);
  }
}
