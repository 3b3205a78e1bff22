import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { buildModel, fileView, replaceFile, type WorkspaceModel } from '../model/workspace-model';
import type { ParsedFile } from '../parse/parse-file';
import type { Plugin } from '../plugins/define-plugin';
import { checkModel, fileDiagnostics, setupRules, type RuleSetup } from '../validate/check-workspace';
import { runRules } from '../validate/run-rules';
import type { ExtraValidators } from '../validate/schema';
import { analyzeFile, CONFIG_FILE } from './load-workspace';

/**
 * A workspace kept in memory between edits — the editor's path. `update` re-reads one file;
 * `checkFile` re-checks just that file against the whole workspace (cross-file references
 * included) without re-running rules over every other file; `checkAll` checks everything.
 */
export class WorkspaceSession {
  private readonly model: WorkspaceModel;
  private setup: RuleSetup;

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
    const file = analyzeFile(path, content, this.extraValidators);
    replaceFile(this.model, path, file);
    // The config decides rule levels: re-read them when it changes.
    if (path === CONFIG_FILE) this.setup = setupRules(this.model, this.plugins);
    return file;
  }

  remove(path: string): void {
    replaceFile(this.model, path, undefined);
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
