/** Runs the scenarios of scenarios.test.ts (see there for the layout); also used by other CLI tests. */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, replacePaths, runCli, type CliRun } from '../helpers/cli';

export const SCENARIOS = join(__dirname, 'scenarios');
export const EXAMPLE = join(REPO, 'examples', 'support-org');

export interface ScenarioSpec {
  argv: string[];
  workspace?: string;
  cwd?: string;
}

export function readSpec(name: string): ScenarioSpec {
  const raw = JSON.parse(readFileSync(join(SCENARIOS, name, 'args.json'), 'utf8')) as unknown;
  return Array.isArray(raw) ? { argv: raw as string[] } : (raw as ScenarioSpec);
}

/** Where the scenario's workspace comes from, or undefined for an empty folder. */
function workspaceSource(name: string, spec: ScenarioSpec): string | undefined {
  if (spec.workspace === 'none') return undefined;
  if (spec.workspace === 'example') return EXAMPLE;
  const source = join(SCENARIOS, spec.workspace ?? name, 'workspace');
  assert.ok(statSync(source, { throwIfNoEntry: false })?.isDirectory(), `scenario ${name}: no workspace folder ${source}`);
  return source;
}

export interface ScenarioRun extends CliRun {
  tmp: string;
  root: string;
}

/** Copies the scenario's workspace into a fresh temporary folder and runs the CLI there. */
export async function runScenario(name: string, spec: ScenarioSpec = readSpec(name)): Promise<ScenarioRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'okra-scenario-'));
  const root = join(tmp, 'workspace');
  const source = workspaceSource(name, spec);
  if (source) cpSync(source, root, { recursive: true });
  else mkdirSync(root);
  const run = await runCli(spec.argv, { cwd: resolve(root, spec.cwd ?? '.') });
  return { ...run, tmp, root };
}

/** Output with the run's own folders replaced by placeholders. */
export function normalized(run: ScenarioRun, text: string): string {
  return replacePaths(text, [
    [run.root, '<ROOT>'],
    [run.tmp, '<TMP>'],
    [REPO, '<REPO>'],
  ]);
}
