import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CONFIG_FILE, ParseCache, validate, type Diagnostic, type FileCheck, type LoadedRule } from '../../core';
import { readSetup } from '../../core/engine/rule-setup';
import { stripBom } from '../../core/parse/parse-file';
import { readConfig } from '../../core/workspace/load-workspace';
import { AnalysisPool } from '../analysis-pool';
import { writeFileAtomic } from '../atomic-write';
import { findWorkspace } from '../find-workspace';
import { formatGithub } from '../format/github';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { pluginImporter } from '../import-plugin';
import { nodeHost } from '../node-host';
import { okraVersion } from '../package-root';
import { progressBar } from '../progress';
import { colorsEnabled, painter } from '../terminal';
import { ValidationCache } from '../validation-cache';
import { withWorkspaceOption } from '../workspace-options';

export const CACHE_FILE = join('.okra', 'cache', 'validate.json');

/** Runs `run` with the worker threads, and a progress bar when asked; both stop afterwards. */
async function withWorkers<T>(
  progress: boolean,
  run: (pool: AnalysisPool, onProgress?: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const bar = progress ? progressBar('Checking') : undefined;
  const pool = new AnalysisPool();
  try {
    return await run(pool, bar?.update);
  } finally {
    bar?.stop();
    await pool.close();
  }
}

/** Validates the workspace at `root`, the whole model kept: for commands that use it. */
export function runValidation(root: string): ReturnType<typeof validateKeepingModel> {
  return withWorkers(false, (pool) => validateKeepingModel(root, pool));
}

function validateKeepingModel(root: string, pool: AnalysisPool) {
  return validate(nodeHost(root), { importPlugin: pluginImporter(root), trusted: true, workers: pool.workersFor(root), keepModel: true });
}

/** What `okra validate` prints, from a run or from the result cache. */
interface ValidationReport {
  files: number;
  diagnostics: readonly Diagnostic[];
  rules(): Promise<LoadedRule[]>;
  sourceOf(file: string): string | undefined;
}

/** A report whose files are not in memory: code frames read them again. */
function reportFromDisk(
  root: string,
  files: number,
  diagnostics: readonly Diagnostic[],
  rules: () => Promise<LoadedRule[]>,
): ValidationReport {
  return {
    files,
    diagnostics,
    rules,
    sourceOf(file) {
      try {
        return stripBom(readFileSync(join(root, file), 'utf8'));
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Every file is checked and dropped as it is read, so that memory does not grow with the
 * workspace (see `validate`); with `cache`, unchanged files' checks come from it.
 */
async function streamedReport(
  root: string,
  options: { progress?: boolean; cache?: ParseCache<FileCheck>; knownHashes?: ReadonlyMap<string, string>; plugins?: boolean },
): Promise<ValidationReport> {
  // --no-plugins: no importer here, and workers told not to load them either.
  const plugins = options.plugins ?? true;
  const result = await withWorkers(options.progress ?? false, (pool, onProgress) =>
    validate(nodeHost(root), {
      importPlugin: plugins ? pluginImporter(root) : undefined,
      trusted: plugins,
      onProgress,
      workers: pool.workersFor(root),
      cache: options.cache,
      knownHashes: options.knownHashes,
    }),
  );
  return reportFromDisk(root, result.paths.length, result.diagnostics, async () => result.rules);
}

/**
 * Validates, or with `cache` reuses the last result when no file and no plugin changed (see
 * ValidationCache); a changed workspace is validated through the per-file cache.
 */
async function validationReport(
  root: string,
  options: { cache?: boolean; progress?: boolean; plugins?: boolean },
): Promise<ValidationReport> {
  // The caches are keyed on the plugins that ran: a run without them neither reads nor writes them.
  if (!options.cache || options.plugins === false) return streamedReport(root, { progress: options.progress, plugins: options.plugins });
  const host = nodeHost(root);
  const config = await readConfig(host);
  const cache = await ValidationCache.open(root, host, config);
  const stored = await cache.hit();
  if (!stored) {
    // The per-file checks: a changed file is checked again, the others come from here.
    const cachePath = join(root, CACHE_FILE);
    const checks = ParseCache.parse<FileCheck>(await readFile(cachePath, 'utf8').catch(() => undefined), cache.checksKey);
    const report = await streamedReport(root, { progress: options.progress, cache: checks, knownHashes: cache.hashes });
    if (checks.changed) await writeFileAtomic(cachePath, checks.serialize());
    await cache.store(report.files, report.diagnostics);
    return report;
  }
  return reportFromDisk(root, stored.files, stored.diagnostics, async () => {
    const { setup } = await readSetup(host, { importPlugin: pluginImporter(root), trusted: true });
    return setup.rules;
  });
}

/** 1 when there are errors, 2 when the config itself is unusable, else 0. */
export function exitCodeOf(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => d.file === CONFIG_FILE && /^(yaml|schema|config)\//.test(d.rule))) return 2;
  return errors.length > 0 ? 1 : 0;
}

type Format = 'text' | 'json' | 'sarif' | 'github';

export function registerValidateCommand(program: Command): void {
  withWorkspaceOption(
    program
      .command('validate')
      .description('check every file of the workspace: YAML, schema and workspace rules')
      .argument('[dir]', 'the workspace folder (same as --workspace)'),
  )
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('--cache', 'reuse results of unchanged files from .okra/cache (like ESLint --cache)')
    .option('--no-plugins', "check with okra's built-in rules only: the workspace's plugins (JavaScript) are not run")
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', (v) => {
      const n = Number(v);
      // InvalidArgumentError makes commander report it as a usage error, not as a crash.
      if (v.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError('It takes a whole number, 0 or more.');
      return n;
    })
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors (warnings allowed), 1 errors found, 2 unusable input or config.\n' +
        'Examples:\n  okra validate\n  okra validate examples/support-org --format json\n  okra validate --format github   # annotations in GitHub Actions',
    )
    .action(
      async (
        dir: string | undefined,
        options: { workspace?: string; format: Format; cache?: boolean; maxWarnings?: number; plugins: boolean },
      ) => {
        const root = findWorkspace(process.cwd(), dir ?? options.workspace);
        const report = await validationReport(root, {
          cache: options.cache,
          progress: options.format === 'text',
          plugins: options.plugins,
        });
        const { diagnostics, files } = report;
        let output: string;
        switch (options.format) {
          case 'json':
            output = formatJson(files, diagnostics);
            break;
          case 'sarif':
            output = formatSarif(diagnostics, {
              version: okraVersion(),
              rules: await report.rules(),
              workspaceUri: pathToFileURL(root).href,
            });
            break;
          case 'github':
            output = formatGithub(diagnostics, (file) => relative(process.cwd(), join(root, file)).split(sep).join('/'));
            break;
          default:
            output = formatText(files, diagnostics, { paint: painter(colorsEnabled()), sourceOf: report.sourceOf });
        }
        process.stdout.write(output);
        let code = exitCodeOf(diagnostics);
        const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
        if (code === 0 && options.maxWarnings !== undefined && warnings > options.maxWarnings) code = 1;
        process.exitCode = code;
      },
    );
}
