import type { Diagnostic } from '../diagnostics';
import { outsideWorkspaceDiagnostics } from '../config/workspace-bounds';
import { CONFIG_FILE } from '../model/workspace-model';
import { parseFile, type ParsedFile } from '../parse/parse-file';
import { validateSchema, type ExtraValidators } from './schema';

/** Parses one file and checks it against its kind's schema and its place in the workspace. */
export function analyzeFile(path: string, bytes: Uint8Array | string, extraValidators?: ExtraValidators): ParsedFile {
  const file = parseFile(path, bytes);
  // A file whose data could not be read gets no schema diagnostics: validateSchema skips it.
  file.diagnostics.push(...validateSchema(file, extraValidators));
  file.diagnostics.push(...checkConfigPlace(file));
  if (path === CONFIG_FILE) file.diagnostics.push(...outsideWorkspaceDiagnostics(file));
  return file;
}

/**
 * The settings are okra.config.yaml's, and it must hold them: an empty config or one of another
 * kind is no config (the CLI exits with 2), and a `kind: Config` file elsewhere (say, another
 * workspace's config below this one) is reported rather than taken for the settings.
 */
function checkConfigPlace(file: ParsedFile): Diagnostic[] {
  const report = (message: string): Diagnostic[] => [
    { file: file.path, range: file.locate(['kind']), severity: 'error', rule: 'config/kind', message },
  ];
  if (file.path === CONFIG_FILE) {
    for (const d of file.diagnostics) if (d.rule === 'yaml/empty-file') d.severity = 'error';
    if (file.kind !== undefined && file.kind !== 'Config') {
      return report(`${CONFIG_FILE} holds the workspace settings: its kind is Config, not "${file.kind}"`);
    }
  } else if (file.kind === 'Config') {
    return report(`kind: Config belongs in ${CONFIG_FILE} at the workspace root; the settings in this file are ignored`);
  }
  return [];
}
