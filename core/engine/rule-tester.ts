import type { Diagnostic, Severity } from '../diagnostics';
import { definePlugin, type Plugin } from '../plugins/define-plugin';
import type { Rule } from '../plugins/define-rule';
import { collectRules } from '../validate/run-rules';
import { memoryHost } from '../workspace/host';
import { CONFIG_FILE } from '../workspace/load-workspace';
import { WorkspaceSession } from './session';
import { validate } from './validate';

/** A workspace for one case: paths → YAML. A minimal `okra.config.yaml` is added when it has none. */
export interface RuleTestCase {
  name?: string;
  files: Record<string, string>;
}

/** What one expected diagnostic must match; positions are 1-based, as printed. */
export interface ExpectedDiagnostic {
  /** The message, or a pattern it matches. */
  message?: string | RegExp;
  /** The name of the rule's message the diagnostic was made from. */
  messageId?: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  /** The rule's diagnostics in order (by file and position), or how many there are. */
  errors: ExpectedDiagnostic[] | number;
}

type Describe = (name: string, body: () => void) => void;
type It = (name: string, body: () => Promise<void>) => void;

const MINIMAL_CONFIG = 'kind: Config\nversion: 1\n';

/**
 * Tests a rule as ESLint's RuleTester does, with tables of valid and invalid workspaces. Each case
 * runs through every way okra runs rules (`validate` holding the model, `validate` streaming,
 * and an editor's `WorkspaceSession` checking the whole workspace and each file alone), and
 * fails when they disagree: a rule that reads more than it declares (`scope`, `kinds`) is caught
 * here rather than in a user's editor.
 *
 * Under mocha (or any runner with global `describe`/`it`) each case is a test; elsewhere `run`
 * returns a promise that rejects with the first failure.
 */
export class RuleTester {
  /** Overridable, like ESLint's: the test runner's `describe` and `it`. */
  static describe: Describe | undefined = (globalThis as { describe?: Describe }).describe;
  static it: It | undefined = (globalThis as { it?: It }).it;

  constructor(private readonly options: { plugins?: readonly Plugin[] } = {}) {}

  run(name: string, rule: Rule<string>, tests: { valid: RuleTestCase[]; invalid: InvalidRuleTestCase[] }): Promise<void> {
    const plugin = definePlugin({ name: 'okra-plugin-rule-tester', rules: [rule] });
    const ruleId = collectRules([plugin])[0].id;
    const cases: Array<[string, () => Promise<void>]> = [
      ...tests.valid.map((c, i): [string, () => Promise<void>] => [
        `valid ${c.name ?? i + 1}`,
        async () => expectDiagnostics(await this.check(c, plugin, ruleId), []),
      ]),
      ...tests.invalid.map((c, i): [string, () => Promise<void>] => [
        `invalid ${c.name ?? i + 1}`,
        async () => expectDiagnostics(await this.check(c, plugin, ruleId), c.errors, rule),
      ]),
    ];
    const { describe, it } = RuleTester;
    if (describe && it) {
      describe(name, () => {
        for (const [title, body] of cases) it(title, body);
      });
      return Promise.resolve();
    }
    return cases.reduce<Promise<void>>((previous, [, body]) => previous.then(body), Promise.resolve());
  }

  /** The rule's diagnostics of one case, the same through every strategy (or a failure saying which differs). */
  private async check(test: RuleTestCase, plugin: Plugin, ruleId: string): Promise<Diagnostic[]> {
    const files = CONFIG_FILE in test.files ? test.files : { [CONFIG_FILE]: MINIMAL_CONFIG, ...test.files };
    const host = memoryHost(files);
    const extraPlugins = [...(this.options.plugins ?? []), plugin];
    const whole = (await validate(host, { extraPlugins, keepModel: true })).diagnostics;
    const streamed = (await validate(host, { extraPlugins })).diagnostics;
    const session = await WorkspaceSession.open(host, { extraPlugins });
    const editor = session.check();
    const perFile = Object.keys(files)
      .sort()
      .flatMap((path) => session.check(path));
    const runs: Array<[string, Diagnostic[]]> = [
      ['validate, holding the model', whole],
      ['validate, streaming', streamed],
      ['an editor session, whole workspace', editor],
      ['an editor session, one file at a time', perFile],
    ];
    const reference = JSON.stringify(ofRule(whole, ruleId));
    for (const [strategy, diagnostics] of runs.slice(1)) {
      if (JSON.stringify(ofRule(diagnostics, ruleId)) !== reference) {
        throw new Error(
          `${ruleId} reports differently through ${strategy} than through validate: does the rule read more than its scope and kinds say?\n` +
            `validate: ${reference}\n${strategy}: ${JSON.stringify(ofRule(diagnostics, ruleId))}`,
        );
      }
    }
    const crashed = whole.find((d) => d.rule === 'okra/rule-error');
    if (crashed) throw new Error(crashed.message);
    return ofRule(whole, ruleId);
  }
}

function ofRule(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.rule === ruleId);
}

/** A message template as a pattern: placeholders match anything. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^]*')}$`);
}

function describeDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;
}

function expectDiagnostics(actual: Diagnostic[], expected: ExpectedDiagnostic[] | number, rule?: Rule<string>): void {
  const count = typeof expected === 'number' ? expected : expected.length;
  if (actual.length !== count) {
    throw new Error(`expected ${count} diagnostic(s), got ${actual.length}:\n${actual.map(describeDiagnostic).join('\n')}`);
  }
  if (typeof expected === 'number') return;
  expected.forEach((want, i) => {
    const got = actual[i];
    const fail = (what: string, wanted: unknown, was: unknown) => {
      throw new Error(`diagnostic ${i + 1} (${describeDiagnostic(got)}): expected ${what} ${String(wanted)}, got ${String(was)}`);
    };
    if (want.file !== undefined && got.file !== want.file) fail('file', want.file, got.file);
    if (want.line !== undefined && got.range.start.line + 1 !== want.line) fail('line', want.line, got.range.start.line + 1);
    if (want.column !== undefined && got.range.start.character + 1 !== want.column)
      fail('column', want.column, got.range.start.character + 1);
    if (want.endLine !== undefined && got.range.end.line + 1 !== want.endLine) fail('end line', want.endLine, got.range.end.line + 1);
    if (want.endColumn !== undefined && got.range.end.character + 1 !== want.endColumn)
      fail('end column', want.endColumn, got.range.end.character + 1);
    if (want.severity !== undefined && got.severity !== want.severity) fail('severity', want.severity, got.severity);
    if (typeof want.message === 'string' && got.message !== want.message) fail('message', want.message, got.message);
    if (want.message instanceof RegExp && !want.message.test(got.message)) fail('message matching', want.message, got.message);
    if (want.messageId !== undefined) {
      const template = (rule?.messages as Record<string, string> | undefined)?.[want.messageId];
      if (template === undefined) throw new Error(`the rule declares no message "${want.messageId}"`);
      if (!templatePattern(template).test(got.message)) fail(`a message made from "${want.messageId}", like`, template, got.message);
    }
  });
}
