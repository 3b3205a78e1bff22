import type { Diagnostic } from '../diagnostics';
import { buildModel, CONFIG_FILE, type WorkspaceModel } from '../model/workspace-model';
import type { ParsedFile } from '../parse/parse-file';
import { analyzeFile } from '../validate/analyze-file';
import { outlineOf, type FileOutline } from '../validate/outline/file-outline';
import { runRules } from '../validate/run-rules';
import { isContextFile, leveledDiagnostics, type RuleSetup } from './rule-setup';

/**
 * What a check keeps of each file besides its diagnostics:
 * - `outline`: the outline of its ids and references, and the data of the files workspace rules
 *   read in full (a streamed `okra validate`);
 * - `model`: the data of every file (commands that go on to render or sync);
 * - `none`: nothing (the editor keeps the parsed files itself).
 */
export type Keep = 'outline' | 'model' | 'none';

/** One file checked on its own: plain data, as a worker thread sends it back and the cache stores it. */
export interface FileCheck {
  hash: string;
  kind: string | undefined;
  /** Every diagnostic of the file but those of workspace rules, with levels and suppressions applied. */
  diagnostics: Diagnostic[];
  outline?: FileOutline;
  data?: unknown;
}

/** The model a file rule sees: the file's items, and the workspace's settings. */
function modelOfFile(file: ParsedFile, setup: RuleSetup): WorkspaceModel {
  const model = buildModel([file]);
  if (file.path !== CONFIG_FILE) {
    model.config = setup.config;
    model.timezone = setup.timezone;
  }
  return model;
}

/**
 * The file stage of every check, whatever runs it: a file's YAML and schema diagnostics and its
 * file rules, with the config's levels and the file's suppressions applied.
 */
export function checkFile(file: ParsedFile, setup: RuleSetup, keep: Keep): FileCheck {
  const diagnostics = leveledDiagnostics(file, setup.levels);
  const model = setup.fileRules.length > 0 || keep === 'outline' ? modelOfFile(file, setup) : undefined;
  if (model && setup.fileRules.length > 0) diagnostics.push(...runRules(model, setup.fileRules, setup.levels));
  const check: FileCheck = { hash: file.hash, kind: file.kind, diagnostics };
  if (keep === 'outline') check.outline = outlineOf(model!);
  if (keep === 'model' || (keep === 'outline' && isContextFile(setup, file.path, file.kind))) check.data = file.data;
  return check;
}

/** Reads, parses and checks one file alone: what a worker thread does with each file it is sent. */
export function readAndCheckFile(path: string, bytes: Uint8Array, setup: RuleSetup, keep: Keep): FileCheck {
  return checkFile(analyzeFile(path, bytes, setup.extraValidators), setup, keep);
}
