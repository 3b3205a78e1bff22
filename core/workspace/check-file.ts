import type { Diagnostic } from '../diagnostics';
import { buildModel, CONFIG_FILE, type Located, type WorkspaceModel } from '../model/workspace-model';
import type { OkraConfig } from '../model/types.generated';
import type { ParsedFile } from '../parse/parse-file';
import type { Plugin } from '../plugins/define-plugin';
import { fileDiagnostics, setupRules, type RuleSetup } from '../validate/check-workspace';
import { outlineOf, type FileOutline } from '../validate/outline/file-outline';
import { runRules } from '../validate/run-rules';
import type { ExtraValidators } from '../validate/schema';
import { isContextFile, streamPlan, type StreamPlan } from '../validate/stream-plan';
import { analyzeFile } from './load-workspace';
import { pluginValidators } from './plugin-validators';

/** Everything needed to check one file on its own, the same in every thread. */
export interface FileChecking {
  setup: RuleSetup;
  plan: StreamPlan;
  extraValidators: ExtraValidators;
  config: Located<OkraConfig> | undefined;
  timezone: string;
}

/** One file checked on its own: plain data, as a worker thread sends it back. */
export interface FileCheck {
  hash: string;
  kind: string | undefined;
  /** Every diagnostic of the file but those of workspace rules, with levels and suppressions applied. */
  diagnostics: Diagnostic[];
  outline: FileOutline;
  /** The file's data, for a file the workspace rules read in full (see `StreamPlan.contextKinds`). */
  data?: unknown;
}

/** The setup for `checkFileAlone`, or `undefined` when a rule in force needs the whole workspace. */
export function fileChecking(config: ParsedFile, plugins: readonly Plugin[]): FileChecking | undefined {
  const configModel = buildModel([config]);
  const setup = setupRules(configModel, plugins);
  const plan = streamPlan(setup);
  if (!plan) return undefined;
  return { setup, plan, extraValidators: pluginValidators(plugins), config: configModel.config, timezone: configModel.timezone };
}

/** The model a file rule sees: the file's items, and the workspace's settings. */
function modelOfFile(file: ParsedFile, checking: FileChecking): WorkspaceModel {
  const model = buildModel([file]);
  if (file.path !== CONFIG_FILE) {
    model.config = checking.config;
    model.timezone = checking.timezone;
  }
  return model;
}

/** Checks a parsed file alone: its YAML and schema diagnostics, the file rules, its outline. */
export function checkParsedFile(file: ParsedFile, checking: FileChecking): FileCheck {
  const { levels } = checking.setup;
  const model = modelOfFile(file, checking);
  const diagnostics = fileDiagnostics(file, levels);
  diagnostics.push(...runRules(model, checking.plan.fileRules, levels));
  const check: FileCheck = { hash: file.hash, kind: file.kind, diagnostics, outline: outlineOf(model) };
  if (isContextFile(checking.plan, file.path, file.kind)) check.data = file.data;
  return check;
}

/** Reads, parses and checks one file alone: what a worker thread does with each file it is sent. */
export function checkFileAlone(path: string, bytes: Uint8Array, checking: FileChecking): FileCheck {
  return checkParsedFile(analyzeFile(path, bytes, checking.extraValidators), checking);
}
